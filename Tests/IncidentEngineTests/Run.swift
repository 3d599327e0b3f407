import IncidentEngine
import PlaybookFormat
import Testing

/// A run under test: commands planned against the state, turned into
/// records as the store would, and folded in; time moves only when told.
struct Run {
    let playbook: Playbook
    var state: RunState
    var records: [EventRecord] = []
    var now: Timestamp
    var actor = "kari"

    init(_ text: String, opened: Bool = true) throws {
        playbook = try Fixtures.playbook(text)
        state = RunState(playbook: playbook)
        now = Fixtures.openedAt
        if opened { try perform(.open(title: "Test", exercise: false, playbookSHA256: Fixtures.sha)) }
    }

    /// Plans the command, appends its records and folds them in; returns the new records.
    @discardableResult
    mutating func perform(_ command: IncidentCommand, at occurred: Timestamp? = nil) throws(CommandError) -> [EventRecord] {
        let drafts = try command.plan(against: state, now: now, at: occurred)
        var new = state.records(for: drafts, recorded: now, actor: actor)
        for index in new.indices {
            // A stand-in hash chain (the store computes real SHA-256 hashes).
            new[index].prev = records.last?.hash ?? EventRecord.zeroHash
            if index > 0 { new[index].prev = new[index - 1].hash }
            let digits = String(new[index].seq, radix: 16)
            new[index].hash = String(repeating: "f", count: 64 - digits.count) + digits
            state.apply(new[index])
        }
        records += new
        return new
    }

    /// The error the command is refused with, or nil if it would be accepted.
    func refusal(_ command: IncidentCommand, at occurred: Timestamp? = nil) -> CommandError? {
        do {
            _ = try command.plan(against: state, now: now, at: occurred)
            return nil
        } catch {
            return error
        }
    }

    mutating func wait(minutes: Int) { now = now.adding(seconds: minutes * 60) }

    func minutes(_ m: Int) -> Timestamp { Fixtures.openedAt.adding(seconds: m * 60) }

    func status(_ id: String) -> StepStatus? { state.step(id)?.status }

    var current: String? { state.currentStep?.id.value }

    /// `kind` or `kind:subject` of each record, for comparing event stories.
    static func story(_ records: [EventRecord]) -> [String] {
        records.map { record in
            switch record.event {
            case .phaseEntered(let phase): "\(record.kind.rawValue):\(phase.rawValue)"
            case .deadlineStarted(let id, _), .deadlineMet(let id), .deadlineMissed(let id),
                 .deadlineWaived(let id, _):
                "\(record.kind.rawValue):\(id)"
            default: record.event.step.map { "\(record.kind.rawValue):\($0)" } ?? record.kind.rawValue
            }
        }
    }

    /// The status of every step, in file order.
    var statuses: [String: StepStatus] {
        Dictionary(uniqueKeysWithValues: playbook.steps.indices.map { (playbook.steps[$0].id.value, state.steps[$0].status) })
    }
}
