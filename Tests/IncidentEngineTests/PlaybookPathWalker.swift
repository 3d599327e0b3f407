import IncidentEngine
import PlaybookFormat

/// Walks every path through a playbook's decisions with the engine and
/// collects what a responder could run into: a path that cannot end, a step
/// no path reaches, a deadline missed although every step was done promptly.
///
/// The walk is depth first: it opens the incident, completes the current
/// step, and at each decision branches once per way on (options that point
/// to the same target lead to the same flow, so they are walked once; every
/// option is still answered once, the first time the walk meets its
/// decision). Loops are bounded: a path takes each way on of each decision
/// at most once. When a path comes to a decision whose ways on it has all
/// taken, it leaves by the shortest way to the end (found with the engine,
/// from that step); if there is none, the playbook has a dead end there.
struct PlaybookPathWalker {
    /// What the walk found.
    struct Report {
        /// Paths walked to the end.
        var paths = 0
        /// The indices of the steps reached on at least one path.
        var reached: Set<Int> = []
        /// The options the engine accepted as answers, by step index and 1-based option.
        var answered: Set<Answer> = []
        /// Problems by kind, each with how often it came up and the first path it came up on.
        var problems: [Problem] = []
    }

    /// An option of a decision: the step's index and the 1-based option.
    struct Answer: Hashable {
        let step: Int
        let option: Int
    }

    /// One kind of problem, with the first path that showed it.
    struct Problem: Equatable {
        var message: String
        var path: String
        var count: Int
    }

    let playbook: Playbook
    /// How long each step takes, in seconds: "promptly" by default.
    let pace: Int
    private var report = Report()
    /// The shortest way from a step to the end: the option to take at each
    /// step on the way (nil for a step without a decision); nil when there is none.
    private var waysOut: [Int: [Int?]?] = [:]

    static let openedAt = Fixtures.openedAt
    /// Paths longer than this many steps per step of the playbook are cut off and reported.
    private static let lengthLimitPerStep = 8

    private init(_ playbook: Playbook, pace: Int) {
        self.playbook = playbook
        self.pace = pace
    }

    /// Walks every path, `pace` seconds per step, and returns the report.
    static func walk(_ playbook: Playbook, pace: Int = 5 * 60) -> Report {
        var walker = PlaybookPathWalker(playbook, pace: pace)
        do {
            let start = try PlaybookWalk(playbook, openedAt: openedAt, pace: pace)
            walker.follow(start, taken: [])
        } catch {
            walker.problem("the incident cannot be opened: \(error)", on: nil)
        }
        return walker.report
    }

    /// The steps no path reaches, in file order.
    static func unreachableSteps(_ playbook: Playbook, _ report: Report) -> [Step] {
        playbook.steps.indices.filter { !report.reached.contains($0) }.map { playbook.steps[$0] }
    }

    /// The options never answered, as `step: label`, in file order.
    static func unansweredOptions(_ playbook: Playbook, _ report: Report) -> [String] {
        playbook.steps.indices.flatMap { i in
            let options = playbook.steps[i].decision?.options ?? []
            return options.indices.filter { !report.answered.contains(Answer(step: i, option: $0 + 1)) }
                .map { "\(playbook.steps[i].id.value): \(options[$0].label.value)" }
        }
    }

    // MARK: Walking

    /// A way on from a decision: the step's index and where its option leads.
    private struct WayOn: Hashable {
        let step: Int
        let target: StepTarget
    }

    /// Follows the path from `walk` to its end, branching at each decision.
    private mutating func follow(_ start: PlaybookWalk, taken: Set<WayOn>) {
        var walk = start
        let limit = Self.lengthLimitPerStep * max(playbook.steps.count, 1)
        while let i = walk.current {
            guard walk.moves.count < limit else {
                return problem("the path is still going after \(limit) steps", on: walk)
            }
            guard let decision = playbook.steps[i].decision else {
                guard advance(&walk, option: nil) else { return }
                continue
            }
            answerEachOption(at: walk)
            // The first option of each target stands for the others.
            var ways: [(way: WayOn, option: Int)] = []
            for (n, option) in decision.options.enumerated() {
                let way = WayOn(step: i, target: option.target.value)
                if !taken.contains(way), !ways.contains(where: { $0.way == way }) { ways.append((way, n + 1)) }
            }
            if ways.isEmpty { return leave(walk, from: i) }
            for (way, option) in ways {
                var branch = walk
                guard advance(&branch, option: option) else { continue }
                follow(branch, taken: taken.union([way]))
            }
            return
        }
        finish(walk)
    }

