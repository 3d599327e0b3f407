import PlaybookFormat

/// Lookup tables for one playbook, built once and shared by every state
/// folded over it, so that applying an event never searches the playbook.
public final class PlaybookIndex: Sendable {
    /// Where a decision option leads, with step ids resolved to indices.
    enum ResolvedTarget: Equatable, Sendable {
        case step(Int)
        case next
        case end
    }

    public let playbook: Playbook
    let stepIndexByID: [String: Int]
    let deadlineIndexByID: [String: Int]
    /// Per step: the deadlines whose clock that step starts.
    let deadlinesFrom: [[Int]]
    /// Per step: the deadlines that completing that step meets.
    let deadlinesUntil: [[Int]]
    /// Deadlines that start when the incident is opened (no `from`).
    let deadlinesFromOpening: [Int]
    /// Every deadline whose `until` names a step, with that step: the ones a
    /// path that leaves the step out can waive.
    let untilSteps: [(deadline: Int, step: Int)]
    /// Per step, per option: the resolved target (nil: names no step).
    let optionTargets: [[ResolvedTarget?]]

    public init(_ playbook: Playbook) {
        self.playbook = playbook
        var steps: [String: Int] = [:]
        for (index, step) in playbook.steps.enumerated() where steps[step.id.value] == nil {
            steps[step.id.value] = index
        }
        stepIndexByID = steps
        var deadlineIDs: [String: Int] = [:]
        var from = Array(repeating: [Int](), count: playbook.steps.count)
        var until = Array(repeating: [Int](), count: playbook.steps.count)
        var fromOpening: [Int] = []
        var untilPairs: [(deadline: Int, step: Int)] = []
        for (index, deadline) in playbook.deadlines.enumerated() {
            if deadlineIDs[deadline.id.value] == nil { deadlineIDs[deadline.id.value] = index }
            if let start = deadline.from {
                // A `from` naming no step never starts (lint reports it).
                if let step = steps[start.value] { from[step].append(index) }
            } else {
                fromOpening.append(index)
            }
            if let end = deadline.until, let step = steps[end.value] {
                until[step].append(index)
                untilPairs.append((index, step))
            }
        }
        deadlineIndexByID = deadlineIDs
        deadlinesFrom = from
        deadlinesUntil = until
        deadlinesFromOpening = fromOpening
        untilSteps = untilPairs
        optionTargets = playbook.steps.map { step in
            (step.decision?.options ?? []).map { option in
                switch option.target.value {
                case .next: .next
                case .end: .end
                case .step(let id): steps[id].map { .step($0) }
                }
            }
        }
    }

    public var stepCount: Int { playbook.steps.count }

    /// The index of the step with this id.
    public func stepIndex(of id: String) -> Int? { stepIndexByID[id] }

    /// The index of the deadline with this id.
    public func deadlineIndex(of id: String) -> Int? { deadlineIndexByID[id] }

    /// A step id close to `id`, for "did you mean …?".
    public func suggestStep(for id: String) -> String? {
        Suggestion.nearest(to: id, in: playbook.steps.lazy.map(\.id.value))
    }
}

extension PlaybookIndex: Equatable {
    /// Two states are comparable only over the same playbook object.
    public static func == (lhs: PlaybookIndex, rhs: PlaybookIndex) -> Bool { lhs === rhs }
}
