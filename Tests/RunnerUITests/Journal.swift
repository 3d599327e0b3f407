import IncidentEngine
import PlaybookFormat
import Testing

/// The journal as the app loop keeps it, in memory: commands are planned
/// against the fold of what is there and appended as records.
struct Journal {
    let playbook: Playbook
    private(set) var records: [EventRecord] = []
    private(set) var state: RunState

    init(_ playbook: Playbook) {
        self.playbook = playbook
        state = RunState(playbook: playbook)
    }

    /// A journal with the incident opened.
    static func opened(
        _ playbook: Playbook, title: String = "Kryptert filserver", exercise: Bool = false,
        at time: Timestamp = Fixtures.openedAt, actor: String = "kari"
    ) throws(CommandError) -> Journal {
        var journal = Journal(playbook)
        try journal.append(.open(title: title, exercise: exercise, playbookSHA256: Fixtures.sha), now: time, actor: actor)
        return journal
    }

    /// Plans and appends; returns the new records.
    @discardableResult
    mutating func append(
        _ command: IncidentCommand, at occurred: Timestamp? = nil, now: Timestamp, actor: String = "kari"
    ) throws(CommandError) -> [EventRecord] {
        let drafts = try command.plan(against: state, now: now, at: occurred)
        var new = state.records(for: drafts, recorded: now, actor: actor)
        for index in new.indices {
            new[index].prev = index > 0 ? new[index - 1].hash : (records.last?.hash ?? EventRecord.zeroHash)
            let digits = String(new[index].seq, radix: 16)
            new[index].hash = String(repeating: "e", count: 64 - digits.count) + digits
            state.apply(new[index])
        }
        records += new
        return new
    }
}
