import IncidentEngine
import Testing
import VaktTestSupport

/// The exercise clock is a fold of start, pause, resume, speed and end
/// events: it never drifts, and refolding after a crash gives the same time.
@Suite struct ExerciseClockTests {
    @Test func runsAtItsSpeedFromTheStart() throws {
        var x = try ExerciseRun(speed: 60)
        #expect(x.elapsed == 0)
        x.wait(seconds: 10)
        #expect(x.elapsed == 600)
        #expect(x.exercise.clock.isRunning)
    }

    @Test func pauseStopsTimeAndResumeGoesOnFromThere() throws {
        var x = try ExerciseRun(speed: 2)
        x.wait(seconds: 30)
        try x.perform(.pause)
        x.wait(seconds: 1000)
        #expect(x.elapsed == 60)
        try x.perform(.resume)
        x.wait(seconds: 5)
        #expect(x.elapsed == 70)
    }

    @Test func speedChangesApplyFromTheirMomentOnly() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 100)
        try x.perform(.setSpeed(10))
        x.wait(seconds: 10)
        #expect(x.elapsed == 200)
        try x.perform(.setSpeed(1))
        x.wait(seconds: 7)
        #expect(x.elapsed == 207)
    }

    @Test func speedChangedWhilePausedTakesEffectOnResume() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 10)
        try x.perform(.pause)
        try x.perform(.setSpeed(60))
        x.wait(seconds: 100)
        #expect(x.elapsed == 10)
        try x.perform(.resume)
        x.wait(seconds: 1)
        #expect(x.elapsed == 70)
    }

    @Test func endingStopsTheClock() throws {
        var x = try ExerciseRun(speed: 60)
        x.wait(seconds: 60)
        try x.perform(.end(reason: .completed, note: nil))
        x.wait(seconds: 600)
        #expect(x.elapsed == 3600)
        #expect(x.exercise.ending?.elapsedMilliseconds == 3_600_000)
        #expect(!x.exercise.clock.isRunning)
    }

    /// A crash loses nothing but the process: folding the journal again, at
    /// any later moment, gives exactly the exercise time a clock that never
    /// stopped would show.
    @Test func aRefoldAfterACrashShowsTheSameTimeWithoutDrift() throws {
        var x = try ExerciseRun(speed: 7)
        var rng = SplitMix64(seed: 42)
        var expectedMilliseconds: Int64 = 0
        var speed: Int64 = 7
        var paused = false
        for _ in 0..<500 {
            let step = Int(rng.next() % 97) + 1
            x.wait(seconds: step)
            if !paused { expectedMilliseconds += Int64(step) * 1000 * speed }
            switch rng.next() % 4 {
            case 0 where !paused:
                try x.perform(.pause)
                paused = true
            case 1 where paused:
                try x.perform(.resume)
                paused = false
            case 2:
                let newSpeed = Int(rng.next() % 120) + 1
                try x.perform(.setSpeed(newSpeed))
                speed = Int64(newSpeed)
            default:
                break
            }
            #expect(x.exercise.elapsedMilliseconds(at: x.now) == expectedMilliseconds)
        }
        let refolded = x.refolded()
        #expect(refolded == x.exercise)
        let later = x.now.adding(seconds: 3)
        #expect(refolded.elapsedMilliseconds(at: later) == x.exercise.elapsedMilliseconds(at: later))
    }

    @Test func aWallClockSteppedBackDoesNotRunTheExerciseBackwards() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 100)
        #expect(x.exercise.elapsedMilliseconds(at: x.now.adding(seconds: -500)) == 0)
    }

    @Test func knowsWhenItWillReachAnExerciseTime() throws {
        var x = try ExerciseRun(speed: 60)
        let start = x.now
        #expect(x.exercise.clock.wallTime(whenElapsedReaches: 1200) == start.adding(seconds: 20))
        x.wait(seconds: 5)
        try x.perform(.pause)
        #expect(x.exercise.clock.wallTime(whenElapsedReaches: 1200) == nil)
        #expect(x.exercise.clock.wallTime(whenElapsedReaches: 60) != nil)
    }

    @Test func refusesWhatDoesNotFit() throws {
        var x = try ExerciseRun(speed: 1)
        #expect(throws: ExerciseCommandError.notPaused) { try x.perform(.resume) }
        #expect(throws: ExerciseCommandError.alreadyStarted) {
            try x.perform(.start(scenario: "drill", speed: 1, banner: nil))
        }
        #expect(throws: ExerciseCommandError.invalidSpeed(0)) { try x.perform(.setSpeed(0)) }
        try x.perform(.pause)
        #expect(throws: ExerciseCommandError.alreadyPaused) { try x.perform(.pause) }
        try x.perform(.end(reason: .completed, note: nil))
        #expect(throws: ExerciseCommandError.ended) { try x.perform(.resume) }
        #expect(throws: ExerciseCommandError.ended) { try x.perform(.deliver(inject: "press")) }
    }

    /// A journal written by hand or by an older vakt may hold events that do
    /// not fit; the fold skips them, names them, and keeps the clock right.
    @Test func eventsThatDoNotFitAreAnomaliesNotCrashes() throws {
        var x = try ExerciseRun(speed: 1)
        x.wait(seconds: 10)
        x.append(.exerciseResumed)
        x.append(.exerciseStarted(scenario: "other", speed: 5, banner: nil))
        x.append(.injectDelivered(inject: "nope"))
        x.wait(seconds: 10)
        #expect(x.elapsed == 20)
        #expect(x.exercise.anomalies.count == 3)
    }
}
