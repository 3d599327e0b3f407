/// A role in the response (`- lead: Hendelsesleder`); steps name it by id.
public struct Role: Sendable, Hashable {
    public var id: Located<String>
    public var name: Located<String>

    public init(id: Located<String>, name: Located<String>) {
        self.id = id
        self.name = name
    }
}
