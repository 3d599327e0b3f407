/// When the flow entered a phase: the stage entry times the review reports.
public struct PhaseState: Equatable, Sendable {
    public var firstEnteredAt: Timestamp?
    public var lastEnteredAt: Timestamp?
    public var timesEntered = 0

    /// A phase the flow has not entered yet.
    public init() {}
}
