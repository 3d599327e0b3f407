/// A tabletop exercise scenario: the injects a facilitator delivers while
/// participants run a playbook.
public struct Scenario: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    /// The id of the playbook the participants run.
    public var playbook: Located<String>
    public var lang: Located<String>?
    public var duration: Located<PlaybookDuration>?
    public var objectives: [Located<String>]
    public var summary: Located<String>?
    public var injects: [Inject]
    public var extensions: [ExtensionField]

    public init(
        id: Located<String>, title: Located<String>, playbook: Located<String>, lang: Located<String>? = nil,
        duration: Located<PlaybookDuration>? = nil, objectives: [Located<String>] = [],
        summary: Located<String>? = nil, injects: [Inject] = [], extensions: [ExtensionField] = []
    ) {
        self.id = id
        self.title = title
        self.playbook = playbook
        self.lang = lang
        self.duration = duration
        self.objectives = objectives
        self.summary = summary
        self.injects = injects
        self.extensions = extensions
    }
}

/// An inject (innspill): a message delivered to the participants at a set
/// exercise time, optionally with an expectation of what they do next.
public struct Inject: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    /// Time from the exercise start.
    public var at: Located<PlaybookDuration>
    /// The role it is delivered to.
    public var to: Located<String>?
    public var text: Located<String>?
    /// The step the participants should reach.
    public var expect: Located<String>?
    /// How long after delivery they have to reach it.
    public var within: Located<PlaybookDuration>?
    public var span: SourceSpan

    public init(
        id: Located<String>, title: Located<String>, at: Located<PlaybookDuration>, to: Located<String>? = nil,
        text: Located<String>? = nil, expect: Located<String>? = nil, within: Located<PlaybookDuration>? = nil,
        span: SourceSpan
    ) {
        self.id = id
        self.title = title
        self.at = at
        self.to = to
        self.text = text
        self.expect = expect
        self.within = within
        self.span = span
    }
}
