/// Why an exercise command cannot be recorded.
public enum ExerciseCommandError: Error, Equatable, Sendable, CustomStringConvertible {
    case notStarted
    case alreadyStarted
    case ended
    case alreadyPaused
    case notPaused
    case invalidSpeed(Int)
    case unknownInject(String)
    case alreadyDelivered(String)
    case invalidPostponement(Int)
    /// An observation, or the reason for stopping, that says nothing.
    case emptyText

    public var description: String {
        switch self {
        case .notStarted: "the exercise has not started"
        case .alreadyStarted: "the exercise has already started"
        case .ended: "the exercise has ended"
        case .alreadyPaused: "the exercise is already paused"
        case .notPaused: "the exercise is not paused"
        case .invalidSpeed(let speed):
            "speed \(speed) is outside \(ExerciseCommand.speeds.lowerBound)…\(ExerciseCommand.speeds.upperBound)"
        case .unknownInject(let id): "no inject '\(id)' in the scenario"
        case .alreadyDelivered(let id): "inject '\(id)' has already been delivered"
        case .invalidPostponement(let seconds):
            "a postponement must be 1 s to \(ExerciseCommand.maximumPostponementSeconds / 3600) h, not \(seconds) s"
        case .emptyText: "the text is empty"
        }
    }
}
