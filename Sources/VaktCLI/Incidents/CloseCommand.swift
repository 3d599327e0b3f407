import ArgumentParser

/// `vakt close ID`: closes the incident.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close the incident."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Option(help: "A closing note.")
    var note: String?

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let actor = try IncidentEnvironment.actor(actorOption)
        let occurred = try AtTime.parse(time.at, now: IncidentEnvironment.clock.now())
        let session = try IncidentSession.open(id, catalog: try IncidentEnvironment.catalog(homeOption), forWriting: true)
        let written = try session.perform(.close(note: note), actor: actor, at: occurred)
        StandardStreams.write(session.confirmation(for: written))
    }
}
