#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VaktTestSupport

/// Runs a small python3 program on a file, as an independent reader of what
/// the exports write (its csv module, its json module, its HTML parser).
enum Python {
    static let path: String? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"] where access(candidate, X_OK) == 0 {
            return candidate
        }
        return nil
    }()

    static var isAvailable: Bool { path != nil }

    /// Runs `program` with `input` written to a file whose path is `sys.argv[1]`.
    static func run(_ program: String, input: String) -> ChildProcess.Outcome? {
        guard let python = path else { return nil }
        let folder = TemporaryFolder(prefix: "vakt-export")
        defer { folder.remove() }
        let inputPath = folder.write(input, to: "input")
        let child = try? ChildProcess(
            python, ["-c", program, inputPath], environment: ["PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"],
            outputPath: folder.file("stdout"), errorPath: folder.file("stderr"))
        return child?.wait()
    }
}
