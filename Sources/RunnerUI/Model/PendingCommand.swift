import IncidentEngine

/// A command sent to the loop and not yet recorded. The UI shows it as
/// saving until a record by this actor carrying `expected` (the first event
/// the command planned) arrives, or the loop reports a failure.
struct PendingCommand: Equatable, Sendable {
    var command: IncidentCommand
    var expected: IncidentEvent
}
