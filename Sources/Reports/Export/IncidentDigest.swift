import IncidentEngine
import PlaybookFormat

/// What every document says about the run as a whole, worked out once from
/// the fold and one pass over the journal: when each phase was entered, each
/// pass through each step, each deadline's outcome and margin. The JSON
/// summary, the Markdown and HTML reports, the SVG and the review all read
/// it, so they cannot disagree with each other or with `vakt status`.
struct IncidentDigest {
    let input: ExportInput
    /// When the incident was opened (nil for a journal without an opening).
    let openedAt: Timestamp?
    let closedAt: Timestamp?
    /// The moment running deadlines are judged at: the closing time of a
    /// closed incident, else the report's `now`.
    let evaluatedAt: Timestamp
    /// The earliest time on the timeline (a back-dated note may predate the opening).
    let start: Timestamp
    /// The latest: the closing, or `now` for an open incident, or the last event if later.
    let end: Timestamp
    let visits: [StageVisit]
    /// Every pass through every step, in the order the passes began.
    let passes: [StepPass]
    let deadlines: [DeadlineReport]
    /// How many events of each kind the journal holds.
    let kindCounts: [EventKind: Int]
    let backdatedCount: Int

    var state: RunState { input.state }
    var playbook: Playbook { input.playbook }

    init(_ input: ExportInput) {
        self.input = input
        let state = input.state
        openedAt = state.opening?.openedAt
        closedAt = state.isClosed ? state.closedAt : nil
        evaluatedAt = state.evaluationTime(input.now)

        var visits: [StageVisit] = []
        var passes: [StepPass] = []
        var openPass = Array(repeating: -1, count: input.playbook.steps.count)
        var passCount = Array(repeating: 0, count: input.playbook.steps.count)
        var counts: [EventKind: Int] = [:]
        var backdated = 0
        var tracker = PhaseTracker(playbook: input.playbook)
        for record in input.records {
            counts[record.kind, default: 0] += 1
            if record.occurred < record.recorded { backdated += 1 }
            let phase = tracker.phase(of: record)
            let t = record.occurred
            switch record.event {
            case .phaseEntered:
                if let phase { visits.append(StageVisit(phaseIndex: phase, at: t, seq: record.seq)) }
            case .stepReached(let id):
                guard let i = input.state.stepIndex(of: id), openPass[i] < 0 else { break }
                passCount[i] += 1
                openPass[i] = passes.count
                passes.append(StepPass(stepIndex: i, number: passCount[i], reachedAt: t, outcome: .open))
            case .stepCompleted(let id, _), .stepSkipped(let id, _):
                guard let i = input.state.stepIndex(of: id) else { break }
                let outcome: StepPass.Outcome = record.kind == .stepCompleted ? .done : .skipped
                if openPass[i] >= 0 {
                    passes[openPass[i]].closedAt = t
                    passes[openPass[i]].closedBy = record.actor
                    passes[openPass[i]].outcome = outcome
                    openPass[i] = -1
                } else {
                    passCount[i] += 1
                    passes.append(StepPass(
                        stepIndex: i, number: passCount[i], closedAt: t, closedBy: record.actor, outcome: outcome))
                }
            default:
                break
            }
        }
        self.visits = visits
        self.passes = passes
        kindCounts = counts
        backdatedCount = backdated

        let first = [openedAt, state.firstOccurred].compactMap { $0 }.min()
        start = first ?? input.now
        var last = closedAt ?? input.now
        if let lastOccurred = state.lastOccurred, lastOccurred > last { last = lastOccurred }
        end = max(last, start)

        deadlines = state.deadlines.map { deadline in
            Self.report(deadline, playbook: input.playbook, at: state.evaluationTime(input.now))
        }
    }

    /// A deadline's outcome at `moment`, with its margin.
    static func report(_ deadline: DeadlineState, playbook: Playbook, at moment: Timestamp) -> DeadlineReport {
        let definition = playbook.deadlines[deadline.index]
        let outcome: DeadlineReport.Outcome
        switch deadline.condition(at: moment) {
        case .notStarted:
            outcome = .notStarted
        case .running(let due):
            outcome = .running(remainingMilliseconds: due.milliseconds(since: moment))
        case .warning(let due):
            outcome = .warning(remainingMilliseconds: due.milliseconds(since: moment))
        case .met(let at):
            outcome = .met(at: at, marginMilliseconds: deadline.due.map { $0.milliseconds(since: at) })
        case .missed(let due):
            let finished = deadline.completedAt ?? moment
            outcome = .missed(lateMilliseconds: finished.milliseconds(since: due), metLateAt: deadline.completedAt)
        case .waived(let reason, let at):
            outcome = .waived(reason: reason, at: at)
        }
        return DeadlineReport(
            index: deadline.index, id: deadline.id, title: definition.title.value,
            withinSeconds: definition.within.value.seconds, startedAt: deadline.startedAt, due: deadline.due,
            outcome: outcome)
    }

    /// Milliseconds from the opening to `time` (nil without an opening).
    func sinceOpening(_ time: Timestamp) -> Int64? {
        openedAt.map { time.milliseconds(since: $0) }
    }

    /// Opening to closing, or to `now` while the incident is open.
    var durationMilliseconds: Int64? {
        sinceOpening(closedAt ?? input.now)
    }

    /// The passes through one step, in order.
    func passes(ofStep index: Int) -> [StepPass] {
        passes.filter { $0.stepIndex == index }
    }

    /// Every skip, with its reason as it now reads, in journal order (a step
    /// skipped and later done still shows here: the review asks why).
    var skips: [NoteEntry] {
        state.notes.filter { $0.source == .skip }
    }

    /// Steps the chosen path passed by, in playbook order.
    var bypassedSteps: [Int] {
        state.steps.indices.filter { state.steps[$0].status == .bypassed }
    }

    /// Notes a responder marked as lessons, as they now read.
    var lessons: [NoteEntry] {
        state.notes.filter(\.lesson)
    }
}
