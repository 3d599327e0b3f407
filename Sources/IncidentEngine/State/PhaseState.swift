/// When the flow entered a phase: the stage entry times the review reports.
public struct PhaseState: Equatable, Sendable {
    public var firstEnteredAt: Timestamp?
    public var lastEnteredAt: Timestamp?
    public var timesEntered = 0
}
