/// A change the flow made by itself while applying an event: the derived
/// events a command writes after the one it was asked for.
enum FlowEffect: Equatable, Sendable {
    case phaseEntered(Int)
    case reached(Int)
    case reopened(Int)
    case deadlineStarted(Int, due: Timestamp)
    case deadlineMet(Int)
    /// A late completion found the deadline passed; it happened at `due`.
    case deadlineMissed(Int, due: Timestamp)
    /// The event took the `until` step off the path while the deadline ran.
    case deadlineWaived(Int, reason: DeadlineWaiverReason)
}
