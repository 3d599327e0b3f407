import PlaybookFormat

/// Where an incident stands: a pure function of the playbook and the
/// journal's events, `RunState.fold(playbook, records)`.
///
/// Folding is incremental (`apply` one record at a time) and O(1) per event
/// apart from flow moves, which are O(steps), and a look at each deadline's
/// `until` step, O(deadlines); folding a prefix and then the
/// rest gives the same state as folding everything at once. The fold never
/// fails: what it cannot apply as written it skips and lists in `anomalies`.
///
/// Flow: steps run in file order across phases. Completing or skipping the
/// current step moves the flow on: to the target of its decision's answer
/// if it has one, else to the next step; steps already done on the way are
/// passed through; pending steps a jump passes over become bypassed; a
/// jump back (a loop) reopens every step from the target to the jumping step.
/// Any step may be completed or skipped at any time; the current step is the
/// first open step on the chosen path. The derived events a command writes
/// (`phase_entered`, `step_reached`, `step_reopened` of a loop,
/// `deadline_started`, `deadline_met`, `deadline_waived`) are recomputed
/// here, so the fold treats them as a record of what it already did.
///
/// Deadlines: a started deadline whose `until` step an event takes off the
/// chosen path (bypassed or skipped) is waived, not required, unless it was
/// already past due at that event (then it stays missed); it runs again,
/// from its original start, when the path comes back to the step.
public struct RunState: Sendable, Equatable {
    public let index: PlaybookIndex
    public var playbook: Playbook { index.playbook }

    /// Set by `incident_opened`; nil before.
    public private(set) var opening: IncidentOpening?
    /// One per playbook step, in file order.
    public internal(set) var steps: [StepState]
    /// One per playbook phase: when the flow entered it.
    public internal(set) var phases: [PhaseState]
    /// One per playbook deadline.
    public internal(set) var deadlines: [DeadlineState]
    /// Every decision taken, in journal order.
    public private(set) var decisions: [DecisionRecord] = []
    /// Every text written (notes, completion notes, skip reasons, closing notes), in journal order.
    public private(set) var notes: [NoteEntry] = []
    /// The step the flow is at; nil before opening, after the end, and while closed.
    public private(set) var currentStepIndex: Int?
    /// The phase of the step the flow last reached.
    public internal(set) var currentPhaseIndex: Int?
    /// True when the flow has run past the last step or to an `end`.
    public internal(set) var hasEnded = false
    public private(set) var isClosed = false
    public private(set) var closedAt: Timestamp?
    /// Everyone who recorded an event, in order of their first one.
    public private(set) var participants: [String] = []
    public private(set) var eventCount = 0
    public private(set) var lastSeq = 0
    public private(set) var firstOccurred: Timestamp?
    public private(set) var lastOccurred: Timestamp?
    public private(set) var firstRecorded: Timestamp?
    public private(set) var lastRecorded: Timestamp?
    public private(set) var anomalies: [RunAnomaly] = []

    /// The step the flow is at, closed or not (kept while the incident is closed).
    var cursor: Int?
    /// Collects flow effects while a command plans its events; nil when folding.
    var effects: [FlowEffect]?
    private var participantSet: Set<String> = []

    /// A copy for planning a command: the flow and deadlines as they are,
    /// without the journal-long lists (notes, decisions, anomalies), so that
    /// trying a command never copies them.
    func scratchForPlanning() -> RunState {
        var scratch = self
        scratch.notes = []
        scratch.decisions = []
        scratch.anomalies = []
        scratch.participants = []
        scratch.participantSet = []
        return scratch
    }

    /// The state before any event, over a playbook.
    public init(playbook: Playbook) {
        self.init(index: PlaybookIndex(playbook))
    }

    /// The state before any event, sharing an index built once for the playbook.
    public init(index: PlaybookIndex) {
        self.index = index
        steps = index.playbook.steps.map { StepState(checklistCount: $0.checklist.count) }
        phases = Array(repeating: PhaseState(), count: index.playbook.phases.count)
        deadlines = index.playbook.deadlines.enumerated().map { DeadlineState(index: $0.offset, id: $0.element.id.value) }
    }

