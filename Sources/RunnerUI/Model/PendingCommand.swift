import IncidentEngine

/// A command sent to the loop and not yet recorded. The UI shows it as
/// saving until a record by this actor carrying `expected` (the first event
/// the command planned) arrives, or the loop reports a failure; then it
/// does `then`, so nothing follows from a command before it is in the journal.
struct PendingCommand: Equatable, Sendable {
    var expected: IncidentEvent
    var then: FollowUp = .nothing
}
