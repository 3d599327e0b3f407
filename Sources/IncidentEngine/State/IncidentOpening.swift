/// What the `incident_opened` event said: which playbook (and exactly which
/// bytes of it), the title, and whether this is an exercise.
public struct IncidentOpening: Equatable, Sendable {
    public var playbookID: String
    public var playbookVersion: String?
    public var playbookSHA256: String
    public var title: String
    public var isExercise: Bool
    public var openedAt: Timestamp
    public var openedBy: String
}
