/// Whatever a vakt file turned out to hold.
public enum Document: Sendable {
    case playbook(Playbook)
    case scenario(Scenario)
    case contacts(ContactList)

    public var kind: DocumentKind {
        switch self {
        case .playbook: .playbook
        case .scenario: .scenario
        case .contacts: .contacts
        }
    }
}

/// The three kinds of file, named by their extension and their first key.
public enum DocumentKind: String, CaseIterable, Sendable {
    case playbook
    case scenario
    case contacts

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The kind a path's extension names, if any.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: String(path[path.index(after: dot)...]))
    }
}
