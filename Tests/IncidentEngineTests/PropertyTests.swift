import IncidentEngine
import PlaybookFormat
import Testing
import VaktTestSupport

/// Random but valid-looking command sequences: whatever responders do, the
/// run keeps its invariants and the journal folds back to the same state.
@Suite struct PropertyTests {
    static let cases: [(String, UInt64)] = [
        (Fixtures.ransomwareText, 1), (Fixtures.ransomwareText, 2), (Fixtures.linearText, 3),
        (Fixtures.linearText, 4), (Fixtures.loopText, 5), (Fixtures.loopText, 6),
        // Seeds whose walk leaves the 72-hour deadline's `until` step out in time (not every walk does).
        (Fixtures.breachText, 7), (Fixtures.breachText, 10),
    ]

    @Test(arguments: 0..<cases.count)
    func randomRunsKeepInvariants(_ caseIndex: Int) throws {
        let (text, seed) = Self.cases[caseIndex]
        var random = SplitMix64(seed: seed)
        var run = try Run(text)
        var accepted = 0
        var refused = 0
        var sawBypassed = false
        var sawEnd = false
        var sawWaived = false
        var lastWaiverWritten: [String: DeadlineWaiverReason] = [:]
        for _ in 0..<3_000 {
            run.wait(minutes: random.next(below: 20))
            let (command, at) = Self.randomCommand(run, &random)
            let new: [EventRecord]
            do {
                new = try run.perform(command, at: at)
                accepted += 1
            } catch {
                refused += 1
                continue
            }
            try Self.checkInvariants(run)
            // A command never records a miss for a deadline it leaves waived.
            for record in new {
                if case .deadlineWaived(let id, let reason) = record.event { lastWaiverWritten[id] = reason }
                guard case .deadlineMissed(let id) = record.event,
                      let deadline = run.state.deadlines.first(where: { $0.id == id })
                else { continue }
                #expect(deadline.waiver == nil, "deadline_missed \(id) (seq \(record.seq)) for a waived deadline")
            }
            // The journal tells it: the last deadline_waived event of a waived deadline names its reason.
            for deadline in run.state.deadlines {
                guard let waiver = deadline.waiver else { continue }
                #expect(lastWaiverWritten[deadline.id] == waiver.reason)
            }
            sawWaived = sawWaived || run.state.deadlines.contains { $0.waiver != nil }
            sawBypassed = sawBypassed || run.state.steps.contains { $0.status == .bypassed }
            sawEnd = sawEnd || run.state.hasEnded
        }
        #expect(accepted > 1_000, "accepted \(accepted), refused \(refused)")
        // The walk covered the interesting places, not just the happy path.
        let kinds = Set(run.records.map(\.kind))
        for kind: EventKind in [
            .decisionAnswered, .stepCompleted, .stepSkipped, .stepReopened, .noteAdded, .correction,
            .incidentClosed, .incidentReopened, .phaseEntered, .stepReached,
        ] {
            #expect(kinds.contains(kind), "no \(kind.rawValue) in the run")
        }
        #expect(sawBypassed)
        #expect(sawEnd)
        if run.playbook.steps.contains(where: { !$0.checklist.isEmpty }) {
            #expect(kinds.contains(.checklistTicked) && kinds.contains(.checklistUnticked))
        }
        if !run.playbook.deadlines.isEmpty {
            #expect(kinds.contains(.deadlineStarted))
            #expect(kinds.contains(.deadlineMissed) || kinds.contains(.deadlineMet))
        }
        if text == Fixtures.breachText {
            // The 72-hour deadline's `until` step was left out of the path or skipped in time.
            #expect(sawWaived)
            #expect(kinds.contains(.deadlineWaived))
        }
        try Self.checkFolds(run, &random)
        Self.checkDerivedEventsAreRedundant(run)
    }

