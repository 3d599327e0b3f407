/// A yes-or-no question asked before an exercise action that cannot be
/// taken back (it goes in the journal for the evaluation).
enum Confirmation: Hashable, Sendable {
    /// Deliver inject `inject` (an index into `ExerciseState.injects`) before it is due.
    case deliverEarly(inject: Int)
    /// End the exercise as planned; the first impressions follow.
    case endExercise
}