    /// The state after `records`, in journal order.
    @inlinable
    public static func fold<S: Sequence>(_ playbook: Playbook, _ records: S) -> RunState where S.Element == EventRecord {
        var state = RunState(playbook: playbook)
        state.apply(records)
        return state
    }

    public var isOpened: Bool {
        // Not `opening != nil`: that compares two optional openings, copying every string of this one.
        if case .some = opening { return true }
        return false
    }

    public var currentStep: Step? { currentStepIndex.map { playbook.steps[$0] } }

    /// The seq the next record must carry.
    public var nextSeq: Int { lastSeq + 1 }

    public func stepIndex(of id: String) -> Int? { index.stepIndex(of: id) }

    /// The state of the step with this id.
    public func step(_ id: String) -> StepState? { index.stepIndex(of: id).map { steps[$0] } }

    /// Applies `records` in order. Inlinable so that callers in other modules
    /// get it specialized for their array or slice: walking a sequence
    /// through its protocol witnesses was a third of the time of a fold on open.
    @inlinable
    public mutating func apply<S: Sequence>(_ records: S) where S.Element == EventRecord {
        for record in records { apply(record) }
    }

    /// Applies one record.
    public mutating func apply(_ record: EventRecord) {
        if record.seq != lastSeq + 1 {
            anomaly(record, "sequence number \(record.seq) does not follow \(lastSeq)")
        }
        lastSeq = record.seq
        eventCount += 1
        if participants.last != record.actor, !isParticipant(record.actor) {
            participants.append(record.actor)
            participantSet.insert(record.actor)
        }
        let t = record.occurred
        if firstOccurred.map({ t.millisecondsSinceEpoch < $0.millisecondsSinceEpoch }) ?? true { firstOccurred = t }
        if lastOccurred.map({ t.millisecondsSinceEpoch > $0.millisecondsSinceEpoch }) ?? true { lastOccurred = t }
        if firstRecorded == nil { firstRecorded = record.recorded }
        lastRecorded = record.recorded

        if !isOpened {
            guard case .incidentOpened = record.event else {
                anomaly(record, "\(record.kind.rawValue) before the incident was opened")
                return
            }
        }
        applyEvent(record)
        refreshCurrent()
        judgeWaivers(at: t)
    }

