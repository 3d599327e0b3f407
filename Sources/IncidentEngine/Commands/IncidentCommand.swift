import PlaybookFormat

/// Something a responder asks for. `plan(against:now:at:)` checks it
/// against the run's state and returns the events to append: the one asked
/// for, then the flow's derived events (phase entered, step reached, steps a
/// loop reopens, deadlines started, met, missed or waived), so that the journal
/// tells the whole story without the reader re-running the flow.
///
/// Steps are named by id; decision options by 1-based number or label
/// (case-insensitive); checklist items by 1-based number.
public enum IncidentCommand: Sendable, Equatable {
    /// Opens the incident; `playbookSHA256` is the hex SHA-256 of the playbook file's bytes.
    case open(title: String, exercise: Bool, playbookSHA256: String)
    case complete(step: String, note: String?)
    case skip(step: String, reason: String)
    /// Answers the step's question and completes the step.
    case decide(step: String, option: String, note: String?)
    /// Reopens a done or skipped step.
    case reopenStep(step: String)
    case tick(step: String, item: Int)
    case untick(step: String, item: Int)
    case note(text: String, step: String?, lesson: Bool)
    /// Replaces the text written by event `seq` (a correction of a
    /// correction corrects the original again).
    case correct(seq: Int, text: String)
    case close(note: String?)
    case reopen(reason: String?)
    /// Records `deadline_missed` for every deadline past due at `now`
    /// (every other command does this too, after its own events).
    case recordMissedDeadlines

    /// How far in the future a back-dated `at` may lie (clocks of two
    /// responders' machines differ a little).
    public static let allowedFutureSkewMilliseconds: Int64 = 60_000

    /// The events to append for this command, or why it is refused.
    ///
    /// - Parameters:
    ///   - now: the wall clock's time, which deadlines are judged at.
    ///   - occurred: when it happened, if earlier than now (`--at`); never
    ///     in the future beyond a small skew. Step actions cannot predate
    ///     the opening; notes can (the first alarm often came before).
    public func plan(against state: RunState, now: Timestamp, at occurred: Timestamp? = nil)
        throws(CommandError) -> [EventDraft]
    {
        let t = occurred ?? now
        if t.millisecondsSinceEpoch > now.millisecondsSinceEpoch + Self.allowedFutureSkewMilliseconds {
            throw .timeInFuture(t, now: now)
        }
        if case .open(let title, let exercise, let sha) = self {
            guard !state.isOpened else { throw .alreadyOpened }
            guard !title.isBlank else { throw .emptyTitle }
            guard sha.isSHA256Hex else {
                throw .invalidPlaybookHash(sha)
            }
            let playbook = state.playbook
            return Planner.drafts(
                for: [
                    .incidentOpened(
                        playbook: playbook.id.value, version: playbook.version?.value, playbookSHA256: sha,
                        title: title, exercise: exercise)
                ], state: state, now: now, at: t)
        }
        guard let opening = state.opening else { throw .notOpened }
        if case .reopen(let reason) = self {
            guard state.isClosed else { throw .notClosed }
            if let reason { guard !reason.isBlank else { throw .emptyReason } }
            return Planner.drafts(for: [.incidentReopened(reason: reason)], state: state, now: now, at: t)
        }
        guard !state.isClosed else { throw .incidentClosed }
        if isStepAction, t.millisecondsSinceEpoch < opening.openedAt.millisecondsSinceEpoch {
            throw .beforeOpening(t, openedAt: opening.openedAt)
        }
        return Planner.drafts(for: try primaryEvents(state), state: state, now: now, at: t)
    }

    private var isStepAction: Bool {
        switch self {
        case .complete, .skip, .decide, .reopenStep, .tick, .untick, .close: true
        default: false
        }
    }

