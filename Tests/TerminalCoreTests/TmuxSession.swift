#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A private tmux server for testing the backend in a real terminal.
///
/// tmux is started with `posix_spawn` (Foundation's `Process` can hang when
/// the forked server inherits its pipe), a clean signal mask and default
/// dispositions (test workers block most signals), descriptors above 2
/// closed, and output to files. Its own socket (`-L vakt-test-<pid>-<n>`)
/// and `-f /dev/null` keep the user's tmux out of it. Waits poll the screen
/// with a deadline; nothing sleeps a fixed time.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    nonisolated(unsafe) private static var counter = 0

    let socket: String
    let session = "check"
    private let folder: String

    /// Starts a detached session of a fixed size running `command` in `/bin/sh`.
    init(width: Int, height: Int, command: String, environment: [String] = []) throws {
        Self.counter += 1
        socket = "vakt-test-\(getpid())-\(Self.counter)"
        var template = Array("/tmp/vakt-tmux-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw Failure(description: "mkdtemp failed") }
        folder = made
        let result = try tmux([
            "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
            "-e", "LANG=C.UTF-8", "-e", "SWIFT_BACKTRACE=enable=no",
        ] + environment.flatMap { ["-e", $0] } + [command])
        guard result.status == 0 else {
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.output)")
        }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        _ = try? Self.spawnAndWait(["/bin/rm", "-rf", folder], output: "/dev/null")
    }

    /// The screen as `capture-pane -p` shows it: one line per row, trailing spaces trimmed.
    func screen() throws -> [String] {
        let result = try tmux(["capture-pane", "-p", "-t", session])
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Everything the pane printed, history included, wrapped lines joined:
    /// for reading program output rather than a screen.
    func transcript() throws -> [String] {
        let result = try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", session])
        return result.output.split(separator: "\n").map { line in
            var text = String(line)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The screen with its attributes and colours as escape sequences (`capture-pane -e`).
    func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", session]).output
    }

    /// A tmux format value of the pane, e.g. `#{alternate_on}`.
    func value(_ format: String) throws -> String {
        let output = try tmux(["display-message", "-p", "-t", session, format]).output
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    func sendKeys(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", session] + keys)
    }

    /// Types text literally (UTF-8 included).
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-l", "-t", session, text])
    }

    func resize(width: Int, height: Int) throws {
        _ = try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    func killSession() throws {
        _ = try tmux(["kill-session", "-t", session])
    }

    /// Polls the screen until `condition` holds, or fails the test at the
    /// deadline with the last screen in the message.
    @discardableResult
    func waitForScreen(
        seconds: Double = 15, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        until condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Self.monotonicSeconds() + seconds
        var last: [String] = []
        while true {
            last = try screen()
            if condition(last) { return last }
            if Self.monotonicSeconds() > deadline {
                Issue.record("timed out waiting for \(what); screen:\n\(last.joined(separator: "\n"))", sourceLocation: sourceLocation)
                throw Failure(description: "timed out waiting for \(what)")
            }
            usleep(20_000)
        }
    }

    // MARK: - Running tmux

    @discardableResult
    func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = folder + "/out-\(Self.nextOutput())"
        let status = try Self.spawnAndWait(["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments, output: output)
        let text = Self.read(output)
        unlink(output)
        return (status, text)
    }

    nonisolated(unsafe) private static var outputs = 0
    private static func nextOutput() -> Int {
        outputs += 1
        return outputs
    }

    /// Runs a program to completion with stdout and stderr to a file.
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
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

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
    /// never holds another test's pipe open. glibc 2.34 has closefrom for
    /// spawn (looked up at run time: Swift does not import it); otherwise
    /// the open descriptors are listed from /proc.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if let descriptor = Int32(name), descriptor > 2 { descriptors.append(descriptor) }
        }
        for descriptor in descriptors where descriptor != dirfd(directory) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    static func read(_ path: String) -> String {
        let file = open(path, O_RDONLY)
        guard file >= 0 else { return "" }
        defer { close(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += buffer.prefix(count)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Whether a process has ended (a zombie counts as ended).
    static func hasEnded(_ pid: Int32) -> Bool {
        if kill(pid, 0) != 0 { return true }
        let stat = read("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].dropFirst().first
        return state == "Z" || state == "X"
    }
}
