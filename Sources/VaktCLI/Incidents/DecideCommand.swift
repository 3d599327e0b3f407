import ArgumentParser

/// `vakt decide ID STEP OPTION`: answers a step's question, which completes the step.
struct DecideCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Answer a step's decision (OPTION: its number or its label); this completes the step."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Argument(help: "The step's id.")
    var step: String

    @Argument(help: "The option's number (1, 2, …) or its label.")
    var option: String

    @Option(help: "What was found (required where the step asks to record something).")
    var note: String?

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        try record(.decide(step: step, option: option, note: note))
    }
}
