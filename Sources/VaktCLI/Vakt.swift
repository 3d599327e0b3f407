import ArgumentParser
import PlaybookFormat

/// The root command. With no subcommand it opens the terminal UI's start screen (`StartCommand`).
public struct Vakt: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vakt",
        abstract: "Walk an incident-response playbook step by step, and keep a tamper-evident record of it.",
        discussion: """
            Playbooks are plain-text files (*.playbook) with phases, steps, decisions and deadlines; \
            scenarios (*.scenario) drive tabletop exercises; contact lists (*.contacts) say who to call.
            """,
        version: VaktVersion.current,
        subcommands: [
            LintCommand.self,
            ShowCommand.self,
            OpenCommand.self, NoteCommand.self, DoneCommand.self, SkipCommand.self, DecideCommand.self, CheckCommand.self, CloseCommand.self, StatusCommand.self, ListCommand.self, VerifyCommand.self,
            ExportCommand.self, ReviewCommand.self,
            RunCommand.self, ResumeCommand.self, ExerciseSubcommand.self, StartCommand.self,
        ],
        defaultSubcommand: StartCommand.self
    )

    public init() {}

    /// Runs vakt with the process arguments and exits with the contract's codes:
    /// 0 success, 1 a problem was found, 2 bad usage or unreadable input.
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        do {
            if let invocation = InterfaceInvocation(arguments) {
                try invocation.perform()
            } else {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            Self.exit()
        } catch let failure as CommandFailure {
            StandardStreams.writeError("vakt: " + TerminalSafeText.sanitize(failure.message) + "\n")
            Self.exit(withError: ExitCode(failure.exitCode))
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser says 64 (EX_USAGE); vakt's contract says 2 for bad usage.
                let message = fullMessage(for: error)
                if !message.isEmpty { StandardStreams.writeError(message + "\n") }
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}

/// The version printed by `vakt --version`.
public enum VaktVersion {
    public static let current = "0.1.0"
}
