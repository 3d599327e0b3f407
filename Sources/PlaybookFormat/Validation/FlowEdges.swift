/// The edges of a playbook's flow in two flat arrays (compressed sparse rows):
/// the successors of step `i` are `targets[starts[i]..<starts[i + 1]]`, and
/// `end` (== the number of steps) stands for the end.
///
/// This is what the flow checks walk: one array of edges instead of one array
/// per step, so that a playbook of 15 000 steps costs two allocations, not 30 000.
struct FlowEdges {
    private var starts: [Int]
    private var targets: [Int]

    /// The node that stands for the end.
    var end: Int { starts.count - 1 }

    /// No steps yet: add each step's successors in order with `startStep()` and
    /// `addSuccessor(_:)`, then call `finish()`.
    init(reservingCapacity steps: Int) {
        starts = []
        starts.reserveCapacity(steps + 1)
        targets = []
        targets.reserveCapacity(steps + steps / 2)
    }

    /// Starts the successors of the next step.
    mutating func startStep() {
        starts.append(targets.count)
    }

    mutating func addSuccessor(_ node: Int) {
        targets.append(node)
    }

    /// Ends the last step: the end node is the number of steps added.
    mutating func finish() {
        starts.append(targets.count)
    }

    /// The same edges, from one array of successors per step.
    init(successors: [[Int]]) {
        starts = []
        starts.reserveCapacity(successors.count + 1)
        targets = []
        for nexts in successors {
            starts.append(targets.count)
            targets.append(contentsOf: nexts)
        }
        starts.append(targets.count)
    }

    /// The successors of step `node`.
    func successors(of node: Int) -> ArraySlice<Int> {
        targets[starts[node]..<starts[node + 1]]
    }

    /// Steps reachable from the first step.
    func reachable() -> [Bool] {
        guard end > 0 else { return [] }
        var seen = [Bool](repeating: false, count: end + 1)
        var stack: [Int] = []
        stack.reserveCapacity(end + 1)
        stack.append(0)
        seen[0] = true
        while let node = stack.popLast() {
            guard node < end else { continue }
            for next in successors(of: node) where !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        seen.removeLast()
        return seen
    }

    /// Steps from which some path reaches the end.
    func canReachEnd() -> [Bool] {
        // The edges reversed, grouped by target (a counting sort).
        var predecessorStarts = [Int](repeating: 0, count: end + 2)
        for next in targets { predecessorStarts[next + 1] += 1 }
        for node in 0..<end + 1 { predecessorStarts[node + 1] += predecessorStarts[node] }
        var predecessors = [Int](repeating: 0, count: targets.count)
        var filled = predecessorStarts
        for node in 0..<end {
            for next in successors(of: node) {
                predecessors[filled[next]] = node
                filled[next] += 1
            }
        }
        var seen = [Bool](repeating: false, count: end + 1)
        seen[end] = true
        var stack: [Int] = []
        stack.reserveCapacity(end + 1)
        stack.append(end)
        while let node = stack.popLast() {
            for previous in predecessors[predecessorStarts[node]..<predecessorStarts[node + 1]] where !seen[previous] {
                seen[previous] = true
                stack.append(previous)
            }
        }
        seen.removeLast()
        return seen
    }
}
