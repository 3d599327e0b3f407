#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentEngine
import IncidentStore
import PlaybookFormat

/// Opens a new incident, the one way every command does it (`vakt open`,
/// `vakt run`, Enter on a playbook in the start screen): the playbook copied
/// byte for byte into the incident's folder, the opening event durable before
/// anyone is told of it, and no folder left behind when the opening is refused.
enum IncidentOpener {
    /// A newly opened incident.
    struct Opened {
        /// The incident, its opening event already in the journal.
        let session: IncidentSession
        /// The playbook it was opened from: its path, the bytes copied, and the parsed playbook.
        let playbook: LoadedPlaybook

        var folder: IncidentFolder { session.folder }
        var id: String { session.folder.id.rawValue }
    }

    /// Opens an incident on `playbook` (marked as an exercise if asked, with a
    /// copy of the exercise's scenario when given) and appends its opening
    /// event, which happened at `occurred` (else `now`).
    static func open(
        _ playbook: LoadedPlaybook, title: String?, exercise: Bool, scenario: LoadedScenario? = nil, actor: String,
        catalog: IncidentCatalog, now: Timestamp = IncidentEnvironment.clock.now(), at occurred: Timestamp? = nil
    ) throws -> Opened {
        let parsed = playbook.playbook
        let bytes = playbook.source.bytes
        let command = IncidentCommand.open(
            title: title ?? parsed.title.value, exercise: exercise, playbookSHA256: HashChain.sha256Hex(bytes))
        return try IncidentFailure.translating {
            // Check first, so that a refused opening leaves no folder behind.
            _ = try command.plan(against: RunState(playbook: parsed), now: now, at: occurred)
            let (folder, journal) = try catalog.create(
                playbookID: parsed.id.value, playbookBytes: bytes, scenarioBytes: scenario?.source.bytes,
                opened: occurred ?? now)
            do {
                let session = IncidentSession(
                    folder: folder, playbook: parsed, journal: journal, scenario: scenario?.scenario)
                try session.perform(command, actor: actor, at: occurred)
                return Opened(session: session, playbook: playbook)
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
        let names = [
            IncidentFolder.journalName, IncidentFolder.journalName + ".head", IncidentFolder.playbookName,
            IncidentFolder.scenarioName,
        ]
        for name in names {
            unlink(folder.path + "/" + name)
        }
        rmdir(folder.path)
    }
}
