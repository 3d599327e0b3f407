import IncidentEngine

/// An open incident as the start screen lists it.
public struct IncidentListing: Hashable, Sendable {
    public var id: String
    public var title: String
    public var playbookTitle: String
    public var openedAt: Timestamp
    /// The title of the step the flow is at, if any.
    public var currentStep: String?
    public var isExercise: Bool

    public init(
        id: String, title: String, playbookTitle: String, openedAt: Timestamp, currentStep: String? = nil,
        isExercise: Bool = false
    ) {
        self.id = id
        self.title = title
        self.playbookTitle = playbookTitle
        self.openedAt = openedAt
        self.currentStep = currentStep
        self.isExercise = isExercise
    }
}
