/// References between files: a playbook's `notify` ids against the contact
/// lists beside it, and a scenario's `playbook`, `expect` and `to` against the
/// playbook it names. Diagnostics are reported in the referring file.
public enum CrossReferenceValidator {
    /// Checks every `notify` id of `playbook` against `lists`; with no lists, nothing is checked.
    public static func checkContacts(of playbook: Playbook, in source: SourceFile, against lists: [ContactList]) -> [Diagnostic] {
        guard !lists.isEmpty else { return [] }
        let ids = lists.flatMap { $0.contacts.map(\.id.value) }
        var diagnostics: [Diagnostic] = []
        for step in playbook.steps {
            for contact in step.notify where !ids.contains(contact.value) {
                let listNames = lists.map(\.id.value).joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    .error, .unknownContact, "unknown contact '\(contact.value)' (not in \(listNames))",
                    in: source, at: contact.span,
                    help: Suggestion.help(for: contact.value, in: ids) ?? "add 'contact \(contact.value): Name' to the contact list"))
            }
        }
        return diagnostics
    }

    /// Checks a scenario's references; `playbook` is nil when no playbook with its id was found.
    public static func checkScenario(_ scenario: Scenario, in source: SourceFile, against playbook: Playbook?,
                                     knownPlaybooks: [String] = []) -> [Diagnostic] {
        guard let playbook else {
            return [Diagnostic(
                .error, .unknownPlaybook, "unknown playbook '\(scenario.playbook.value)'", in: source,
                at: scenario.playbook.span,
                help: Suggestion.help(for: scenario.playbook.value, in: knownPlaybooks)
                    ?? "put the playbook beside the scenario, or name its folder with --playbooks")]
        }
        let stepIDs = playbook.steps.map(\.id.value)
        var roleIDs: [String] = []
        for role in playbook.roles where !roleIDs.contains(role.id.value) { roleIDs.append(role.id.value) }
        var diagnostics: [Diagnostic] = []
        for inject in scenario.injects {
            if let expect = inject.expect, !stepIDs.contains(expect.value) {
                diagnostics.append(Diagnostic(
                    .error, .unknownStep, "unknown step '\(expect.value)' in playbook '\(playbook.id.value)'",
                    in: source, at: expect.span, help: Suggestion.help(for: expect.value, in: stepIDs)))
            }
            if let role = inject.to, !roleIDs.contains(role.value) {
                diagnostics.append(Diagnostic(
                    .error, .unknownRole, "unknown role '\(role.value)' in playbook '\(playbook.id.value)'",
                    in: source, at: role.span,
                    help: Suggestion.help(for: role.value, in: roleIDs)
                        ?? (roleIDs.isEmpty ? nil : "roles: " + roleIDs.joined(separator: ", "))))
            }
        }
        return diagnostics
    }
}
