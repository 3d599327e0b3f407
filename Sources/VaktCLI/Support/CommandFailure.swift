import ArgumentParser
import PlaybookFormat

/// A command that ran and could not do its job: one clear line on standard
/// error and the contract's exit code (1 a problem found, 2 unusable input).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }

    /// A file that cannot be read at all (exit code 2).
    static func unreadable(_ failure: SourceLoader.Failure) -> CommandFailure {
        CommandFailure(failure.description, exitCode: 2)
    }

    /// A document with errors: prints `diagnostics` to standard error as
    /// `vakt lint` does, and is the failure that sends the user there (exit code 1).
    static func documentErrors(_ diagnostics: [Diagnostic], path: String, source: SourceFile) -> CommandFailure {
        let renderer = DiagnosticRenderer(colors: StandardStreams.wantsColor(2))
        StandardStreams.writeError(renderer.render(diagnostics, sources: [path: source]))
        return CommandFailure("\(path) has errors; run 'vakt lint \(path)'", exitCode: 1)
    }
}
