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
    /// The scenario of an exercise opened with `vakt exercise` (its copy in
    /// the folder); nil for an incident, or when the copy cannot be read.
    let scenario: Scenario?
    /// The state after the first `applied` records of the journal.
    private(set) var state: RunState
    /// The exercise's state over the same records, when there is a scenario.
    private(set) var exercise: ExerciseState?
    private var applied = 0

    /// Opens the incident named by an ID or unique prefix.
    static func open(_ reference: String, catalog: IncidentCatalog, forWriting: Bool) throws -> IncidentSession {
        var copies = PlaybookCopies()
        return try IncidentFailure.translating {
            try open(catalog.resolve(reference), forWriting: forWriting, copies: &copies)
        }
    }

    /// Opens every incident under `catalog` read-only, in ID order, and hands
    /// each to `body` (or the error that stopped it) before opening the next:
    /// `vakt list` and the start screen. Incidents opened from the same
    /// playbook share one parse of its copy, and no incident makes the folder
    /// of incidents be read again. One at a time, so that a home with
    /// thousands of incidents never holds thousands of journals open.
    static func forEach(
        in catalog: IncidentCatalog, _ body: (IncidentID, Result<IncidentSession, any Error>) throws -> Void
    ) throws {
        let ids = try IncidentFailure.translating { try catalog.ids() }
        var copies = PlaybookCopies()
        for id in ids {
            let opened = Result {
                try IncidentFailure.translating {
                    try open(catalog.listedFolder(id), forWriting: false, copies: &copies)
                }
            }
            try body(id, opened)
        }
    }

    private static func open(
        _ folder: IncidentFolder, forWriting: Bool, copies: inout PlaybookCopies
    ) throws -> IncidentSession {
        let playbook = try copies.playbook(of: folder)
        let journal = forWriting ? try folder.openJournal() : try folder.readJournal()
        IncidentEnvironment.reportTornTails(journal)
        guard !journal.records.isEmpty else { throw StoreError.emptyJournal(path: journal.path) }
        return IncidentSession(folder: folder, playbook: playbook, journal: journal, scenario: loadScenario(folder))
    }

    init(folder: IncidentFolder, playbook: Playbook, journal: Journal, scenario: Scenario? = nil) {
        self.folder = folder
        self.playbook = playbook
        self.journal = journal
        self.scenario = scenario
        state = RunState(playbook: playbook)
        exercise = scenario.map(ExerciseState.init(scenario:))
        catchUp()
    }

    /// The scenario copy kept with an exercise, parsed; nil when there is
    /// none. A copy that cannot be read is reported and left out: the
    /// incident itself stays usable, only the facilitator's view is lost.
    static func loadScenario(_ folder: IncidentFolder) -> Scenario? {
        do {
            guard let bytes = try folder.scenarioBytes() else { return nil }
            let result = DocumentParser.parse(SourceFile(path: folder.scenarioPath, bytes: bytes), as: .scenario)
            if let scenario = result.scenario, !result.hasErrors { return scenario }
            let first = result.errors.first.map { "line \($0.line): \($0.message)" } ?? "not a scenario"
            StandardStreams.writeError("vakt: \(folder.scenarioPath): \(first); the exercise's injects are not shown\n")
        } catch {
            StandardStreams.writeError("vakt: \(error.description); the exercise's injects are not shown\n")
        }
        return nil
    }

    private func catchUp() {
        let records = journal.records
        guard applied < records.count else { return }
        state.apply(records[applied...])
        if exercise != nil {
            for record in records[applied...] { exercise?.apply(record) }
        }
        applied = records.count
    }

    /// Plans `command` against the up-to-date state and appends its events; returns them as written.
    @discardableResult
    func perform(_ command: IncidentCommand, actor: String, at occurred: Timestamp?) throws -> [EventRecord] {
        try append { now in
            let drafts = try command.plan(against: state, now: now, at: occurred)
            return state.records(for: drafts, recorded: now, actor: actor)
        }
    }

    /// Plans an exercise command against the up-to-date exercise state and
    /// appends its event; returns it as written.
    @discardableResult
    func perform(_ command: ExerciseCommand, actor: String) throws -> [EventRecord] {
        try append { now in
            guard let exercise else {
                throw CommandFailure("incident \(folder.id.rawValue) was not opened from a scenario", exitCode: 1)
            }
            let event = try command.plan(against: exercise)
            return state.records(for: [EventDraft(occurred: now, event: event)], recorded: now, actor: actor)
        }
    }

    /// The one append path: under the journal's lock, fold what others
    /// appended, let `plan` make the records against that state at `now`,
    /// write them durably, and fold them in.
    private func append(_ plan: (Timestamp) throws -> [EventRecord]) throws -> [EventRecord] {
        try IncidentFailure.translating {
            let written = try journal.append { _ in
                catchUp()
                return try plan(IncidentEnvironment.clock.now())
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