    private mutating func applyEvent(_ record: EventRecord) {
        let t = record.occurred
        switch record.event {
        case .incidentOpened(let playbookID, let version, let sha, let title, let exercise):
            guard !isOpened else { return anomaly(record, "the incident was already opened") }
            opening = IncidentOpening(
                playbookID: playbookID, playbookVersion: version, playbookSHA256: sha, title: title,
                isExercise: exercise, openedAt: t, openedBy: record.actor)
            open(at: t)

        case .phaseEntered:
            break  // derived: the flow entered it when the step was reached

        case .stepReached(let id):
            guard let i = stepIndex(id, record) else { return }
            if cursor != i { anomaly(record, "the journal says step '\(id)' was reached, but the flow is elsewhere") }

        case .stepCompleted(let id, let note):
            guard let i = stepIndex(id, record) else { return }
            guard steps[i].status != .done else { return anomaly(record, "step '\(id)' was already done") }
            steps[i].completedBy = record.actor
            steps[i].completionSeq = record.seq
            steps[i].note = note
            if let note { addNote(record, .completion, note, step: i) }
            close(i, as: .done, at: t)

        case .stepSkipped(let id, let reason):
            guard let i = stepIndex(id, record) else { return }
            guard !steps[i].status.isClosed else {
                return anomaly(record, "step '\(id)' was already \(steps[i].status.rawValue)")
            }
            steps[i].skippedBy = record.actor
            steps[i].skipSeq = record.seq
            steps[i].skipReason = reason
            addNote(record, .skip, reason, step: i)
            close(i, as: .skipped, at: t)

        case .stepReopened(let id):
            guard let i = stepIndex(id, record) else { return }
            // Already open: the loop that reopened it was applied with the event before.
            if steps[i].status.isClosed { reopenByHand(i, at: t) }

        case .checklistTicked(let id, let item), .checklistUnticked(let id, let item):
            guard let i = stepIndex(id, record) else { return }
            guard item >= 1, item <= steps[i].checklist.count else {
                return anomaly(record, "step '\(id)' has no checklist item \(item)")
            }
            if case .checklistTicked = record.event {
                steps[i].checklist[item - 1].isTicked = true
            } else {
                steps[i].checklist[item - 1].isTicked = false
            }
            steps[i].checklist[item - 1].changedAt = t
            steps[i].checklist[item - 1].changedBy = record.actor

        case .decisionAnswered(let id, let question, let option, let label, let target):
            guard let i = stepIndex(id, record) else { return }
            guard let decision = playbook.steps[i].decision, (1...decision.options.count).contains(option) else {
                return anomaly(record, "step '\(id)' has no decision option \(option)")
            }
            steps[i].answer = DecisionAnswer(
                option: option, label: label, target: target, seq: record.seq, at: t, by: record.actor)
            decisions.append(
                DecisionRecord(
                    seq: record.seq, occurred: t, actor: record.actor, stepIndex: i, question: question,
                    option: option, label: label, target: target))

        case .noteAdded(let text, let id, let lesson):
            var stepIndex: Int?
            if let id {
                stepIndex = index.stepIndex(of: id)
                if stepIndex == nil { anomaly(record, "note about unknown step '\(id)'") }
            }
            addNote(record, .note, text, step: stepIndex, lesson: lesson)

        case .evaluatorNote(let text, let id):
            addNote(record, .evaluator, text, step: id.flatMap { index.stepIndex(of: $0) })

        case .correction(let seq, let text):
            correct(seq: seq, text: text, record)

        case .deadlineStarted(let id, _), .deadlineMet(let id), .deadlineWaived(let id, _):
            _ = deadlineIndex(id, record)  // derived: the flow did it already

        case .deadlineMissed(let id):
            guard let d = deadlineIndex(id, record) else { return }
            if deadlines[d].missedRecordedAt == nil { deadlines[d].missedRecordedAt = t }

        case .incidentClosed(let note):
            guard !isClosed else { return anomaly(record, "the incident was already closed") }
            isClosed = true
            closedAt = t
            if let note { addNote(record, .close, note, step: nil) }

        case .incidentReopened(let reason):
            guard isClosed else { return anomaly(record, "the incident was not closed") }
            isClosed = false
            closedAt = nil
            if let reason { addNote(record, .reopen, reason, step: nil) }

        case .exerciseEnded(_, let note):
            if let note { addNote(record, .exerciseEnd, note, step: nil) }

        case .exerciseStarted, .exercisePaused, .exerciseResumed, .exerciseSpeedChanged, .injectDelivered,
             .injectPostponed:
            break  // the exercise clock and injects are ExerciseState's
        }
    }

    // MARK: Helpers

    /// Whether `actor` has recorded an event before: a look along the few
    /// participants an incident has, which is cheaper than hashing the name.
    private func isParticipant(_ actor: String) -> Bool {
        participants.count <= 8 ? participants.contains(actor) : participantSet.contains(actor)
    }

    private mutating func anomaly(_ record: EventRecord, _ message: String) {
        anomalies.append(RunAnomaly(seq: record.seq, message: message))
    }

    private mutating func stepIndex(_ id: String, _ record: EventRecord) -> Int? {
        guard let i = index.stepIndex(of: id) else {
            anomaly(record, "unknown step '\(id)'")
            return nil
        }
        return i
    }

    private mutating func deadlineIndex(_ id: String, _ record: EventRecord) -> Int? {
        guard let d = index.deadlineIndex(of: id) else {
            anomaly(record, "unknown deadline '\(id)'")
            return nil
        }
        return d
    }

