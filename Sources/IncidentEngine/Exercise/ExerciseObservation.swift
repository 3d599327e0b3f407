/// A facilitator's or evaluator's observation (an `evaluator_note`), placed on
/// the exercise clock.
public struct ExerciseObservation: Sendable, Equatable {
    public var seq: Int
    public var wall: Timestamp
    public var elapsedMilliseconds: Int64
    public var actor: String
    public var text: String
    public var step: String?
    /// Written after the exercise ended: a first impression from the hotwash
    /// (førsteinntrykksevaluering).
    public var isFirstImpression: Bool
}