    /// The events asked for, after checking them against the state.
    private func primaryEvents(_ state: RunState) throws(CommandError) -> [IncidentEvent] {
        switch self {
        case .open, .reopen:
            return []  // handled before

        case .complete(let id, let note):
            let (i, step) = try resolve(id, state)
            try requireOpenForCompletion(id, state.steps[i])
            if let decision = step.decision {
                throw .decisionRequired(step: id, question: decision.question.value,
                                        options: decision.options.map(\.label.value))
            }
            try checkNote(note, step: step)
            return [.stepCompleted(step: id, note: note)]

        case .skip(let id, let reason):
            let (i, _) = try resolve(id, state)
            switch state.steps[i].status {
            case .done: throw .stepAlreadyDone(id)
            case .skipped: throw .stepAlreadySkipped(id)
            default: break
            }
            guard !reason.isBlank else { throw .emptyReason }
            return [.stepSkipped(step: id, reason: reason)]

        case .decide(let id, let optionText, let note):
            let (i, step) = try resolve(id, state)
            guard let decision = step.decision else { throw .noDecision(step: id) }
            try requireOpenForCompletion(id, state.steps[i])
            let option = try Self.option(optionText, of: decision, step: id)
            try checkNote(note, step: step)
            let chosen = decision.options[option - 1]
            return [
                .decisionAnswered(
                    step: id, question: decision.question.value, option: option, label: chosen.label.value,
                    target: chosen.target.value),
                .stepCompleted(step: id, note: note),
            ]

        case .reopenStep(let id):
            let (i, _) = try resolve(id, state)
            guard state.steps[i].status.isClosed else { throw .stepNotClosed(id) }
            return [.stepReopened(step: id)]

        case .tick(let id, let item), .untick(let id, let item):
            let (i, _) = try resolve(id, state)
            let checklist = state.steps[i].checklist
            guard !checklist.isEmpty else { throw .noChecklist(step: id) }
            guard item >= 1, item <= checklist.count else {
                throw .checklistItemOutOfRange(step: id, item: item, count: checklist.count)
            }
            if case .tick = self {
                guard !checklist[item - 1].isTicked else { throw .itemAlreadyTicked(step: id, item: item) }
                return [.checklistTicked(step: id, item: item)]
            }
            guard checklist[item - 1].isTicked else { throw .itemNotTicked(step: id, item: item) }
            return [.checklistUnticked(step: id, item: item)]

        case .note(let text, let id, let lesson):
            guard !text.isBlank else { throw .emptyNote }
            if let id { _ = try resolve(id, state) }
            return [.noteAdded(text: text, step: id, lesson: lesson)]

        case .correct(let seq, let text):
            guard !text.isBlank else { throw .emptyNote }
            guard seq >= 1, seq <= state.lastSeq else { throw .unknownEvent(seq: seq) }
            if state.noteIndex(seq: seq) != nil { return [.correction(seq: seq, text: text)] }
            // A correction of a correction corrects the original.
            if let original = state.notes.first(where: { $0.corrections.contains { $0.seq == seq } }) {
                return [.correction(seq: original.seq, text: text)]
            }
            throw .notCorrectable(seq: seq)

        case .close(let note):
            if let note { guard !note.isBlank else { throw .emptyNote } }
            return [.incidentClosed(note: note)]

        case .recordMissedDeadlines:
            return []
        }
    }

    private func resolve(_ id: String, _ state: RunState) throws(CommandError) -> (Int, Step) {
        guard let i = state.stepIndex(of: id) else {
            throw .unknownStep(id, suggestion: state.index.suggestStep(for: id))
        }
        return (i, state.playbook.steps[i])
    }

    private func requireOpenForCompletion(_ id: String, _ step: StepState) throws(CommandError) {
        // A skipped step may still be done later; a done one must be reopened first.
        if step.status == .done { throw .stepAlreadyDone(id) }
    }

    private func checkNote(_ note: String?, step: Step) throws(CommandError) {
        if let note, note.isBlank {
            if let record = step.record { throw .noteRequired(step: step.id.value, record: record.value) }
            throw .emptyNote
        }
        if note == nil, let record = step.record { throw .noteRequired(step: step.id.value, record: record.value) }
    }

