import IncidentEngine
import PlaybookFormat
import Testing

@Suite struct FlowTests {
    @Test func openingReachesTheFirstStep() throws {
        let run = try Run(Fixtures.ransomwareText)
        #expect(Run.story(run.records) == ["incident_opened", "phase_entered:detection", "step_reached:triage"])
        #expect(run.current == "triage")
        #expect(run.status("triage") == .current)
        #expect(run.state.opening?.playbookVersion == "2026.1")
        #expect(run.state.phases[0].firstEnteredAt == Fixtures.openedAt)
        #expect(run.state.deadlineConditions(at: run.now) == [.notStarted])
        #expect(run.state.anomalies.isEmpty)
    }

    @Test func decisionJumpsForwardAndBypasses() throws {
        var run = try Run(Fixtures.ransomwareText)
        run.wait(minutes: 5)
        let new = try run.perform(.decide(step: "triage", option: "nei", note: "PC-114"))
        #expect(Run.story(new) == [
            "decision_answered:triage", "step_completed:triage", "phase_entered:containment",
            "step_reached:personal-data",
        ])
        #expect(run.status("triage") == .done)
        #expect(run.status("isolate") == .bypassed)
        #expect(run.current == "personal-data")
        #expect(run.state.steps[0].answer?.label == "Nei")
        #expect(run.state.steps[0].note == "PC-114")
        #expect(run.state.decisions.map(\.option) == [2])
        #expect(run.state.phases[1].firstEnteredAt == run.minutes(5))

        // Nei again: straight to recovery, bypassing the two Datatilsynet steps.
        try run.perform(.decide(step: "personal-data", option: "2", note: nil))
        #expect(run.current == "restore")
        #expect(run.status("personal-data-yes") == .bypassed)
        #expect(run.status("notify-datatilsynet") == .bypassed)
        #expect(run.state.deadlineConditions(at: run.now.adding(seconds: 400_000)) == [.notStarted])
    }

    @Test func loopReopensTheStepsItReturnsTo() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.decide(step: "triage", option: "Nei", note: "ingen"))
        try run.perform(.decide(step: "personal-data", option: "Nei", note: nil))
        try run.perform(.complete(step: "restore", note: nil))
        #expect(run.current == "monitor")
        let loop = try run.perform(.decide(step: "monitor", option: "JA", note: nil))
        #expect(Run.story(loop) == [
            "decision_answered:monitor", "step_completed:monitor",
            "step_reopened:personal-data", "step_reopened:restore", "step_reopened:monitor",
            "phase_entered:containment", "step_reached:isolate",
        ])
        #expect(run.current == "isolate")
        #expect(run.statuses == [
            "triage": .done, "isolate": .current, "personal-data": .pending, "personal-data-yes": .pending,
            "notify-datatilsynet": .pending, "restore": .pending, "monitor": .pending,
        ])
        #expect(run.state.step("monitor")?.answer == nil)
        #expect(run.state.step("personal-data")?.timesReopened == 1)
        #expect(run.state.decisions.count == 3)

        // Second pass: this time personal data is involved.
        try run.perform(.complete(step: "isolate", note: nil))
        try run.perform(.decide(step: "personal-data", option: "ja", note: nil))
        #expect(run.current == "personal-data-yes")
        try run.perform(.complete(step: "personal-data-yes", note: nil))
        try run.perform(.complete(step: "notify-datatilsynet", note: nil))
        try run.perform(.complete(step: "restore", note: nil))
        try run.perform(.decide(step: "monitor", option: "nei", note: nil))
        #expect(run.state.hasEnded)
        #expect(run.current == nil)
        #expect(run.state.steps.allSatisfy { $0.status == .done })
        #expect(run.state.phases[1].timesEntered == 2)
        #expect(run.state.anomalies.isEmpty)
    }

    @Test func endBypassesTheRest() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(run.state.hasEnded)
        #expect(run.current == nil)
        #expect(["c", "report", "d", "e"].map { run.status($0) } == Array(repeating: .bypassed, count: 4))
        // A bypassed step can still be done by hand; it does not restart the flow.
        try run.perform(.complete(step: "d", note: nil))
        #expect(run.status("d") == .done)
        #expect(run.current == nil)
    }

    @Test func outOfOrderCompletionIsPassedThrough() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "c", note: nil))
        #expect(run.status("c") == .done)
        #expect(run.current == "a")
        try run.perform(.complete(step: "a", note: nil))
        let new = try run.perform(.decide(step: "b", option: "1", note: nil))
        // `next` leads to c, which is done already: the flow goes on to report.
        #expect(Run.story(new) == [
            "decision_answered:b", "step_completed:b", "phase_entered:containment", "step_reached:report",
        ])
        #expect(run.current == "report")
    }

    @Test func answerGivenAheadIsFollowedWhenTheFlowArrives() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(run.current == "a")
        try run.perform(.complete(step: "a", note: nil))
        #expect(run.state.hasEnded)
        #expect(run.status("c") == .bypassed)
    }

    @Test func skipWithReasonMovesOn() throws {
        var run = try Run(Fixtures.linearText)
        #expect(run.refusal(.skip(step: "a", reason: "  ")) == .emptyReason)
        try run.perform(.skip(step: "a", reason: "Ikke relevant"))
        #expect(run.status("a") == .skipped)
        #expect(run.state.step("a")?.skipReason == "Ikke relevant")
        #expect(run.current == "b")
        #expect(run.state.notes.last?.source == .skip)
        #expect(run.refusal(.skip(step: "a", reason: "igjen")) == .stepAlreadySkipped("a"))
        // A skipped step may still be done later.
        try run.perform(.complete(step: "a", note: nil))
        #expect(run.status("a") == .done)
        #expect(run.current == "b")
        #expect(run.refusal(.skip(step: "a", reason: "x")) == .stepAlreadyDone("a"))
    }

    @Test func skippingAQuestionGoesToTheNextStep() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.skip(step: "triage", reason: "Vet ikke"))
        #expect(run.current == "isolate")
    }

    @Test func reopeningByHand() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        try run.perform(.decide(step: "b", option: "Ja", note: nil))
        try run.perform(.complete(step: "report", note: nil))  // out of order, ahead of c
        #expect(run.current == "c")
        #expect(run.refusal(.reopenStep(step: "c")) == .stepNotClosed("c"))

        // Reopening a step ahead of the flow leaves the flow where it is.
        try run.perform(.reopenStep(step: "report"))
        #expect(run.status("report") == .pending)
        #expect(run.current == "c")

        // Reopening a step the flow passed takes the flow back to it.
        let back = try run.perform(.reopenStep(step: "b"))
        #expect(Run.story(back) == ["step_reopened:b", "phase_entered:detection", "step_reached:b"])
        #expect(run.current == "b")
        #expect(run.status("c") == .pending)
        #expect(run.state.step("b")?.answer == nil)
        try run.perform(.decide(step: "b", option: "Ja", note: nil))
        #expect(run.current == "c")
    }

    @Test func reopeningABypassedThenDoneStepBypassesItAgain() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.decide(step: "triage", option: "Nei", note: "x"))
        try run.perform(.complete(step: "isolate", note: nil))
        #expect(run.status("isolate") == .done)
        try run.perform(.reopenStep(step: "isolate"))
        #expect(run.status("isolate") == .bypassed)
        #expect(run.current == "personal-data")
    }

    @Test func reopeningAfterTheEndResumesTheFlow() throws {
        var run = try Run(Fixtures.linearText)
        try run.perform(.complete(step: "a", note: nil))
        try run.perform(.decide(step: "b", option: "Slutt", note: nil))
        #expect(run.state.hasEnded)
        try run.perform(.reopenStep(step: "b"))
        #expect(run.current == "b")
        #expect(!run.state.hasEnded)
        try run.perform(.decide(step: "b", option: "Ja", note: nil))
        #expect(run.current == "c")
        #expect(run.status("c") == .current)
        #expect(run.status("d") == .bypassed)  // still passed over: the flow has not come to it yet
        try run.perform(.complete(step: "c", note: nil))
        try run.perform(.complete(step: "report", note: nil))
        #expect(run.current == "d")
    }

    @Test func checklist() throws {
        var run = try Run(Fixtures.ransomwareText)
        try run.perform(.tick(step: "triage", item: 2))
        #expect(run.state.step("triage")?.checklist.map(\.isTicked) == [false, true])
        #expect(run.refusal(.tick(step: "triage", item: 2)) == .itemAlreadyTicked(step: "triage", item: 2))
        #expect(run.refusal(.untick(step: "triage", item: 1)) == .itemNotTicked(step: "triage", item: 1))
        #expect(run.refusal(.tick(step: "triage", item: 3))
            == .checklistItemOutOfRange(step: "triage", item: 3, count: 2))
        #expect(run.refusal(.tick(step: "triage", item: 0))
            == .checklistItemOutOfRange(step: "triage", item: 0, count: 2))
        #expect(run.refusal(.tick(step: "isolate", item: 1)) == .noChecklist(step: "isolate"))
        try run.perform(.untick(step: "triage", item: 2))
        #expect(run.state.step("triage")?.ticked == 0)
        // Ticking any step, not just the current one.
        try run.perform(.tick(step: "restore", item: 1))
        #expect(run.state.step("restore")?.ticked == 1)
        #expect(run.current == "triage")
    }

    @Test func participantsAndTimes() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 3)
        run.actor = "ola"
        try run.perform(.note(text: "Ringte IKT", step: nil, lesson: false))
        run.actor = "kari"
        try run.perform(.note(text: "Tidlig varsel", step: nil, lesson: false), at: run.minutes(-20))
        #expect(run.state.participants == ["kari", "ola"])
        #expect(run.state.eventCount == run.records.count)
        #expect(run.state.firstOccurred == run.minutes(-20))
        #expect(run.state.lastOccurred == run.minutes(3))
        #expect(run.state.lastRecorded == run.minutes(3))
        #expect(run.state.opening?.openedAt == Fixtures.openedAt)
    }

    @Test func emptyPlaybookEndsAtOnce() throws {
        var state = RunState(playbook: Playbook(id: Located("x", at: .fileStart), title: Located("X", at: .fileStart)))
        let drafts = try IncidentCommand.open(title: "t", exercise: true, playbookSHA256: Fixtures.sha)
            .plan(against: state, now: Fixtures.openedAt)
        state.apply(state.records(for: drafts, recorded: Fixtures.openedAt, actor: "a"))
        #expect(state.hasEnded)
        #expect(state.currentStepIndex == nil)
        #expect(state.opening?.isExercise == true)
    }
}
