/// Builds a `ContactList` from the entries of a `.contacts` file.
struct ContactListDecoder {
    static let topLevelKeys = ["contacts", "title"]
    static let contactKeys = ["phone", "email", "when", "note", "ref"]

    static func decode(_ reader: inout DocumentReader) -> ContactList? {
        let firstSpan = reader.firstContentSpan()
        var id: Located<String>?
        var list = ContactList(id: Located("", at: firstSpan))
        var sawID = false

        var entries = reader.entries(under: -1)
        while let entry = reader.nextEntry(&entries) {
            switch (entry.form, entry.key) {
            case (.block, .contact):
                list.contacts.append(decodeContact(entry, &reader))
            case (.field, .contacts), (.textBlock, .contacts):
                sawID = true
                id = reader.id(entry, what: "contact list id")
            case (.field, .title), (.textBlock, .title):
                list.title = reader.text(entry, allowBlock: false)
            case (.field, .extension), (.textBlock, .extension):
                list.extensions.append(reader.extensionField(entry))
            default:
                reader.unknownKey(entry, in: "a contact list", known: topLevelKeys, blocks: ["contact"])
            }
        }
        guard !reader.stopped else { return nil }
        if let id { list.id = id } else if !sawID {
            reader.error(.missingField, "missing 'contacts: ID'", at: firstSpan,
                         help: "every contact list starts with its id, e.g. 'contacts: kontakter'")
        }
        return list
    }

    private static func decodeContact(_ entry: Entry, _ reader: inout DocumentReader) -> Contact {
        let id = reader.blockID(entry, what: "contact id")
        var contact = Contact(id: id, name: reader.title(entry), span: entry.contentSpan)
        var children = reader.entries(under: entry.indent)
        while let child = reader.nextEntry(&children) {
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "a contact", known: contactKeys)
                continue
            }
            switch child.key {
            case .phone: contact.phone = reader.text(child, allowBlock: false)
            case .email: contact.email = reader.text(child, allowBlock: false)
            case .when: contact.when = reader.text(child)
            case .note: contact.note = reader.text(child)
            case .ref: contact.ref = reader.text(child)
            case .extension: break
            default: reader.unknownKey(child, in: "a contact", known: contactKeys)
            }
        }
        return contact
    }
}
