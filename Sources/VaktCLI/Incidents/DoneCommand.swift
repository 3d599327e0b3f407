import ArgumentParser

/// `vakt done ID STEP`: completes a step.
struct DoneCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Complete a step (a step with a question is answered with 'vakt decide')."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Argument(help: "The step's id.")
    var step: String

    @Option(help: "What was done or found (required where the step asks to record something).")
    var note: String?

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        try record(.complete(step: step, note: note))
    }
}
