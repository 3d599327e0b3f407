import PlaybookFormat

/// One decision as taken, in the order they were taken: the review lists
/// them all, including answers a loop later cleared.
public struct DecisionRecord: Equatable, Sendable {
    public var seq: Int
    public var occurred: Timestamp
    public var actor: String
    public var stepIndex: Int
    public var question: String
    /// 1-based.
    public var option: Int
    public var label: String
    public var target: StepTarget
}
