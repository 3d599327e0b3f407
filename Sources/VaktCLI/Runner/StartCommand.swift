import ArgumentParser
import PlaybookFormat

/// `vakt` with no subcommand: the start screen, with the open incidents to
/// resume first and then the playbooks to start, narrowed as you type.
///
/// It is the root's default subcommand, so a mistyped subcommand lands here
/// as a word: it is answered as an unknown command (with the nearest name),
/// not as a stray argument of a command the user never typed.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "The terminal UI's start screen: open incidents to resume, playbooks to start (`vakt` alone).",
        shouldDisplay: false
    )

    @Argument(help: .hidden)
    var words: [String] = []

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        if let word = words.first {
            let names = Vakt.configuration.subcommands.compactMap { $0.configuration.commandName }
                .filter { $0 != Self.configuration.commandName }
            var message = "unknown command '\(word)'"
            if let nearest = Suggestion.nearest(to: word, in: names) { message += "; did you mean '\(nearest)'?" }
            throw CommandFailure(message + " (`vakt --help` lists the commands)", exitCode: 2)
        }
        try Self.show(interface: interface.arguments)
    }

    /// The start screen, on plain values (also reached from `InterfaceInvocation`).
    static func show(interface: InterfaceArguments) throws {
        let status = try RunnerLoop.startScreen(settings: try interface.settings())
        if status != 0 { throw ExitCode(status) }
    }
}
