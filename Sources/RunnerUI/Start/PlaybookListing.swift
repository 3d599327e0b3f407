/// A playbook the start screen offers to start.
public struct PlaybookListing: Hashable, Sendable {
    /// What `.open(playbookID:)` carries: the id, or a path when the loop prefers one.
    public var id: String
    public var title: String

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
