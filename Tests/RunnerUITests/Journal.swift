import IncidentEngine
import PlaybookFormat
import Testing

/// The journal as the app loop keeps it, in memory: commands are planned
/// against the fold of what is there and appended as records; with a
/// scenario, exercise commands are planned against the exercise's fold.
struct Journal {
    let playbook: Playbook
    let scenario: Scenario?
    private(set) var records: [EventRecord] = []
    private(set) var state: RunState
    private(set) var exercise: ExerciseState?

    init(_ playbook: Playbook, scenario: Scenario? = nil) {
        self.playbook = playbook
        self.scenario = scenario
        state = RunState(playbook: playbook)
        exercise = scenario.map(ExerciseState.init(scenario:))
    }

    /// A journal with the incident opened.
    static func opened(
        _ playbook: Playbook, title: String = "Kryptert filserver", exercise: Bool = false,
        at time: Timestamp = Fixtures.openedAt, actor: String = "kari", scenario: Scenario? = nil
    ) throws(CommandError) -> Journal {
        var journal = Journal(playbook, scenario: scenario)
        try journal.append(.open(title: title, exercise: exercise, playbookSHA256: Fixtures.sha), now: time, actor: actor)
        return journal
    }

    /// Plans and appends; returns the new records.
    @discardableResult
    mutating func append(
        _ command: IncidentCommand, at occurred: Timestamp? = nil, now: Timestamp, actor: String = "kari"
    ) throws(CommandError) -> [EventRecord] {
        let drafts = try command.plan(against: state, now: now, at: occurred)
        let new = state.records(for: drafts, recorded: now, actor: actor)
        return add(new)
    }

    /// Plans an exercise command as the loop does and appends its event.
    @discardableResult
    mutating func append(
        _ command: ExerciseCommand, now: Timestamp, actor: String = "kari"
    ) throws(ExerciseCommandError) -> [EventRecord] {
        guard let exercise else { throw .notStarted }
        let event = try command.plan(against: exercise)
        return add([EventRecord(seq: state.nextSeq, occurred: now, recorded: now, actor: actor, event: event)])
    }

    private mutating func add(_ drafts: [EventRecord]) -> [EventRecord] {
        var new = drafts
        for index in new.indices {
            new[index].prev = index > 0 ? new[index - 1].hash : (records.last?.hash ?? EventRecord.zeroHash)
            let digits = String(new[index].seq, radix: 16)
            new[index].hash = String(repeating: "e", count: 64 - digits.count) + digits
            state.apply(new[index])
            exercise?.apply(new[index])
        }
        records += new
        return new
    }
}
