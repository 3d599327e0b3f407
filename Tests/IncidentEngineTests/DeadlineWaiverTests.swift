import IncidentEngine
import PlaybookFormat
import Testing

/// Deadlines whose `until` step the chosen path leaves out: not required
/// (waived), never missed, unless the time had already run out.
@Suite struct DeadlineWaiverTests {
    /// The breach run up to the risk assessment: the deadline started at minute 10.
    static func breachAssessed() throws -> Run {
        var run = try Run(Fixtures.breachText)
        run.wait(minutes: 10)
        // The flow reaches `aware` at minute 10: the deadline runs from then.
        try run.perform(.complete(step: "receive", note: nil))
        try run.perform(.complete(step: "aware", note: nil))
        run.wait(minutes: 5)
        try run.perform(.complete(step: "contain", note: nil))
        return run
    }

    /// When the breach's Datatilsynet deadline is due (72 hours after minute 10).
    static let breachDue = Fixtures.openedAt.adding(seconds: 10 * 60 + 72 * 3_600)

    /// The breach run after "unlikely to pose a risk: internal register only",
    /// decided at minute 30: the flow went past `notify`.
    static func breachRegisteredOnly() throws -> (run: Run, new: [EventRecord]) {
        var run = try breachAssessed()
        try run.perform(.decide(step: "risk", option: "Lite sannsynlig", note: nil))
        run.wait(minutes: 15)
        let new = try run.perform(.decide(step: "register-only", option: "Ja", note: nil))
        return (run, new)
    }

