import ArgumentParser

/// `vakt check ID STEP ITEM`: ticks (or with `--untick` unticks) a checklist item.
struct CheckCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Tick a checklist item (ITEM: its number)."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Argument(help: "The step's id.")
    var step: String

    @Argument(help: "The item's number (1, 2, …).")
    var item: Int

    @Flag(help: "Untick the item instead.")
    var untick = false

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        try record(untick ? .untick(step: step, item: item) : .tick(step: step, item: item))
    }
}
