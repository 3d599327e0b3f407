import Glibc

/// Runs the built `vakt` (or a shell) as a child process, for end-to-end tests.
///
/// `posix_spawn` with a clean signal mask and default dispositions: a worker
/// thread of the test runner blocks most signals, and a child must not
/// inherit that (SIGKILL is never blocked, but SIGTERM and SIGPIPE would be).
/// Output goes to files, so nothing can block on a full pipe.
public struct ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var signal: Int32?
        public var stdout: String
        public var stderr: String
    }

    /// The `vakt` binary built beside this test bundle.
    public static let vaktPath: String = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let executable = length > 0
            ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        var folder = Substring(executable)
        // …/debug/vaktPackageTests.xctest (a file on Linux) → …/debug/vakt
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            let candidate = folder + "/vakt"
            var info = stat()
            if stat(String(candidate), &info) == 0, info.st_mode & S_IFMT == S_IFREG { return String(candidate) }
        }
        return "vakt"
    }()

    /// The environment the children get: no user settings leak in.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TZ": "Europe/Oslo",
            "HOME": "/nonexistent",
            "SWIFT_BACKTRACE": "enable=no",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    public let pid: pid_t
    public let outputPath: String
    public let errorPath: String

    /// Starts `path` with `arguments`; stdin from `inputPath` (else /dev/null); `newGroup` puts it in its own process group.
    public init(
        _ path: String, _ arguments: [String], environment: [String: String] = ChildProcess.environment(),
        inputPath: String? = nil, outputPath: String, errorPath: String, newGroup: Bool = false
    ) throws {
        self.outputPath = outputPath
        self.errorPath = errorPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Self.resetSignals(&attributes)
        if newGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(code: result, path: path) }
        pid = child
    }

    /// Sets an empty signal mask and every signal's default disposition for
    /// the child; returns the flags that make `posix_spawn` apply them.
    static func resetSignals(_ attributes: inout posix_spawnattr_t) -> Int32 {
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        return Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
    }

    public struct SpawnError: Error, CustomStringConvertible {
        var code: Int32
        var path: String
        public var description: String { "cannot start \(path): \(String(cString: strerror(code)))" }
    }

    /// Waits for the child to end; returns its exit status (or the signal that ended it) and output.
    public func wait() -> Outcome {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = status & 0x7F != 0 && status & 0x7F != 0x7F
        let outcome = Outcome(
            status: signalled ? -1 : (status >> 8) & 0xFF, signal: signalled ? status & 0x7F : nil,
            stdout: String(decoding: Files.read(outputPath), as: UTF8.self),
            stderr: String(decoding: Files.read(errorPath), as: UTF8.self))
        return outcome
    }

    /// Runs `vakt` with `arguments` to its end.
    public static func vakt(
        _ arguments: [String], in folder: TemporaryFolder, input: String? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let stamp = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        var inputPath: String?
        if let input {
            inputPath = folder.path + "/stdin-\(stamp)"
            Files.write(Array(input.utf8), to: folder.path + "/stdin-\(stamp)")
        }
        let child = try ChildProcess(
            vaktPath, arguments, environment: Self.environment(environment), inputPath: inputPath,
            outputPath: folder.path + "/stdout-\(stamp)", errorPath: folder.path + "/stderr-\(stamp)")
        let outcome = child.wait()
        unlink(child.outputPath)
        unlink(child.errorPath)
        if let inputPath { unlink(inputPath) }
        return outcome
    }
}
