#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a small python3 program on a file, as an independent reader of what
/// the exports write (its csv module, its json module, its HTML parser).
enum Python {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let path: String? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where access(candidate, X_OK) == 0 {
            return candidate
        }
        return nil
    }()

    static var isAvailable: Bool { path != nil }

    /// Runs `program` with `input` written to a file whose path is `sys.argv[1]`.
    static func run(_ program: String, input: String) -> Outcome? {
        guard let python = path else { return nil }
        let folder = TestFile.temporaryFolder()
        let inputPath = folder + "/input"
        let outputPath = folder + "/stdout"
        let errorPath = folder + "/stderr"
        defer { TestFile.remove(folder, files: ["input", "stdout", "stderr"]) }
        guard TestFile.write(input, to: inputPath) else { return nil }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let arguments = [python, "-c", program, inputPath]
        let argv = arguments.map { strdup($0) } + [nil]
        let environment: [String] = ["PYTHONIOENCODING=utf-8", "LANG=C.UTF-8"]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        guard posix_spawn(&child, python, &actions, &attributes, argv, envp) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return Outcome(
            status: (status >> 8) & 0xFF, stdout: TestFile.read(outputPath) ?? "", stderr: TestFile.read(errorPath) ?? "")
    }
}
