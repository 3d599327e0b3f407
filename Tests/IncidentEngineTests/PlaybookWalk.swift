import IncidentEngine
import PlaybookFormat

/// One path through a playbook, driven by the engine the way a responder
/// drives it: each command is planned against the run state and folded in,
/// on a `ManualClock` that moves on by `pace` seconds before each step is
/// completed. A value: copying a walk branches the path.
struct PlaybookWalk {
    private(set) var state: RunState
    private(set) var clock: ManualClock
    /// The steps completed so far, with the option chosen at each decision.
    private(set) var moves: [String] = []
    /// How long each step takes, in seconds.
    let pace: Int

    /// Opens an incident on the playbook: the flow reaches its first step.
    init(_ playbook: Playbook, openedAt: Timestamp, pace: Int) throws(CommandError) {
        state = RunState(playbook: playbook)
        clock = ManualClock(openedAt)
        self.pace = pace
        try perform(.open(title: "Gjennomgang av alle veier", exercise: true, playbookSHA256: Self.sha))
    }

    var playbook: Playbook { state.playbook }

    /// The index of the step the flow is at; nil once the flow has ended.
    var current: Int? { state.currentStepIndex }

    var hasEnded: Bool { state.hasEnded }

    /// The path so far: step ids, each decision with the option taken.
    var path: String { moves.isEmpty ? "(opened)" : moves.joined(separator: " → ") }

    /// Completes the current step after `pace`, answering its decision with
    /// `option` (1-based) when it has one; steps that ask for a record get a note.
    mutating func completeCurrent(option: Int?) throws(CommandError) {
        guard let i = current else { return }
        let step = playbook.steps[i]
        let id = step.id.value
        let note = step.record == nil ? nil : "Notert under gjennomgangen"
        clock.advance(seconds: pace)
        if let option {
            let label = step.decision.map { $0.options[option - 1].label.value } ?? "\(option)"
            moves.append("\(id) [\(label)]")
            try perform(.decide(step: id, option: "\(option)", note: note))
        } else {
            moves.append(id)
            try perform(.complete(step: id, note: note))
        }
    }

    private mutating func perform(_ command: IncidentCommand) throws(CommandError) {
        let now = clock.now()
        let drafts = try command.plan(against: state, now: now)
        state.apply(state.records(for: drafts, recorded: now, actor: "kari"))
    }

    private static let sha = String(repeating: "ab", count: 32)
}
