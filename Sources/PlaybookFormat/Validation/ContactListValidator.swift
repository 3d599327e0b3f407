/// The rules a contact list must follow.
enum ContactListValidator {
    static func validate(_ list: ContactList, _ reader: inout DocumentReader) {
        PlaybookValidator.reportDuplicates(list.contacts.map(\.id), what: "contact", &reader)
        for contact in list.contacts where contact.phone == nil && contact.email == nil {
            reader.warning(.unreachableContact, "contact '\(contact.id.value)' has neither 'phone' nor 'email'",
                           at: contact.span, help: "add 'phone:' or 'email:', or a placeholder such as '(fyll inn)'")
        }
    }
}
