import ArgumentParser

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
}
