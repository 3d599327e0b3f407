/// A phase of a playbook: one stage of the response and the steps in it.
public struct Phase: Sendable {
    public var stage: Located<Stage>
    public var title: Located<String>
    /// The indices of this phase's steps in `Playbook.steps`.
    public var stepRange: Range<Int>
    /// The span of the `phase STAGE: Title` line.
    public var span: SourceSpan
    /// False when the file named a stage that does not exist (already an
    /// error); such a phase keeps its steps so that references to them resolve.
    public var hasKnownStage = true

    public init(stage: Located<Stage>, title: Located<String>, stepRange: Range<Int>, span: SourceSpan) {
        self.stage = stage
        self.title = title
        self.stepRange = stepRange
        self.span = span
    }
}
