/// The flow of a playbook as a graph, for the checks that need every path:
/// which steps can be reached, and which can still reach the end.
///
/// Without a decision a step leads to the next one in file order (the last
/// one to the end); a decision leads to each of its options' targets.
public struct FlowGraph: Sendable {
    /// Successors of each step; `endNode` (== steps.count) stands for the end.
    public let successors: [[Int]]
    public var endNode: Int { successors.count }

    public init(_ playbook: Playbook) {
        var index: [String: Int] = [:]
        for position in playbook.steps.indices where index[playbook.steps[position].id.value] == nil {
            index[playbook.steps[position].id.value] = position
        }
        let steps = playbook.steps
        let end = steps.count
        successors = steps.indices.map { position in
            guard let decision = steps[position].decision, !decision.options.isEmpty else {
                return [position + 1 <= end ? position + 1 : end]
            }
            return decision.options.compactMap { option -> Int? in
                switch option.target.value {
                case .end: end
                case .next: position + 1
                case .step(let id): index[id]
                }
            }
        }
    }

    /// Steps reachable from the first step.
    public func reachable() -> [Bool] {
        FlowEdges(successors: successors).reachable()
    }

    /// Steps from which some path reaches the end.
    public func canReachEnd() -> [Bool] {
        FlowEdges(successors: successors).canReachEnd()
    }
}
