/// The exercise clock (T+): exercise time as a pure function of the
/// journal's exercise events and the wall time asked about.
///
/// The clock keeps an anchor, the wall time of the last start, resume or
/// speed change and the exercise time it had reached then; exercise time is
/// `anchorElapsed + (now - anchorWall) * speed` while running and
/// `anchorElapsed` while paused or ended. Because it is derived from event
/// timestamps alone, it never drifts, and a crash or `vakt resume` continues
/// at exactly the right exercise time. Times are in milliseconds.
public struct ExerciseClock: Sendable, Equatable {
    /// True once `exercise_started` was applied.
    public private(set) var isStarted = false
    public private(set) var isPaused = false
    public private(set) var isEnded = false
    /// Exercise seconds per real second.
    public private(set) var speed = 1
    /// When the exercise started (wall time).
    public private(set) var startedAt: Timestamp?
    private var anchorWall = Timestamp(millisecondsSinceEpoch: 0)
    private var anchorElapsed: Int64 = 0

    public init() {}

    /// True while exercise time passes.
    public var isRunning: Bool { isStarted && !isPaused && !isEnded }

    /// Exercise time, in milliseconds since the start, at wall time `now`.
    /// Never negative, never less than at an earlier anchor (a wall clock
    /// stepped back does not run the exercise backwards).
    public func elapsedMilliseconds(at now: Timestamp) -> Int64 {
        guard isRunning else { return anchorElapsed }
        let real = max(0, now.milliseconds(since: anchorWall))
        return anchorElapsed + real.multipliedReportingOverflow(by: Int64(speed)).partialValue
    }

    /// Whole exercise seconds at `now`.
    public func elapsedSeconds(at now: Timestamp) -> Int { Int(elapsedMilliseconds(at: now) / 1000) }

    /// The wall time at which exercise time reaches `seconds`, if the clock
    /// runs on as it does now; nil while paused or ended and not yet there.
    public func wallTime(whenElapsedReaches seconds: Int) -> Timestamp? {
        let target = Int64(seconds) * 1000
        if target <= anchorElapsed { return anchorWall }
        guard isRunning else { return nil }
        let real = (target - anchorElapsed + Int64(speed) - 1) / Int64(speed)
        return anchorWall.adding(milliseconds: real)
    }

    /// Applies one exercise event that occurred at `t`. Returns false when the
    /// event does not fit the clock's state (a pause while paused, say); the
    /// clock is then unchanged and the caller may record an anomaly.
    @discardableResult
    public mutating func apply(_ event: IncidentEvent, at t: Timestamp) -> Bool {
        switch event {
        case .exerciseStarted(_, let newSpeed, _):
            guard !isStarted else { return false }
            isStarted = true
            startedAt = t
            speed = newSpeed
            anchorWall = t
            anchorElapsed = 0
        case .exercisePaused:
            guard isRunning else { return false }
            reanchor(at: t)
            isPaused = true
        case .exerciseResumed:
            guard isStarted, isPaused, !isEnded else { return false }
            anchorWall = t
            isPaused = false
        case .exerciseSpeedChanged(let newSpeed):
            guard isStarted, !isEnded else { return false }
            reanchor(at: t)
            speed = newSpeed
        case .exerciseEnded:
            guard isStarted, !isEnded else { return false }
            reanchor(at: t)
            isEnded = true
        default:
            return false
        }
        return true
    }

    private mutating func reanchor(at t: Timestamp) {
        anchorElapsed = elapsedMilliseconds(at: t)
        anchorWall = t
    }
}
