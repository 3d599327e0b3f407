import ArgumentParser

/// `vakt open PLAYBOOK`: opens an incident without the terminal UI and prints its ID.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open an incident from a playbook without the terminal UI; prints its ID.",
        discussion: """
            The playbook is copied byte for byte into the incident's folder, so that editing it later \
            never changes this incident's record.
            """
    )

    @Argument(help: "A playbook id or a path to a .playbook file.")
    var playbook: String

    @Option(help: "The incident's title (default: the playbook's title).")
    var title: String?

    @Flag(help: "Mark the incident as an exercise.")
    var exercise = false

    @Option(help: ArgumentHelp("The folder to find playbooks in.", valueName: "dir"))
    var playbooks: String?

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let loaded = try LoadedPlaybook.find(playbook, locator: PlaybookLocator(explicitFolder: playbooks))
        let actor = try IncidentEnvironment.actor(actorOption.actor)
        let catalog = try IncidentEnvironment.catalog(homeOption.home)
        let now = IncidentEnvironment.clock.now()
        let occurred = try AtTime.parse(time.at, now: now)
        let opened = try IncidentOpener.open(
            loaded, title: title, exercise: exercise, actor: actor, catalog: catalog, now: now, at: occurred)
        StandardStreams.write(opened.id + "\n")
    }
}
