import IncidentEngine
import PlaybookFormat

/// Which phase and step each event of the journal belongs to, walked in
/// journal order: a step's events belong to the step's phase; anything else
/// (a note, a deadline) to the phase the flow was last in (moved by
/// `phase_entered` and `step_reached` only).
struct PhaseTracker {
    private let stepIndexByID: [String: Int]
    private let phaseOfStep: [Int]
    private let phasesByStage: [Stage: [Int]]
    /// The phase the flow was last in (nil before the first step was reached).
    private(set) var current: Int?

    init(playbook: Playbook) {
        var steps: [String: Int] = [:]
        for (index, step) in playbook.steps.enumerated() where steps[step.id.value] == nil {
            steps[step.id.value] = index
        }
        stepIndexByID = steps
        phaseOfStep = playbook.steps.map { $0.phaseIndex }
        var stages: [Stage: [Int]] = [:]
        for (index, phase) in playbook.phases.enumerated() { stages[phase.stage.value, default: []].append(index) }
        phasesByStage = stages
    }

    func stepIndex(of id: String) -> Int? { stepIndexByID[id] }

    /// The phase and step `event` belongs to; moves the current phase along.
    mutating func locate(_ event: IncidentEvent) -> (phase: Int?, step: Int?) {
        switch event {
        case .phaseEntered(let stage):
            // Several phases may share a stage: take the first at or after the current one.
            if let candidates = phasesByStage[stage], let first = candidates.first {
                let from = current ?? 0
                current = candidates.first { $0 >= from } ?? first
            }
            return (current, nil)
        case .stepReached(let id):
            guard let step = stepIndexByID[id] else { return (current, nil) }
            current = phaseOfStep[step]
            return (current, step)
        case .stepCompleted(let id, _), .stepSkipped(let id, _), .stepReopened(let id), .checklistTicked(let id, _),
             .checklistUnticked(let id, _), .decisionAnswered(let id, _, _, _, _):
            // Other step events belong to their step's phase without moving the flow.
            guard let step = stepIndexByID[id] else { return (current, nil) }
            return (phaseOfStep[step], step)
        case .noteAdded(_, let id?, _), .evaluatorNote(_, let id?):
            guard let step = stepIndexByID[id] else { return (current, nil) }
            return (phaseOfStep[step], step)
        default:
            return (current, nil)
        }
    }

    /// The phase `record` belongs to; moves the current phase along.
    mutating func phase(of record: EventRecord) -> Int? {
        locate(record.event).phase
    }
}