    /// The 1-based option a responder named: its number, or its label in any case.
    static func option(_ text: String, of decision: Decision, step: String) throws(CommandError) -> Int {
        let given = text.trimmedWhitespace
        let labels = decision.options.map(\.label.value)
        if let number = Int(given) {
            guard number >= 1, number <= labels.count else {
                throw .optionOutOfRange(step: step, option: number, count: labels.count)
            }
            return number
        }
        let wanted = given.lowercased()
        if let found = labels.firstIndex(where: { $0.lowercased() == wanted }) { return found + 1 }
        let lowered = labels.map { $0.lowercased() }
        let suggestion = Suggestion.nearest(to: wanted, in: lowered).flatMap { near in
            lowered.firstIndex(of: near).map { labels[$0] }
        }
        throw .unknownOption(step: step, option: given, options: labels, suggestion: suggestion)
    }
}

/// Runs the asked-for events through a scratch copy of the state to find
/// the derived events that follow them.
private struct Planner {
    var state: RunState
    let now: Timestamp
    let t: Timestamp

    static func drafts(for primary: [IncidentEvent], state: RunState, now: Timestamp, at t: Timestamp) -> [EventDraft] {
        var planner = Planner(state: state.scratchForPlanning(), now: now, t: t)
        return planner.run(primary)
    }

    private mutating func run(_ primary: [IncidentEvent]) -> [EventDraft] {
        var drafts: [EventDraft] = []
        let closes = primary.contains { if case .incidentClosed = $0 { true } else { false } }
        // Deadlines that passed while the incident was open are written before it closes.
        if closes { recordMissedDeadlines(at: t.millisecondsSinceEpoch < now.millisecondsSinceEpoch ? t : now, &drafts) }
        for event in primary {
            state.effects = []
            apply(EventDraft(occurred: t, event: event))
            drafts.append(EventDraft(occurred: t, event: event))
            let effects = state.effects ?? []
            state.effects = nil
            for effect in effects {
                let draft = self.draft(for: effect)
                apply(draft)
                drafts.append(draft)
            }
        }
        if !state.isClosed { recordMissedDeadlines(at: now, &drafts) }
        return drafts
    }

    private mutating func recordMissedDeadlines(at moment: Timestamp, _ drafts: inout [EventDraft]) {
        guard state.isOpened else { return }
        for d in state.unrecordedMissedDeadlines(at: moment) {
            guard let due = state.deadlines[d].due else { continue }
            let draft = EventDraft(occurred: due, event: .deadlineMissed(deadline: state.deadlines[d].id))
            apply(draft)
            drafts.append(draft)
        }
    }

    private mutating func apply(_ draft: EventDraft) {
        state.apply(
            EventRecord(seq: state.nextSeq, occurred: draft.occurred, recorded: now, actor: "", event: draft.event))
    }

    private func draft(for effect: FlowEffect) -> EventDraft {
        let playbook = state.playbook
        switch effect {
        case .phaseEntered(let p):
            return EventDraft(occurred: t, event: .phaseEntered(phase: playbook.phases[p].stage.value))
        case .reached(let i):
            return EventDraft(occurred: t, event: .stepReached(step: playbook.steps[i].id.value))
        case .reopened(let i):
            return EventDraft(occurred: t, event: .stepReopened(step: playbook.steps[i].id.value))
        case .deadlineStarted(let d, let due):
            return EventDraft(occurred: t, event: .deadlineStarted(deadline: playbook.deadlines[d].id.value, due: due))
        case .deadlineMet(let d):
            return EventDraft(occurred: t, event: .deadlineMet(deadline: playbook.deadlines[d].id.value))
        case .deadlineMissed(let d, let due):
            return EventDraft(occurred: due, event: .deadlineMissed(deadline: playbook.deadlines[d].id.value))
        case .deadlineWaived(let d, let reason):
            return EventDraft(
                occurred: t, event: .deadlineWaived(deadline: playbook.deadlines[d].id.value, reason: reason))
        }
    }
}

extension String {
    /// Empty or only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Without leading and trailing whitespace.
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
