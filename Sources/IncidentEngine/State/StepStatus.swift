/// Where a step stands in a run.
public enum StepStatus: String, Hashable, Sendable {
    /// Not yet done, and the flow may still come to it.
    case pending
    /// The step the flow is at: the first open step on the chosen path.
    case current
    case done
    case skipped
    /// The chosen path passed over it (a decision jumped past it, or the
    /// playbook ended before it). Not done: it can still be done by hand.
    case bypassed

    /// Done or skipped: nothing left to do on this pass.
    public var isClosed: Bool { self == .done || self == .skipped }
}
