import IncidentEngine
import Testing

/// Injects come due on the exercise clock, postponing keeps the script's
/// spacing, and each expectation is met, pending or missed.
@Suite struct ExerciseInjectTests {
    @Test func injectsComeDueOnExerciseTime() throws {
        var x = try ExerciseRun(speed: 60)
        #expect(x.due() == ["alarm"])
        x.wait(seconds: 19)
        #expect(x.due() == ["alarm"])
        x.wait(seconds: 1)
        #expect(x.due() == ["alarm", "press"])
        try x.perform(.deliver(inject: "alarm"))
        #expect(x.due() == ["press"])
        #expect(x.exercise.injects[0].delivery?.elapsedMilliseconds == 1_200_000)
    }

    @Test func postponingShiftsThisAndLaterInjectsAndKeepsTheirSpacing() throws {
        var x = try ExerciseRun(speed: 1)
        try x.perform(.deliver(inject: "alarm"))
        try x.perform(.postpone(inject: "press", seconds: 300))
        #expect(x.exercise.injects.map(\.dueSeconds) == [0, 1500, 2700])
        try x.perform(.postpone(inject: "mayor", seconds: 60))
        #expect(x.exercise.injects.map(\.dueSeconds) == [0, 1500, 2760])
        #expect(throws: ExerciseCommandError.alreadyDelivered("alarm")) {
            try x.perform(.postpone(inject: "alarm", seconds: 60))
        }
        #expect(throws: ExerciseCommandError.unknownInject("x")) { try x.perform(.deliver(inject: "x")) }
        #expect(x.refolded() == x.exercise)
    }

    @Test func anExpectationReachedInTimeIsMet() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        #expect(x.expectation("press") == .pending(remainingMilliseconds: 1_800_000))
        try x.perform(.complete(step: "a", note: nil))
        try x.perform(.decide(step: "b", option: "1", note: nil))
        x.wait(seconds: 600)
        #expect(x.expectation("press") == .pending(remainingMilliseconds: 1_200_000))
        try x.perform(.complete(step: "c", note: nil))  // the flow reaches `report` here
        #expect(x.expectation("press") == .met(atMilliseconds: 1_800_000))
        x.wait(seconds: 10_000)
        #expect(x.expectation("press") == .met(atMilliseconds: 1_800_000))
    }

    @Test func anExpectationNotReachedInTimeIsMissed() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        x.wait(seconds: 1800)
        #expect(x.expectation("press") == .pending(remainingMilliseconds: 0))
        x.wait(seconds: 1)
        #expect(x.expectation("press") == .missed(reachedLateAtMilliseconds: nil))
    }

    @Test func anExpectationReachedAfterTheWindowStaysMissedAndSaysWhen() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        x.wait(seconds: 2000)
        try x.perform(.complete(step: "a", note: nil))
        try x.perform(.decide(step: "b", option: "1", note: nil))
        try x.perform(.complete(step: "c", note: nil))  // the flow reaches `report` here
        #expect(x.expectation("press") == .missed(reachedLateAtMilliseconds: 3_200_000))
    }

    @Test func aStepReachedBeforeDeliveryMeetsTheExpectationAtDelivery() throws {
        var x = try ExerciseRun(speed: 1)
        #expect(x.expectation("alarm") == .notDelivered)
        x.wait(seconds: 60)
        try x.perform(.deliver(inject: "alarm"))
        #expect(x.expectation("alarm") == .met(atMilliseconds: 0))
    }

    @Test func expectationsRunOnExerciseTimeSoPausesDoNotCount() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        try x.perform(.pause)
        x.wait(seconds: 5000)
        #expect(x.expectation("press") == .pending(remainingMilliseconds: 1_800_000))
    }

    @Test func endingTheExerciseSettlesPendingExpectationsAsMissed() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        try x.perform(.end(reason: .completed, note: nil))
        #expect(x.expectation("press") == .missed(reachedLateAtMilliseconds: nil))
        #expect(x.expectation("mayor") == nil)
        #expect(x.due().isEmpty)
    }

    @Test func observationsAfterTheEndAreFirstImpressions() throws {
        var x = try ExerciseRun(speed: 1)
        try x.perform(.observe(text: "Ledelsen ble varslet raskt", step: "a"))
        try x.perform(.end(reason: .completed, note: nil))
        try x.perform(.observe(text: "Uklart hvem som ringer pressen", step: nil))
        #expect(throws: ExerciseCommandError.emptyText) { try x.perform(.observe(text: "  ", step: nil)) }
        #expect(x.exercise.observations.map(\.isFirstImpression) == [false, true])
        try x.perform(.correct(seq: x.exercise.observations[1].seq, text: "Uklart hvem som snakker med pressen"))
        #expect(x.exercise.observations[1].text == "Uklart hvem som snakker med pressen")
    }

    @Test func stoppingForARealIncidentNeedsAReasonAndIsRecorded() throws {
        var x = try ExerciseRun(speed: 1)
        #expect(throws: ExerciseCommandError.emptyText) { try x.perform(.end(reason: .realIncident, note: nil)) }
        try x.perform(.end(reason: .realIncident, note: "Reelt angrep på lønnssystemet"))
        #expect(x.exercise.ending?.reason == .realIncident)
        #expect(x.run.state.notes.last?.source == .exerciseEnd)
        #expect(x.run.state.notes.last?.text == "Reelt angrep på lønnssystemet")
    }

    @Test func tellsTheUIWhenSomethingWillChangeNext() throws {
        var x = try ExerciseRun(speed: 60)
        try x.perform(.deliver(inject: "alarm"))
        #expect(x.exercise.nextChange(after: x.now) == x.now.adding(seconds: 20))
        try x.perform(.pause)
        #expect(x.exercise.nextChange(after: x.now) == nil)
    }

    /// Completing the expected step out of order counts as reaching it.
    @Test func completingTheStepOutOfOrderMeetsTheExpectation() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 1200)
        try x.perform(.deliver(inject: "press"))
        x.wait(seconds: 60)
        try x.perform(.complete(step: "report", note: nil))
        #expect(x.expectation("press") == .met(atMilliseconds: 1_260_000))
    }
}
