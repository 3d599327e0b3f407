import ArgumentParser
import IncidentEngine

/// `vakt check ID STEP ITEM`: ticks (or with `--untick` unticks) a checklist item.
struct CheckCommand: ParsableCommand {
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
        let actor = try IncidentEnvironment.actor(actorOption)
        let occurred = try AtTime.parse(time.at, now: IncidentEnvironment.clock.now())
        let session = try IncidentSession.open(id, catalog: try IncidentEnvironment.catalog(homeOption), forWriting: true)
        let command: IncidentCommand = untick ? .untick(step: step, item: item) : .tick(step: step, item: item)
        let written = try session.perform(command, actor: actor, at: occurred)
        StandardStreams.write(session.confirmation(for: written))
    }
}
