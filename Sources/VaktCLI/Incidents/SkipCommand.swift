import ArgumentParser

/// `vakt skip ID STEP --reason TEXT`: skips a step, saying why.
struct SkipCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "skip",
        abstract: "Skip a step, with the reason."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Argument(help: "The step's id.")
    var step: String

    @Option(help: "Why the step is skipped.")
    var reason: String

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        try record(.skip(step: step, reason: reason))
    }
}
