import IncidentEngine
import Testing

@Suite struct DeadlineTests {
    @Test func startsFromAStepOnTheOccurredTime() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.decide(step: "triage", option: "Nei", note: "x"))
        run.wait(minutes: 60)
        // Back-dated: it was decided 50 minutes ago; the clock runs from then.
        let new = try run.perform(.decide(step: "personal-data", option: "Ja", note: nil), at: run.minutes(10))
        let due = run.minutes(10).adding(seconds: 72 * 3_600)
        #expect(Run.story(new).last == "deadline_started:datatilsynet")
        #expect(new.last?.event == .deadlineStarted(deadline: "datatilsynet", due: due))
        #expect(new.allSatisfy { $0.occurred == run.minutes(10) && $0.recorded == run.minutes(60) })
        let deadline = run.state.deadlines[0]
        #expect(deadline.startedAt == run.minutes(10))
        #expect(deadline.due == due)
        #expect(deadline.warnFrom == due.adding(seconds: -12 * 3_600))
        #expect(deadline.remainingMilliseconds(at: run.now) == Int64(72 * 60 - 50) * 60_000)
    }

    @Test func conditionsOverTime() throws {
        let run = try Run(Fixtures.linearText)
        let report = run.state.deadlines[0]
        #expect(report.id == "report")
        #expect(report.condition(at: run.minutes(30)) == .running(due: run.minutes(60)))
        #expect(report.condition(at: run.minutes(44)) == .running(due: run.minutes(60)))
        #expect(report.condition(at: run.minutes(45)) == .warning(due: run.minutes(60)))
        #expect(report.condition(at: run.minutes(60)) == .warning(due: run.minutes(60)))
        #expect(report.condition(at: run.minutes(61)) == .missed(due: run.minutes(60)))
        #expect(run.state.deadlines[1].warnFrom == nil)
        #expect(run.state.deadlines[1].condition(at: run.minutes(119)) == .running(due: run.minutes(120)))
        #expect(run.state.nearestDeadline(at: run.minutes(1))?.index == 0)
    }

    @Test func metWhenTheUntilStepIsCompletedInTime() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 40)
        let new = try run.perform(.complete(step: "report", note: nil))
        #expect(Run.story(new) == ["step_completed:report", "deadline_met:report"])
        #expect(run.state.deadlineConditions(at: run.minutes(500))[0] == .met(at: run.minutes(40)))
        #expect(run.state.nearestDeadline(at: run.now)?.index == 1)
    }

    @Test func missedDeadlinesAreRecordedByTheNextCommand() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 180)
        let new = try run.perform(.note(text: "Sent på det", step: nil, lesson: true))
        #expect(Run.story(new) == ["note_added", "deadline_missed:report", "deadline_missed:never"])
        #expect(new[1].occurred == run.minutes(60))
        #expect(new[2].occurred == run.minutes(120))
        #expect(run.state.deadlines[0].missedRecordedAt == run.minutes(60))
        #expect(try run.perform(.recordMissedDeadlines).isEmpty)
        #expect(run.state.notes.last?.lesson == true)

        // Completing the step late changes nothing: still missed.
        try run.perform(.complete(step: "report", note: nil))
        #expect(run.state.deadlineConditions(at: run.now)[0] == .missed(due: run.minutes(60)))

        // A back-dated completion that was in time turns out to have met it after all.
        try run.perform(.reopenStep(step: "report"))
        let late = try run.perform(.complete(step: "report", note: nil), at: run.minutes(50))
        #expect(Run.story(late).contains("deadline_met:report"))
        #expect(run.state.deadlineConditions(at: run.now)[0] == .met(at: run.minutes(50)))
    }

    @Test func lateCompletionRecordsTheMiss() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 70)
        let new = try run.perform(.complete(step: "report", note: nil))
        #expect(Run.story(new) == ["step_completed:report", "deadline_missed:report"])
        #expect(new[1].occurred == run.minutes(60))
    }

    @Test func recordMissedDeadlinesAlone() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 61)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:report"])
        run.wait(minutes: 60)
        #expect(Run.story(try run.perform(.recordMissedDeadlines)) == ["deadline_missed:never"])
    }

    @Test func neverStartedWhenTheFromStepIsNotReached() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.decide(step: "triage", option: "Ja", note: "x"))
        try run.perform(.complete(step: "isolate", note: nil))
        try run.perform(.decide(step: "personal-data", option: "Nei", note: nil))
        run.wait(minutes: 100_000)
        #expect(run.state.deadlineConditions(at: run.now) == [.notStarted])
        #expect(run.state.nearestDeadline(at: run.now) == nil)
        #expect(try run.perform(.recordMissedDeadlines).isEmpty)
    }

    @Test func untilStepDoneBeforeTheClockStartsMeetsIt() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.complete(step: "notify-datatilsynet", note: nil))
        #expect(run.state.deadlineConditions(at: run.now) == [.met(at: Fixtures.openedAt)])
        let new = try run.perform(.complete(step: "personal-data-yes", note: nil))
        #expect(!Run.story(new).contains("deadline_started:datatilsynet"))
    }

    @Test func completingTheFromStepOutOfOrderStartsTheClock() throws {
        var run = try Run(Fixtures.ransomwareText)
        run.wait(minutes: 5)
        let new = try run.perform(.complete(step: "personal-data-yes", note: nil))
        #expect(Run.story(new) == ["step_completed:personal-data-yes", "deadline_started:datatilsynet"])
        #expect(run.state.deadlines[0].startedAt == run.minutes(5))
    }

    @Test func closingRecordsMissesAndFreezesTheClock() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 90)
        let new = try run.perform(.close(note: "Ferdig"))
        #expect(Run.story(new) == ["deadline_missed:report", "incident_closed"])
        #expect(run.state.isClosed)
        // `never` (due at 120 minutes) is judged at the closing time and stays running.
        #expect(run.state.deadlineConditions(at: run.minutes(10_000))[1] == .running(due: run.minutes(120)))
        run.wait(minutes: 600)
        let reopened = try run.perform(.reopen(reason: "Ny aktivitet"))
        #expect(Run.story(reopened) == ["incident_reopened", "deadline_missed:never"])
    }
}
