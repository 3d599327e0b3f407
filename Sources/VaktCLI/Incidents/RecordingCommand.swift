import IncidentEngine

/// A scriptable command that records one action in an incident (`note`,
/// `done`, `skip`, `decide`, `check`, `close`): the incident's ID, and
/// `--at`, `--as` and `--home`.
protocol RecordingCommand {
    var id: String { get }
    var time: TimeOption { get }
    var actorOption: ActorOption { get }
    var homeOption: HomeOption { get }
}

extension RecordingCommand {
    /// Appends what `command` makes of the incident as it stands now, and
    /// confirms on standard output what was written.
    func record(_ command: IncidentCommand) throws {
        let actor = try IncidentEnvironment.actor(actorOption.actor)
        let occurred = try AtTime.parse(time.at, now: IncidentEnvironment.clock.now())
        let session = try IncidentSession.open(id, catalog: try IncidentEnvironment.catalog(homeOption.home), forWriting: true)
        let written = try session.perform(command, actor: actor, at: occurred)
        StandardStreams.write(session.confirmation(for: written))
    }
}
