/// How and when an exercise ended.
public struct ExerciseEnding: Sendable, Equatable {
    public var seq: Int
    public var reason: ExerciseEndReason
    public var note: String?
    public var wall: Timestamp
    public var elapsedMilliseconds: Int64
    public var actor: String
}
