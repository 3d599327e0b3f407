/// Whether the participants did what an inject expected of them.
public enum ExpectationStatus: Sendable, Equatable {
    /// The inject has not been delivered; the clock for it has not started.
    case notDelivered
    /// Delivered, the step not reached yet, still time (nil: no time limit).
    case pending(remainingMilliseconds: Int64?)
    /// The step was reached in time, at this exercise time.
    case met(atMilliseconds: Int64)
    /// The window passed; the step was reached late (at this exercise time) or not at all.
    case missed(reachedLateAtMilliseconds: Int64?)

    public var isSettled: Bool {
        switch self {
        case .met, .missed: true
        case .notDelivered, .pending: false
        }
    }
}
