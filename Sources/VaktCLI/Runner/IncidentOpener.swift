#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentEngine
import IncidentStore
import PlaybookFormat

/// Opens a new incident for the terminal UI (`vakt run`, and Enter on a
/// playbook in the start screen), the same way `vakt open` does: the
/// playbook copied byte for byte, the opening event durable before the UI
/// shows it, and no folder left behind when the opening is refused.
enum IncidentOpener {
    /// Finds a playbook by id or path, as every command does.
    static func locate(_ reference: String, locator: PlaybookLocator) throws -> String {
        switch locator.resolve(reference) {
        case .found(let path): return path
        case .notFound(let message): throw CommandFailure(message, exitCode: 2)
        }
    }

    /// Reads and checks the playbook at `path`; its diagnostics go to stderr.
    static func load(_ path: String) throws -> (source: SourceFile, playbook: Playbook) {
        let source: SourceFile
        switch SourceLoader.load(path) {
        case .success(let loaded): source = loaded
        case .failure(let failure): throw CommandFailure(failure.description, exitCode: 2)
        }
        let result = DocumentParser.parse(source, as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            let renderer = DiagnosticRenderer(colors: StandardStreams.wantsColor(2))
            StandardStreams.writeError(renderer.render(result.errors, sources: [path: source]))
            throw CommandFailure("\(path) has errors; run 'vakt lint \(path)'", exitCode: 1)
        }
        return (source, playbook)
    }

    /// Opens the incident and returns its session, the opening already in the journal.
    static func open(path: String, title: String?, exercise: Bool, actor: String, catalog: IncidentCatalog) throws
        -> IncidentSession
    {
        let (source, playbook) = try load(path)
        let now = IncidentEnvironment.clock.now()
        let command = IncidentCommand.open(
            title: title ?? playbook.title.value, exercise: exercise, playbookSHA256: HashChain.sha256Hex(source.bytes))
        return try IncidentFailure.translating {
            // Check first, so that a refused opening leaves no folder behind.
            _ = try command.plan(against: RunState(playbook: playbook), now: now)
            let folder = try catalog.create(playbookID: playbook.id.value, playbookBytes: source.bytes, opened: now)
            do {
                let session = IncidentSession(folder: folder, playbook: playbook, journal: try folder.openJournal())
                try session.perform(command, actor: actor, at: nil)
                return session
            } catch {
                removeUnopened(folder)
                throw error
            }
        }
    }

    /// The contact lists beside the playbook an incident was opened from, when
    /// it can still be found (the incident keeps a copy of the playbook, not of them).
    static func contacts(forPlaybookID id: String, locator: PlaybookLocator) -> [ContactList] {
        guard case .found(let path) = locator.resolve(id) else { return [] }
        return ContactSource.lists(beside: path, explicit: [])
    }

    /// Removes a folder whose opening event could not be written (it holds no event).
    private static func removeUnopened(_ folder: IncidentFolder) {
        for name in [IncidentFolder.journalName, IncidentFolder.journalName + ".head", IncidentFolder.playbookName] {
            unlink(folder.path + "/" + name)
        }
        rmdir(folder.path)
    }
}
