import PlaybookFormat

/// One inject of the scenario's script (dreiebok) as the engine needs it:
/// plain values, no source locations.
public struct InjectPlan: Sendable, Equatable {
    public var id: String
    public var title: String
    /// Exercise seconds from the start at which it is due, as written.
    public var atSeconds: Int
    /// The role it is delivered to.
    public var role: String?
    public var text: String?
    /// The step the participants should reach, and how many exercise
    /// seconds after delivery they have for it (nil: no time limit).
    public var expectedStep: String?
    public var withinSeconds: Int?

    public init(
        id: String, title: String, atSeconds: Int, role: String? = nil, text: String? = nil,
        expectedStep: String? = nil, withinSeconds: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.atSeconds = atSeconds
        self.role = role
        self.text = text
        self.expectedStep = expectedStep
        self.withinSeconds = withinSeconds
    }

    public init(_ inject: Inject) {
        self.init(
            id: inject.id.value, title: inject.title.value, atSeconds: inject.at.value.seconds,
            role: inject.to?.value, text: inject.text?.value, expectedStep: inject.expect?.value,
            withinSeconds: inject.within?.value.seconds)
    }

    /// A scenario's injects in the order they come due (stable for equal times).
    public static func script(of scenario: Scenario) -> [InjectPlan] {
        scenario.injects.enumerated()
            .sorted { ($0.element.at.value.seconds, $0.offset) < ($1.element.at.value.seconds, $1.offset) }
            .map { InjectPlan($0.element) }
    }
}
