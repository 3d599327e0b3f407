import ArgumentParser
import Glibc
import IncidentEngine
import IncidentStore
import PlaybookFormat

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
        let path: String
        switch PlaybookLocator(explicitFolder: playbooks).resolve(playbook) {
        case .found(let found): path = found
        case .notFound(let message): throw CommandFailure(message, exitCode: 2)
        }
        let source: SourceFile
        switch SourceLoader.load(path) {
        case .success(let loaded): source = loaded
        case .failure(let failure): throw CommandFailure(failure.description, exitCode: 2)
        }
        let result = DocumentParser.parse(source, as: .playbook)
        guard let parsed = result.playbook, !result.hasErrors else {
            let renderer = DiagnosticRenderer(colors: StandardStreams.wantsColor(2))
            StandardStreams.writeError(renderer.render(result.errors, sources: [path: source]))
            throw CommandFailure("\(path) has errors; run 'vakt lint \(path)'", exitCode: 1)
        }
        let actor = try IncidentEnvironment.actor(actorOption)
        let catalog = try IncidentEnvironment.catalog(homeOption)
        let now = IncidentEnvironment.clock.now()
        let occurred = try AtTime.parse(time.at, now: now)
        let command = IncidentCommand.open(
            title: title ?? parsed.title.value, exercise: exercise, playbookSHA256: HashChain.sha256Hex(source.bytes))

        try IncidentFailure.translating {
            // Check first, so that a refused opening leaves no folder behind.
            _ = try command.plan(against: RunState(playbook: parsed), now: now, at: occurred)
            let folder = try catalog.create(
                playbookID: parsed.id.value, playbookBytes: source.bytes, opened: occurred ?? now)
            do {
                let session = IncidentSession(folder: folder, playbook: parsed, journal: try folder.openJournal())
                try session.perform(command, actor: actor, at: occurred)
            } catch {
                Self.removeUnopened(folder)
                throw error
            }
            StandardStreams.write(folder.id.rawValue + "\n")
        }
    }

    /// Removes a folder whose opening event could not be written (it holds no event).
    private static func removeUnopened(_ folder: IncidentFolder) {
        for name in [IncidentFolder.journalName, IncidentFolder.journalName + ".head", IncidentFolder.playbookName] {
            unlink(folder.path + "/" + name)
        }
        rmdir(folder.path)
    }
}
