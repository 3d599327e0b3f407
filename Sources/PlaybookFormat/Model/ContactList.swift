/// A contact list: who to call, kept apart from the playbooks so that each
/// municipality fills in its own numbers once.
public struct ContactList: Sendable {
    public var id: Located<String>
    public var title: Located<String>?
    public var contacts: [Contact]
    public var extensions: [ExtensionField]

    public init(id: Located<String>, title: Located<String>? = nil, contacts: [Contact] = [], extensions: [ExtensionField] = []) {
        self.id = id
        self.title = title
        self.contacts = contacts
        self.extensions = extensions
    }

    public func contact(_ id: String) -> Contact? {
        contacts.first { $0.id.value == id }
    }
}

/// One organisation or person to notify.
public struct Contact: Sendable {
    public var id: Located<String>
    public var name: Located<String>
    public var phone: Located<String>?
    public var email: Located<String>?
    public var when: Located<String>?
    public var note: Located<String>?
    public var ref: Located<String>?
    public var span: SourceSpan

    public init(
        id: Located<String>, name: Located<String>, phone: Located<String>? = nil, email: Located<String>? = nil,
        when: Located<String>? = nil, note: Located<String>? = nil, ref: Located<String>? = nil, span: SourceSpan
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
        self.when = when
        self.note = note
        self.ref = ref
        self.span = span
    }
}
