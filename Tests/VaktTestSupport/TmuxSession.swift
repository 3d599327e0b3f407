import Glibc

/// A private tmux server with one detached session: a real terminal for
/// end-to-end tests of the terminal UI.
///
/// tmux is started with `posix_spawn` (Foundation's `Process` can hang when
/// the forked server inherits its pipe), a clean signal mask and default
/// dispositions (test workers block most signals), every descriptor above
/// 2 closed, and its output to a file. Its own socket (`-L`) and
/// `-f /dev/null` keep the user's tmux and configuration out. Waits poll
/// the screen until a deadline; nothing sleeps a fixed time.
///
/// A failed wait throws `Failure` with the last screen in its description,
/// so the test's failure shows what was on screen.
public final class TmuxSession {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let socket: String
    public let session = "vakt"
    private let folder: String

    /// Starts a detached session of a fixed size running `command` in `/bin/sh`,
    /// with `LANG=C.UTF-8` and `environment` ("NAME=value") in the pane.
    public init(width: Int, height: Int, command: String, environment: [String] = []) throws {
        socket = "vakt-tui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var template = Array("/tmp/vakt-tmux-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw Failure(description: "mkdtemp failed") }
        folder = made
        let settings = ["LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no"] + environment
        let result = try tmux(
            ["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)"]
                + settings.flatMap { ["-e", $0] } + [command])
        guard result.status == 0 else {
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.output)")
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        Files.removeTree(folder)
    }

    // MARK: - Reading the screen

    /// The screen as `capture-pane -p` shows it: one line per row, trailing spaces trimmed.
    public func screen() throws -> [String] {
        let result = try tmux(["capture-pane", "-p", "-t", session])
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Everything the pane printed, history included, wrapped lines joined.
    public func transcript() throws -> [String] {
        let result = try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", session])
        return result.output.split(separator: "\n").map { line in
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The screen with its attributes and colours as escape sequences (`capture-pane -e`).
    public func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", session]).output
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    public func value(_ format: String) throws -> String {
        let output = try tmux(["display-message", "-p", "-t", session, format]).output
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    // MARK: - Typing

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-c`, `Up`, `Space`).
    public func press(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", session] + keys)
    }

    /// Types text literally, UTF-8 included.
    public func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-l", "-t", session, text])
    }

    public func resize(width: Int, height: Int) throws {
        _ = try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the session: the pane's terminal hangs up (SIGHUP), as when an SSH connection drops.
    public func kill() throws {
        _ = try tmux(["kill-session", "-t", session])
    }

    // MARK: - Waiting

    /// Polls the screen until `condition` holds; throws at the deadline with the last screen.
    @discardableResult
    public func waitForScreen(
        _ what: String, seconds: Double = 20, until condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Self.monotonicSeconds() + seconds
        var last: [String] = []
        while true {
            last = try screen()
            if condition(last) { return last }
            if Self.monotonicSeconds() > deadline {
                throw Failure(description: "timed out after \(seconds) s waiting for \(what); screen:\n"
                    + last.joined(separator: "\n"))
            }
            usleep(20_000)
        }
    }

    /// Waits until some line of the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 20) throws -> [String] {
        try waitForScreen("“\(text)”", seconds: seconds) { lines in lines.contains { $0.contains(text) } }
    }

    /// Polls `condition` until it holds; throws `what` at the deadline.
    public static func waitUntil(_ what: String, seconds: Double = 20, _ condition: () -> Bool) throws {
        let deadline = monotonicSeconds() + seconds
        while !condition() {
            if monotonicSeconds() > deadline {
                throw Failure(description: "timed out after \(seconds) s waiting for \(what)")
            }
            usleep(20_000)
        }
    }

    /// Whether a process has ended (a zombie counts as ended).
    public static func hasEnded(_ pid: Int32) -> Bool {
        if Glibc.kill(pid, 0) != 0 { return true }
        let stat = Files.readText("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].dropFirst().first
        return state == "Z" || state == "X"
    }

    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `text` in single quotes for /bin/sh.
    public static func quote(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    // MARK: - Running tmux

    @discardableResult
    public func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = folder + "/out-\(UInt64.random(in: 0...UInt64.max))"
        let status = try Self.spawnAndWait(
            ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output)
        let text = Files.readText(output)
        unlink(output)
        return (status, text)
    }

    /// Runs a program to completion with stdout and stderr to a file; returns
    /// its exit status (128 + the signal when a signal ended it).
    static func spawnAndWait(_ arguments: [String], output: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(ChildProcess.resetSignals(&attributes)))

        let environment = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "HOME=/tmp", "SHELL=/bin/sh", "TERM=xterm-256color",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "posix_spawn \(arguments[0]) failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Closes every descriptor above 2 in the child, so that the tmux server
    /// never holds a test runner's pipe open (glibc's closefrom for spawn,
    /// looked up at run time; else the descriptors listed in /proc).
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if let descriptor = Int32(name), descriptor > 2 { descriptors.append(descriptor) }
        }
        for descriptor in descriptors where descriptor != dirfd(directory) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
}