    private mutating func addNote(
        _ record: EventRecord, _ source: NoteEntry.Source, _ text: String, step: Int?, lesson: Bool = false
    ) {
        notes.append(
            NoteEntry(
                seq: record.seq, source: source, occurred: record.occurred, recorded: record.recorded,
                actor: record.actor, stepIndex: step, lesson: lesson, originalText: text, corrections: []))
    }

    /// The position in `notes` of the text written by event `seq`.
    public func noteIndex(seq: Int) -> Int? {
        // Notes are appended in journal order, so their seqs ascend.
        var low = 0
        var high = notes.count
        while low < high {
            let mid = (low + high) / 2
            if notes[mid].seq < seq { low = mid + 1 } else { high = mid }
        }
        if low < notes.count, notes[low].seq == seq { return low }
        return notes.firstIndex { $0.seq == seq }  // a journal whose seqs do not ascend
    }

    private mutating func correct(seq: Int, text: String, _ record: EventRecord) {
        guard let n = noteIndex(seq: seq) else {
            return anomaly(record, "correction of event \(seq), which holds no text")
        }
        notes[n].corrections.append(
            NoteEntry.Correction(seq: record.seq, recorded: record.recorded, actor: record.actor, text: text))
        if let i = notes[n].stepIndex {
            if steps[i].completionSeq == seq { steps[i].note = text }
            if steps[i].skipSeq == seq { steps[i].skipReason = text }
        }
    }

    /// Keeps `currentStepIndex` and the `.current` status on the one step
    /// the flow is at, or on none while ended or closed.
    private mutating func refreshCurrent() {
        let wanted = isClosed || hasEnded ? nil : cursor
        if let marked = currentStepIndex, marked != wanted, steps[marked].status == .current {
            steps[marked].status = .pending
        }
        if let wanted {
            if steps[wanted].status == .pending || steps[wanted].status == .bypassed {
                steps[wanted].status = .current
            }
        }
        currentStepIndex = wanted.flatMap { steps[$0].status == .current ? $0 : nil }
    }

    // MARK: Deadlines at a moment

    /// The moment deadlines are judged at: `now`, or the closing time while closed
    /// (a closed incident's deadlines stop turning red).
    public func evaluationTime(_ now: Timestamp) -> Timestamp {
        if let closedAt, closedAt.millisecondsSinceEpoch < now.millisecondsSinceEpoch { return closedAt }
        return now
    }

    /// Every deadline's condition at `now`, in playbook order.
    public func deadlineConditions(at now: Timestamp) -> [DeadlineCondition] {
        let moment = evaluationTime(now)
        return deadlines.map { $0.condition(at: moment) }
    }

    /// The deadline to show counting down: the earliest due among those still
    /// running or overdue, not met and not waived; nil when none is.
    public func nearestDeadline(at now: Timestamp) -> (index: Int, condition: DeadlineCondition)? {
        let moment = evaluationTime(now)
        var best: (index: Int, condition: DeadlineCondition, due: Int64)?
        for deadline in deadlines where deadline.completedAt == nil && deadline.waiver == nil {
            guard let due = deadline.due else { continue }
            if due.millisecondsSinceEpoch < (best?.due ?? .max) {
                best = (deadline.index, deadline.condition(at: moment), due.millisecondsSinceEpoch)
            }
        }
        return best.map { ($0.index, $0.condition) }
    }

    /// Deadlines past due at `now` with no `deadline_missed` event yet
    /// (never a waived one).
    public func unrecordedMissedDeadlines(at now: Timestamp) -> [Int] {
        let moment = evaluationTime(now)
        return deadlines.filter { deadline in
            guard deadline.completedAt == nil, deadline.waiver == nil, deadline.missedRecordedAt == nil,
                  let due = deadline.due
            else {
                return false
            }
            return moment.millisecondsSinceEpoch > due.millisecondsSinceEpoch
        }.map(\.index)
    }
}