    static func randomCommand(_ run: Run, _ random: inout SplitMix64) -> (IncidentCommand, Timestamp?) {
        let steps = run.playbook.steps
        let pick = random.next(below: 100)
        // Mostly the current step, as people do; sometimes any step.
        let stepIndex = run.state.currentStepIndex.flatMap { random.next(below: 10) < 7 ? $0 : nil }
            ?? random.next(below: UInt64(steps.count))
        let step = steps[stepIndex]
        let id = step.id.value
        let opened = run.state.opening?.openedAt ?? Fixtures.openedAt
        // Back-dated now and then, never before the opening for step actions.
        var at: Timestamp?
        if random.next(below: 5) == 0 {
            let back = Int64(random.next(below: 600_000))
            let candidate = run.now.adding(milliseconds: -back)
            at = candidate < opened ? opened : candidate
        }
        if run.state.isClosed, pick < 90 { return (.reopen(reason: random.next(below: 2) == 0 ? nil : "igjen"), at) }
        switch pick {
        case 0..<45:
            let note: String? = step.record != nil || random.next(below: 4) == 0 ? "notat \(pick)" : nil
            if let decision = step.decision {
                let n = random.next(below: UInt64(decision.options.count)) + 1
                let label = decision.options[n - 1].label.value
                let option = [String(n), label.uppercased(), label.lowercased()][random.next(below: 3)]
                return (.decide(step: id, option: option, note: note), at)
            }
            return (.complete(step: id, note: note), at)
        case 45..<53:
            return (.skip(step: id, reason: "grunn \(pick)"), at)
        case 53..<60:
            return (.reopenStep(step: steps[random.next(below: UInt64(steps.count))].id.value), at)
        case 60..<72:
            let count = max(step.checklist.count, 1)
            let item = random.next(below: UInt64(count)) + 1
            let ticked = run.state.steps[stepIndex].checklist.indices.contains(item - 1)
                && run.state.steps[stepIndex].checklist[item - 1].isTicked
            return (ticked ? .untick(step: id, item: item) : .tick(step: id, item: item), at)
        case 72..<84:
            let back = run.now.adding(seconds: -random.next(below: 7_200))
            return (.note(text: "hendelse \(pick)", step: random.next(below: 2) == 0 ? id : nil,
                          lesson: random.next(below: 4) == 0), back)
        case 84..<92:
            let seq = random.next(below: UInt64(max(run.state.lastSeq, 1))) + 1
            return (.correct(seq: seq, text: "rettet \(pick)"), nil)
        case 92..<96:
            return (.recordMissedDeadlines, nil)
        case 96..<98:
            return (.close(note: random.next(below: 2) == 0 ? nil : "lukket"), nil)
        default:
            return (.reopen(reason: nil), nil)
        }
    }