    /// Answers each option of the decision the walk is at, once per walk, to
    /// see that the engine takes every one of them.
    private mutating func answerEachOption(at walk: PlaybookWalk) {
        guard let i = walk.current, let decision = playbook.steps[i].decision,
              !report.answered.contains(Answer(step: i, option: 1))
        else { return }
        for option in 1...decision.options.count {
            var probe = walk
            guard advance(&probe, option: option) else { continue }
            report.answered.insert(Answer(step: i, option: option))
        }
    }

    /// Completes the current step; false (and a problem) when the engine refuses.
    private mutating func advance(_ walk: inout PlaybookWalk, option: Int?) -> Bool {
        var attempt = walk
        do {
            try attempt.completeCurrent(option: option)
            walk = attempt
            return true
        } catch {
            problem("the engine refused to complete the current step: \(error)", on: walk)
            return false
        }
    }

    /// Finishes a path whose options at step `i` are all used up, by the shortest way to the end.
    private mutating func leave(_ start: PlaybookWalk, from i: Int) {
        guard let route = wayOut(from: start, at: i) else {
            let id = playbook.steps[i].id.value
            return problem("dead end at '\(id)': no choice of options from it reaches the end", on: start)
        }
        var walk = start
        for option in route {
            guard advance(&walk, option: option) else { return }
        }
        guard walk.hasEnded else {
            return problem("the way out from '\(playbook.steps[i].id.value)' did not end the run", on: walk)
        }
        finish(walk)
    }

    /// The shortest way from step `i` to the end, searched breadth first with
    /// the engine. Where the flow goes from a step does not depend on how the
    /// path got there, so the way is worked out once per step.
    private mutating func wayOut(from start: PlaybookWalk, at i: Int) -> [Int?]? {
        if let known = waysOut[i] { return known }
        var queue: [(walk: PlaybookWalk, route: [Int?])] = [(start, [])]
        var seen: Set<Int> = [i]
        var found: [Int?]?
        search: while !queue.isEmpty {
            let (walk, route) = queue.removeFirst()
            guard let here = walk.current else { continue }
            let choices: [Int?] = playbook.steps[here].decision.map { Array(1...$0.options.count) } ?? [nil]
            for choice in choices {
                var next = walk
                guard (try? next.completeCurrent(option: choice)) != nil else { continue }
                if next.hasEnded {
                    found = route + [choice]
                    break search
                }
                guard let there = next.current, seen.insert(there).inserted else { continue }
                queue.append((next, route + [choice]))
            }
        }
        waysOut[i] = .some(found)
        return found
    }

    // MARK: Checking a finished path

    /// Counts a path that ended and checks its deadlines and the run's consistency.
    private mutating func finish(_ walk: PlaybookWalk) {
        report.paths += 1
        markReached(walk)
        let state = walk.state
        let end = walk.clock.now()
        for deadline in state.deadlines {
            let rule = playbook.deadlines[deadline.index]
            switch deadline.condition(at: end) {
            case .notStarted, .met, .waived:
                break
            case .missed(let due):
                let minutes = (deadline.startedAt.map { due.milliseconds(since: $0) } ?? 0) / 60_000
                problem(
                    "deadline '\(deadline.id)' (\(rule.within.value)) was missed although every step took "
                        + "\(pace / 60) min; it ran \(minutes) min until due", on: walk)
            case .running, .warning:
                if let until = rule.until?.value {
                    problem(
                        "deadline '\(deadline.id)' was still running when the path ended: "
                            + "'\(until)' was neither completed nor left out", on: walk)
                }
            }
        }
        if let anomaly = state.anomalies.first {
            problem("the run folded with an anomaly: \(anomaly)", on: walk)
        }
    }

    /// Counts the steps the path reached, whether it ended or not.
    private mutating func markReached(_ walk: PlaybookWalk) {
        let steps = walk.state.steps
        for i in steps.indices where steps[i].firstReachedAt != nil { report.reached.insert(i) }
    }

    /// Records a problem found on the path `walk` has taken (nil: before the incident was opened).
    private mutating func problem(_ message: String, on walk: PlaybookWalk?) {
        if let walk { markReached(walk) }
        let path = walk?.path ?? "(not opened)"
        if let known = report.problems.firstIndex(where: { $0.message == message }) {
            report.problems[known].count += 1
        } else {
            report.problems.append(Problem(message: message, path: path, count: 1))
        }
    }
}
