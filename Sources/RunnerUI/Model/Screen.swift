/// The full screens of the runner; dialogs open over `.runner`.
enum Screen: Hashable, Sendable {
    case runner
    case timeline
    case deadlines
    case help
    /// An exercise's injects, in script order, to deliver or postpone.
    case injects
    /// Inject `Int` (an index into `ExerciseState.injects`) full screen, for the room.
    case inject(Int)
}
