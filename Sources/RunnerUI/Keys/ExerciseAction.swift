/// What a facilitator's key does on the runner of an exercise.
public enum ExerciseAction: Sendable, Equatable, CaseIterable {
    case deliver
    case observe
    case pauseResume
    case faster, slower
    case injects
    case end
    case realIncident
}