    @Test func aDecisionThatBypassesTheUntilStepWaivesIt() throws {
        let registered = try Self.breachRegisteredOnly()
        var run = registered.run
        let new = registered.new
        #expect(run.minutes(30) == run.now)
        #expect(run.status("notify") == .bypassed)
        #expect(Run.story(new) == [
            "decision_answered:register-only", "step_completed:register-only", "phase_entered:recovery",
            "step_reached:remediate", "deadline_waived:datatilsynet",
        ])
        #expect(new.last?.event == .deadlineWaived(deadline: "datatilsynet", reason: .untilBypassed))
        #expect(new.last?.occurred == run.minutes(30))

        let waived = DeadlineCondition.waived(reason: .untilBypassed, at: run.minutes(30))
        let deadline = run.state.deadlines[0]
        #expect(deadline.waiver == DeadlineWaiver(reason: .untilBypassed, at: run.minutes(30)))
        #expect(deadline.startedAt == run.minutes(10))
        #expect(deadline.due == Self.breachDue)
        #expect(deadline.remainingMilliseconds(at: run.now) == nil)
        #expect(!waived.isRunning)
        // Long after the due time: still not required, and nothing to record as missed.
        let later = Self.breachDue.adding(seconds: 3_600)
        #expect(run.state.deadlineConditions(at: later)[0] == waived)
        #expect(run.state.unrecordedMissedDeadlines(at: later) == [])
        // The countdown shows the other deadline (30 days, no `until`), not the waived one.
        #expect(run.state.nearestDeadline(at: run.now)?.index == 1)

        // Every command after the due time leaves it alone, closing included.
        run.now = later
        let note = try run.perform(.note(text: "Ført i avviksregisteret", step: nil, lesson: false))
        #expect(Run.story(note) == ["note_added"])
        let closed = try run.perform(.close(note: "Ferdig"))
        #expect(Run.story(closed) == ["incident_closed"])
        #expect(run.state.deadlineConditions(at: later.adding(seconds: 86_400))[0] == waived)
        #expect(!run.records.contains { $0.kind == .deadlineMissed })
    }

    @Test func skippingTheUntilStepWaivesIt() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 30)
        let new = try run.perform(.skip(step: "report", reason: "Ledelsen var med på telefonmøtet"))
        #expect(Run.story(new) == ["step_skipped:report", "deadline_waived:report"])
        #expect(new.last?.event == .deadlineWaived(deadline: "report", reason: .untilSkipped))
        #expect(run.state.deadlineConditions(at: run.now)[0] == .waived(reason: .untilSkipped, at: run.minutes(30)))

        // Only the deadline without an `until` step is missed when time runs out.
        run.wait(minutes: 200)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:never"])
        #expect(run.state.deadlineConditions(at: run.now) == [
            .waived(reason: .untilSkipped, at: run.minutes(30)), .missed(due: run.minutes(120)),
        ])
    }

    @Test func skippingTheCurrentUntilStepWaivesItAndMovesOn() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        try run.perform(.decide(step: "b", option: "Ja", note: nil))
        try run.perform(.complete(step: "c", note: nil))
        #expect(run.current == "report")
        run.wait(minutes: 20)
        let new = try run.perform(.skip(step: "report", reason: "Ikke nødvendig"))
        #expect(Run.story(new) == [
            "step_skipped:report", "phase_entered:recovery", "step_reached:d", "deadline_waived:report",
        ])
        #expect(run.state.deadlines[0].waiver?.reason == .untilSkipped)
    }

    @Test func aBypassAfterTheDueTimeLeavesItMissed() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        run.wait(minutes: 70)
        // The report was due at minute 60; the playbook ends before it at minute 70.
        let new = try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(Run.story(new) == ["decision_answered:b", "step_completed:b", "deadline_missed:report"])
        #expect(new.last?.occurred == run.minutes(60))
        #expect(run.status("report") == .bypassed)
        #expect(run.state.deadlines[0].waiver == nil)
        #expect(run.state.deadlineConditions(at: run.now)[0] == .missed(due: run.minutes(60)))
    }

    @Test func aSkipAfterARecordedMissLeavesItMissed() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 61)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:report"])
        run.wait(minutes: 1)
        let new = try run.perform(.skip(step: "report", reason: "For sent uansett"))
        #expect(Run.story(new) == ["step_skipped:report"])
        #expect(run.state.deadlineConditions(at: run.now)[0] == .missed(due: run.minutes(60)))
        // Later events do not judge it again, not even one back-dated to before the due time.
        try run.perform(.note(text: "Notat", step: nil, lesson: false), at: run.minutes(50))
        #expect(run.state.deadlines[0].waiver == nil)
    }

    @Test func aBackDatedBypassInTimeWaivesItAfterAll() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        run.wait(minutes: 61)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:report"])
        // It was decided at minute 55 and written down later: the duty ended before it was due.
        let new = try run.perform(.decide(step: "b", option: "Slutt", note: nil), at: run.minutes(55))
        #expect(Run.story(new).last == "deadline_waived:report")
        #expect(run.state.deadlineConditions(at: run.now)[0] == .waived(reason: .untilBypassed, at: run.minutes(55)))
        #expect(run.state.unrecordedMissedDeadlines(at: run.now) == [])
    }

    @Test func aLoopBackToTheUntilStepRunsItAgainUntilMet() throws {
        var (run, _) = try Self.breachRegisteredOnly()
        try run.perform(.complete(step: "remediate", note: nil))
        run.wait(minutes: 60)
        // New information: the risk is assessed again, and the path comes back to `notify`.
        let loop = try run.perform(.decide(step: "wrap-up", option: "Ja, vurder risikoen på nytt", note: nil))
        #expect(!Run.story(loop).contains { $0.hasPrefix("deadline_") })
        #expect(run.status("notify") == .pending)
        let deadline = run.state.deadlines[0]
        #expect(deadline.waiver == nil)
        #expect(deadline.startedAt == run.minutes(10))
        #expect(run.state.deadlineConditions(at: run.now)[0] == .running(due: Self.breachDue))
        #expect(deadline.condition(at: Self.breachDue.adding(seconds: 1)) == .missed(due: Self.breachDue))
        #expect(run.state.nearestDeadline(at: run.now)?.index == 0)

        try run.perform(.decide(step: "risk", option: "Risiko", note: nil))
        #expect(run.current == "notify")
        #expect(run.status("register-only") == .bypassed)
        run.wait(minutes: 60)
        let sent = try run.perform(.complete(step: "notify", note: nil))
        #expect(Run.story(sent).prefix(2) == ["step_completed:notify", "deadline_met:datatilsynet"])
        #expect(run.state.deadlineConditions(at: run.now)[0] == .met(at: run.minutes(150)))
    }

    @Test func aLoopBackToTheUntilStepAfterTheDueTimeIsMissed() throws {
        var (run, _) = try Self.breachRegisteredOnly()
        try run.perform(.complete(step: "remediate", note: nil))
        run.now = Self.breachDue.adding(seconds: 600)
        let loop = try run.perform(.decide(step: "wrap-up", option: "Ja, vurder risikoen på nytt", note: nil))
        // Running again from its original start, which is long past: the miss is recorded at the due time.
        #expect(Run.story(loop).last == "deadline_missed:datatilsynet")
        #expect(loop.last?.occurred == Self.breachDue)
        #expect(run.state.deadlineConditions(at: run.now)[0] == .missed(due: Self.breachDue))
    }

    @Test func reopeningASkippedUntilStepRunsItAgain() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 5)
        try run.perform(.skip(step: "report", reason: "Feil steg"))
        #expect(run.state.deadlines[0].waiver != nil)
        run.wait(minutes: 5)
        let new = try run.perform(.reopenStep(step: "report"))
        #expect(Run.story(new) == ["step_reopened:report"])
        #expect(run.state.deadlineConditions(at: run.now)[0] == .running(due: run.minutes(60)))
        run.wait(minutes: 60)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:report"])
    }

    @Test func theReasonFollowsTheStepAndTheTimeStays() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        run.wait(minutes: 10)
        try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(run.state.deadlines[0].waiver == DeadlineWaiver(reason: .untilBypassed, at: run.minutes(10)))

        run.wait(minutes: 10)
        let skipped = try run.perform(.skip(step: "report", reason: "Ikke aktuelt"))
        #expect(skipped.map(\.event) == [
            .stepSkipped(step: "report", reason: "Ikke aktuelt"),
            .deadlineWaived(deadline: "report", reason: .untilSkipped),
        ])
        #expect(run.state.deadlines[0].waiver == DeadlineWaiver(reason: .untilSkipped, at: run.minutes(10)))

        // Undoing the skip leaves the step where the path left it: bypassed.
        let undone = try run.perform(.reopenStep(step: "report"))
        #expect(run.status("report") == .bypassed)
        #expect(Run.story(undone) == ["step_reopened:report", "deadline_waived:report"])
        #expect(run.state.deadlines[0].waiver == DeadlineWaiver(reason: .untilBypassed, at: run.minutes(10)))
    }

    @Test func completingAWaivedUntilStepByHandJudgesTheCompletion() throws {
        var (run, _) = try Self.breachRegisteredOnly()
        // Reported after all, by hand, in time: met.
        var early = run
        early.wait(minutes: 60)
        let sent = try early.perform(.complete(step: "notify", note: nil))
        #expect(Run.story(sent) == ["step_completed:notify", "deadline_met:datatilsynet"])
        #expect(early.state.deadlineConditions(at: early.now)[0] == .met(at: early.minutes(90)))

        // Reported after all, too late: the report itself was late.
        run.now = Self.breachDue.adding(seconds: 3_600)
        let late = try run.perform(.complete(step: "notify", note: nil))
        #expect(Run.story(late) == ["step_completed:notify", "deadline_missed:datatilsynet"])
        #expect(run.state.deadlineConditions(at: run.now)[0] == .missed(due: Self.breachDue))
    }

    @Test func aDeadlineWithoutUntilIsUnaffected() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        run.wait(minutes: 10)
        let new = try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(Run.story(new) == ["decision_answered:b", "step_completed:b", "deadline_waived:report"])
        #expect(run.state.deadlines[1].waiver == nil)
        #expect(run.state.deadlineConditions(at: run.now)[1] == .running(due: run.minutes(120)))
        #expect(run.state.nearestDeadline(at: run.now)?.index == 1)
        run.wait(minutes: 111)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:never"])
    }

    @Test func anUntilStepLeftOutBeforeTheClockStartsWaivesItAtTheStart() throws {
        var run = try Run(Fixtures.breachText)
        let skipped = try run.perform(.skip(step: "notify", reason: "Meldt av leverandøren"))
        #expect(Run.story(skipped) == ["step_skipped:notify"])
        run.wait(minutes: 5)
        let new = try run.perform(.complete(step: "aware", note: nil))
        #expect(Run.story(new) == [
            "step_completed:aware", "deadline_started:datatilsynet", "deadline_started:register",
            "deadline_waived:datatilsynet",
        ])
        #expect(run.state.deadlineConditions(at: run.now)[0] == .waived(reason: .untilSkipped, at: run.minutes(5)))
    }

    @Test func passingOverTheUntilStepAndLoopingBackInOneMoveWaivesNothing() throws {
        var run = try Run("""
            playbook: loop-over
            title: Over og tilbake

            deadline d: Frist
              within: 1h
              until: u

            phase detection: Oppdage
              step a: Første
                do: Gjør.
              step b: Hopp
                ask: Hvor?
                  - Forbi -> z
                  - Videre -> next
            phase containment: Begrense
              step u: Sluttsteget
                do: Gjør.
            phase recovery: Gjenopprette
              step z: Tilbake
                ask: Igjen?
                  - Ja -> a
                  - Nei -> end
            phase normal: Normal
              step y: Siste
                do: Ferdig.

            """)
        // Answered ahead: b jumps past u to z, and z loops back to a.
        try run.perform(.decide(step: "z", option: "Ja", note: nil))
        try run.perform(.decide(step: "b", option: "Forbi", note: nil))
        run.wait(minutes: 5)
        let new = try run.perform(.complete(step: "a", note: nil))
        #expect(!Run.story(new).contains("deadline_waived:d"))
        #expect(run.status("u") == .pending)
        #expect(run.current == "a")
        #expect(run.state.deadlineConditions(at: run.now) == [.running(due: run.minutes(60))])
    }

    @Test func theFoldRecomputesWaiversAndIgnoresTheirEvents() throws {
        let (run, _) = try Self.breachRegisteredOnly()
        // Without its deadline_waived event the journal folds to the same deadlines.
        var lean: [EventRecord] = []
        for record in run.records where record.kind != .deadlineWaived {
            var copy = record
            copy.seq = lean.count + 1
            lean.append(copy)
        }
        let state = RunState.fold(run.playbook, lean)
        #expect(state.anomalies.isEmpty)
        #expect(state.deadlines == run.state.deadlines)

        // A stray deadline_waived does not waive a running deadline; an unknown one is an anomaly.
        let linear = try Run(Fixtures.linearText)
        let next = linear.records.count + 1
        let stray = RunState.fold(linear.playbook, linear.records + [
            EventRecord(seq: next, occurred: linear.now, recorded: linear.now, actor: "kari",
                        event: .deadlineWaived(deadline: "report", reason: .untilSkipped)),
            EventRecord(seq: next + 1, occurred: linear.now, recorded: linear.now, actor: "kari",
                        event: .deadlineWaived(deadline: "ghost", reason: .untilBypassed)),
        ])
        #expect(stray.deadlineConditions(at: linear.now)[0] == .running(due: linear.minutes(60)))
        #expect(stray.anomalies.map(\.seq) == [next + 1])
    }
}
