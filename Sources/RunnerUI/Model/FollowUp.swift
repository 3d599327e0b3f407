/// What the UI does once a pending command's record comes back: the steps
/// that must wait for the journal (showing a delivered inject to the room,
/// closing the incident after stopping the exercise, leaving after both).
enum FollowUp: Equatable, Sendable {
    case nothing
    /// Show inject `inject` (an index into `ExerciseState.injects`) full screen.
    case showInject(Int)
    /// The exercise was stopped for a real incident: close the incident with the same reason.
    case closeForRealIncident(reason: String)
    /// The incident is closed after the stop: say how to start the real one, and leave.
    case leaveForRealIncident
}