    static func checkInvariants(_ run: Run, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let state = run.state
        let currents = state.steps.indices.filter { state.steps[$0].status == .current }
        if state.isClosed || state.hasEnded {
            #expect(currents.isEmpty, sourceLocation: sourceLocation)
            #expect(state.currentStepIndex == nil, sourceLocation: sourceLocation)
        } else {
            #expect(currents.count == 1, sourceLocation: sourceLocation)
            #expect(state.currentStepIndex == currents.first, sourceLocation: sourceLocation)
        }
        #expect(state.anomalies.isEmpty, "\(state.anomalies)", sourceLocation: sourceLocation)
        #expect(run.records.last?.seq == run.records.count, sourceLocation: sourceLocation)
        #expect(state.eventCount == run.records.count, sourceLocation: sourceLocation)

        // Each step's status agrees with the last event that closed or reopened it:
        // in particular a bypassed (or pending, or current) step is never done.
        var last: [String: EventKind] = [:]
        for record in run.records {
            switch record.event {
            case .stepCompleted(let id, _), .stepSkipped(let id, _), .stepReopened(let id): last[id] = record.kind
            default: break
            }
        }
        for (index, step) in run.playbook.steps.enumerated() {
            let status = state.steps[index].status
            switch last[step.id.value] {
            case .stepCompleted: #expect(status == .done, sourceLocation: sourceLocation)
            case .stepSkipped: #expect(status == .skipped, sourceLocation: sourceLocation)
            default: #expect(!status.isClosed, sourceLocation: sourceLocation)
            }
        }
        let farFuture = run.now.adding(seconds: 400 * 86_400)
        let unrecorded = Set(state.unrecordedMissedDeadlines(at: farFuture))
        for deadline in state.deadlines {
            if case .met(let at) = deadline.condition(at: run.now), let due = deadline.due {
                #expect(at <= due, sourceLocation: sourceLocation)
            }
            guard let waiver = deadline.waiver else { continue }
            // Waived: never also missed, however late it is judged, and only while the
            // `until` step is off the path; it was waived before it was due.
            #expect(deadline.condition(at: farFuture) == .waived(reason: waiver.reason, at: waiver.at),
                    sourceLocation: sourceLocation)
            #expect(!unrecorded.contains(deadline.index), sourceLocation: sourceLocation)
            #expect(deadline.completedAt == nil, sourceLocation: sourceLocation)
            #expect(deadline.remainingMilliseconds(at: run.now) == nil, sourceLocation: sourceLocation)
            #expect(state.nearestDeadline(at: run.now)?.index != deadline.index, sourceLocation: sourceLocation)
            if let due = deadline.due { #expect(waiver.at <= due, sourceLocation: sourceLocation) }
            let until = run.playbook.deadlines[deadline.index].until.flatMap { state.step($0.value) }
            let expected: StepStatus = waiver.reason == .untilSkipped ? .skipped : .bypassed
            #expect(until?.status == expected, sourceLocation: sourceLocation)
        }
    }

    static func checkFolds(_ run: Run, _ random: inout SplitMix64) throws {
        let records = run.records
        var whole = RunState(index: run.state.index)
        whole.apply(records)
        #expect(whole == run.state)
        for _ in 0..<20 {
            let split = random.next(below: UInt64(records.count + 1))
            var state = RunState(index: run.state.index)
            state.apply(records[..<split])
            state.apply(records[split...])
            #expect(state == whole)
        }
        for record in records {
            #expect(try EventRecord(json: record.toJSON()) == record)
        }
        // Strictly increasing seq, and no record occurred in the future of its recording (beyond skew).
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.seq + 1 == $1.seq })
        #expect(records.allSatisfy {
            $0.occurred.milliseconds(since: $0.recorded) <= IncidentCommand.allowedFutureSkewMilliseconds
        })
    }

    /// The fold recomputes the flow, so a journal without its derived events
    /// (phases entered, steps reached, deadlines started, met and waived) gives the same run.
    static func checkDerivedEventsAreRedundant(_ run: Run) {
        let derived: Set<EventKind> = [.phaseEntered, .stepReached, .deadlineStarted, .deadlineMet, .deadlineWaived]
        var kept: [EventRecord] = []
        var renumbered: [Int: Int] = [:]
        for record in run.records where !derived.contains(record.kind) {
            var copy = record
            copy.seq = kept.count + 1
            renumbered[record.seq] = copy.seq
            if case .correction(let seq, let text) = record.event, let new = renumbered[seq] {
                copy.event = .correction(seq: new, text: text)
            }
            kept.append(copy)
        }
        let lean = RunState.fold(run.playbook, kept)
        #expect(lean.anomalies.isEmpty)
        #expect(lean.steps.map(\.status) == run.state.steps.map(\.status))
        #expect(lean.currentStepIndex == run.state.currentStepIndex)
        #expect(lean.deadlines == run.state.deadlines)
        #expect(lean.hasEnded == run.state.hasEnded)
        #expect(lean.notes.map(\.text) == run.state.notes.map(\.text))
    }
}
