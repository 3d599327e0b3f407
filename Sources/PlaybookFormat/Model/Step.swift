/// One step of a playbook: something a responder does, checks or decides.
public struct Step: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    /// Index of the phase this step belongs to in `Playbook.phases`.
    public var phaseIndex: Int
    public var role: Located<String>?
    /// Target time for the step.
    public var expect: Located<PlaybookDuration>?
    /// Instructions (`do`), a line or a text block.
    public var instructions: Located<String>?
    /// Checklist items (`check`).
    public var checklist: [Located<String>]
    /// Commands shown verbatim for copying (`run`); vakt never executes them.
    public var commands: Located<String>?
    /// What the responder must write down when completing the step (`record`).
    public var record: Located<String>?
    /// The decision (`ask`), if the step has one.
    public var decision: Decision?
    /// Contact ids to notify.
    public var notify: [Located<String>]
    public var ref: Located<String>?
    public var tags: [Located<String>]
    /// The span of the `step ID: Title` line.
    public var span: SourceSpan
    public var extensions: [ExtensionField]

    public init(
        id: Located<String>, title: Located<String>, phaseIndex: Int, role: Located<String>? = nil,
        expect: Located<PlaybookDuration>? = nil, instructions: Located<String>? = nil,
        checklist: [Located<String>] = [], commands: Located<String>? = nil, record: Located<String>? = nil,
        decision: Decision? = nil, notify: [Located<String>] = [], ref: Located<String>? = nil,
        tags: [Located<String>] = [], span: SourceSpan, extensions: [ExtensionField] = []
    ) {
        self.id = id
        self.title = title
        self.phaseIndex = phaseIndex
        self.role = role
        self.expect = expect
        self.instructions = instructions
        self.checklist = checklist
        self.commands = commands
        self.record = record
        self.decision = decision
        self.notify = notify
        self.ref = ref
        self.tags = tags
        self.span = span
        self.extensions = extensions
    }

    /// True when the step gives the responder nothing to do (a lint warning).
    public var isEmpty: Bool {
        instructions == nil && checklist.isEmpty && commands == nil && record == nil && decision == nil
    }
}
