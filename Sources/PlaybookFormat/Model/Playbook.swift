/// A playbook: what responders do, step by step, for one kind of incident.
///
/// Steps are kept in one flat array in file order, because that is the order
/// the flow runs in across phases; each phase names the range of its steps.
public struct Playbook: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    public var lang: Located<String>?
    public var version: Located<String>?
    public var owner: Located<String>?
    public var tags: [Located<String>]
    public var summary: Located<String>?
    public var roles: [Role]
    public var ref: Located<String>?
    public var deadlines: [Deadline]
    public var phases: [Phase]
    /// Every step in file order, across phases.
    public var steps: [Step]
    /// `x-` keys at the top level: kept, never interpreted.
    public var extensions: [ExtensionField]

    public init(
        id: Located<String>, title: Located<String>, lang: Located<String>? = nil,
        version: Located<String>? = nil, owner: Located<String>? = nil, tags: [Located<String>] = [],
        summary: Located<String>? = nil, roles: [Role] = [], ref: Located<String>? = nil,
        deadlines: [Deadline] = [], phases: [Phase] = [], steps: [Step] = [], extensions: [ExtensionField] = []
    ) {
        self.id = id
        self.title = title
        self.lang = lang
        self.version = version
        self.owner = owner
        self.tags = tags
        self.summary = summary
        self.roles = roles
        self.ref = ref
        self.deadlines = deadlines
        self.phases = phases
        self.steps = steps
        self.extensions = extensions
    }

    /// The index of the step with this id, if any (first one if ids repeat).
    public func stepIndex(of id: String) -> Int? {
        steps.firstIndex { $0.id.value == id }
    }

    public func step(_ id: String) -> Step? {
        stepIndex(of: id).map { steps[$0] }
    }

    public func role(_ id: String) -> Role? {
        roles.first { $0.id.value == id }
    }

    /// The phase that holds the step at `index`.
    public func phase(ofStepAt index: Int) -> Phase {
        phases[steps[index].phaseIndex]
    }
}
