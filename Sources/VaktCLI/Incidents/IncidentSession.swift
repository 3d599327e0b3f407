import IncidentEngine
import IncidentStore
import PlaybookFormat

/// One incident opened for a command: its folder, the playbook copy it runs
/// on, its journal, and the state folded from it.
///
/// `perform` is the one way the scriptable commands write: under the
/// journal's lock it folds whatever others appended meanwhile, plans the
/// command against that true state, and appends the events in one durable write.
final class IncidentSession {
    let folder: IncidentFolder
    let playbook: Playbook
    let journal: Journal
    /// The state after the first `applied` records of the journal.
    private(set) var state: RunState
    private var applied = 0

    /// Opens the incident named by an ID or unique prefix.
    static func open(_ reference: String, catalog: IncidentCatalog, forWriting: Bool) throws -> IncidentSession {
        try IncidentFailure.translating {
            let folder = try catalog.resolve(reference)
            let playbook = try loadPlaybook(folder)
            let journal = forWriting ? try folder.openJournal() : try folder.readJournal()
            IncidentEnvironment.reportTornTails(journal)
            guard !journal.records.isEmpty else { throw StoreError.emptyJournal(path: journal.path) }
            return IncidentSession(folder: folder, playbook: playbook, journal: journal)
        }
    }

    init(folder: IncidentFolder, playbook: Playbook, journal: Journal) {
        self.folder = folder
        self.playbook = playbook
        self.journal = journal
        state = RunState(playbook: playbook)
        catchUp()
    }

    /// The playbook copy kept with the incident, parsed.
    static func loadPlaybook(_ folder: IncidentFolder) throws -> Playbook {
        let bytes = try folder.playbookBytes()
        let result = DocumentParser.parse(SourceFile(path: folder.playbookPath, bytes: bytes), as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            let first = result.errors.first.map { "line \($0.line): \($0.message)" } ?? "not a playbook"
            throw StoreError.unreadablePlaybook(path: folder.playbookPath, reason: first)
        }
        return playbook
    }

    private func catchUp() {
        let records = journal.records
        guard applied < records.count else { return }
        state.apply(records[applied...])
        applied = records.count
    }

    /// Plans `command` against the up-to-date state and appends its events; returns them as written.
    @discardableResult
    func perform(_ command: IncidentCommand, actor: String, at occurred: Timestamp?) throws -> [EventRecord] {
        try IncidentFailure.translating {
            let written = try journal.append { _ in
                catchUp()
                let now = IncidentEnvironment.clock.now()
                let drafts = try command.plan(against: state, now: now, at: occurred)
                return state.records(for: drafts, recorded: now, actor: actor)
            }
            IncidentEnvironment.reportTornTails(journal)
            catchUp()
            return written
        }
    }

    /// What a command prints after recording: which events, and where the incident now stands.
    func confirmation(for written: [EventRecord]) -> String {
        guard let first = written.first, let last = written.last else { return "nothing to record\n" }
        let range = first.seq == last.seq ? "\(first.seq)" : "\(first.seq)-\(last.seq)"
        var lines = ["recorded \(range): " + EventText.summary(first, playbook: playbook)]
        for record in written.dropFirst() { lines.append("  " + EventText.summary(record, playbook: playbook)) }
        lines.append(EventText.whereItStands(state))
        return lines.map { TerminalSafeText.sanitize($0) }.joined(separator: "\n") + "\n"
    }
}
