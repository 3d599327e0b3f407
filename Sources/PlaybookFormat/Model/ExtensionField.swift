/// A field whose key starts with `x-`: kept as written and never interpreted,
/// so that a municipality can add its own data without breaking the format.
public struct ExtensionField: Sendable {
    public var key: Located<String>
    public var value: Located<String>

    public init(key: Located<String>, value: Located<String>) {
        self.key = key
        self.value = value
    }
}
