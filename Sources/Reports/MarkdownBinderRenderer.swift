import PlaybookFormat

/// The binder as GitHub-flavoured Markdown, for a wiki or a repository.
/// Every piece of playbook text is sanitised and escaped, so that it shows as
/// written and cannot add links, HTML, headings or lists of its own.
struct MarkdownBinderRenderer {
    let context: BinderContext
    /// Blocks (headings, paragraphs, lists, code), separated by blank lines.
    private var blocks: [String] = []

    init(context: BinderContext) {
        self.context = context
    }

    private var strings: ReportStrings { context.strings }
    private var playbook: Playbook { context.playbook }

    mutating func render() -> String {
        blocks = []
        renderHeader()
        renderRoles()
        renderDeadlines()
        if playbook.steps.isEmpty { blocks.append(line(strings.noSteps)) }
        for (index, phase) in playbook.phases.enumerated() {
            renderPhase(phase, number: index + 1)
        }
        renderContacts()
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: Sections

    private mutating func renderHeader() {
        blocks.append("# " + text(playbook.title.value))
        var fields = ["- **\(strings.playbookID):** " + MarkdownEscaper.codeSpan(clean(playbook.id.value))]
        if let version = playbook.version { fields.append(field(strings.version, version.value)) }
        if let owner = playbook.owner { fields.append(field(strings.owner, owner.value)) }
        if !playbook.tags.isEmpty { fields.append(field(strings.tags, playbook.tags.map(\.value).joined(separator: ", "))) }
        if let ref = playbook.ref { fields.append(field(strings.ref, ref.value)) }
        blocks.append(fields.joined(separator: "\n"))
        if let summary = playbook.summary { appendBlock(summary.value) }
    }

    private mutating func renderRoles() {
        guard !playbook.roles.isEmpty else { return }
        blocks.append("## " + text(strings.roles))
        blocks.append(playbook.roles.map { role in
            "- " + text(role.name.value) + " (" + MarkdownEscaper.codeSpan(clean(role.id.value)) + ")"
        }.joined(separator: "\n"))
    }

    private mutating func renderDeadlines() {
        guard !playbook.deadlines.isEmpty else { return }
        blocks.append("## " + text(strings.deadlines))
        for deadline in playbook.deadlines {
            blocks.append("### " + text(deadline.title.value))
            var fields = [
                field(strings.within, strings.words(deadline.within.value)),
                field(strings.starts, context.startDescription(deadline)),
                field(strings.met, context.metDescription(deadline)),
            ]
            if let warn = deadline.warn { fields.append(field(strings.warn, strings.warnBefore(warn.value))) }
            if let ref = deadline.ref { fields.append(field(strings.ref, ref.value)) }
            blocks.append(fields.joined(separator: "\n"))
        }
    }

    private mutating func renderPhase(_ phase: Phase, number: Int) {
        blocks.append("## " + text(strings.phaseNumber(number, of: playbook.phases.count) + ": " + phase.title.value))
        blocks.append("_" + text(strings.stage(phase.stage.value)) + "_")
        for index in context.stepIndices(of: phase) {
            renderStep(at: index)
        }
    }

    private mutating func renderStep(at index: Int) {
        let step = playbook.steps[index]
        blocks.append("### " + text(context.label(ofStepAt: index)))

        var fields = ["- **\(strings.stepID):** " + MarkdownEscaper.codeSpan(clean(step.id.value))]
        if let role = step.role { fields.append(field(strings.role, context.roleName(role.value))) }
        if let expect = step.expect { fields.append(field(strings.target, strings.words(expect.value))) }
        blocks.append(fields.joined(separator: "\n"))

        if let instructions = step.instructions { appendBlock(instructions.value) }
        if !step.checklist.isEmpty {
            blocks.append("**\(strings.checklist)**")
            blocks.append(step.checklist.map { "- [ ] " + line($0.value) }.joined(separator: "\n"))
        }
        if let commands = step.commands {
            blocks.append("**\(strings.commands)** (\(strings.commandsNote)):")
            let body = TextSanitizer.sanitize(commands.value, keepLineBreaks: true, keepTabs: true)
            blocks.append(MarkdownEscaper.codeBlock(body, info: "text"))
        }
        if let record = step.record {
            if record.value.contains("\n") {
                blocks.append("**\(strings.record):**")
                appendBlock(record.value)
            } else {
                blocks.append("**\(strings.record):** " + text(record.value))
            }
        }
        if let decision = step.decision {
            blocks.append("**\(strings.decision):** " + text(decision.question.value))
            blocks.append(decision.options.map { option in
                let target = context.describe(context.target(option.target.value, fromStepAt: index))
                return "- **" + text(option.label.value) + "** " + text(target)
            }.joined(separator: "\n"))
        }
        if !step.notify.isEmpty {
            blocks.append("**\(strings.notify):**")
            blocks.append(step.notify.map { notifyItem($0.value) }.joined(separator: "\n"))
        }
        var trailing: [String] = []
        for deadline in context.deadlinesStarting(atStep: step.id.value) {
            let within = "\(strings.within.lowercased()) \(strings.words(deadline.within.value))"
            trailing.append(field(strings.startsDeadline, "\(deadline.title.value) (\(within))"))
        }
        for deadline in context.deadlinesMet(atStep: step.id.value) {
            trailing.append(field(strings.meetsDeadline, deadline.title.value))
        }
        if let ref = step.ref { trailing.append(field(strings.ref, ref.value)) }
        if !step.tags.isEmpty { trailing.append(field(strings.tags, step.tags.map(\.value).joined(separator: ", "))) }
        if !trailing.isEmpty { blocks.append(trailing.joined(separator: "\n")) }
    }

    private func notifyItem(_ id: String) -> String {
        switch context.contact(id) {
        case .found(let contact):
            let details = context.details(of: contact).map { "  - " + text("\($0.label): \($0.value)") }
            return (["- **" + text(contact.name.value) + "**"] + details).joined(separator: "\n")
        case .missing(let id):
            return "- " + text("\(id) (\(strings.notInContactList))")
        case .unchecked(let id):
            return "- " + text("\(id) (\(strings.noContactList))")
        }
    }

    private mutating func renderContacts() {
        let lists = context.referencedLists
        let missing = context.missingContactIDs
        let unchecked = context.contactLists.isEmpty && !context.notifiedIDs.isEmpty
        guard !lists.isEmpty || !missing.isEmpty || unchecked else { return }
        blocks.append("## " + text(strings.contacts))
        if unchecked { blocks.append(line("(\(strings.noContactList))")) }
        for list in lists {
            blocks.append("### " + text(context.heading(of: list)))
            blocks.append(contactTable(list.contacts))
        }
        if !missing.isEmpty {
            blocks.append("**" + text(strings.missingContacts) + ":** " + text(missing.joined(separator: ", ")))
        }
    }

    /// A table with a column for each contact field that some contact has.
    private func contactTable(_ contacts: [Contact]) -> String {
        let columns: [(label: String, value: (Contact) -> String?)] = [
            (strings.phone, { $0.phone?.value }),
            (strings.email, { $0.email?.value }),
            (strings.when, { $0.when?.value }),
            (strings.note, { $0.note?.value }),
            (strings.ref, { $0.ref?.value }),
        ].filter { column in contacts.contains { column.value($0) != nil } }
        var rows = ["| " + ([strings.name] + columns.map(\.label)).map(text).joined(separator: " | ") + " |"]
        rows.append("|" + String(repeating: "---|", count: columns.count + 1))
        for contact in contacts {
            let name = text("\(contact.name.value) (\(contact.id.value))")
            let cells = [name] + columns.map { text($0.value(contact) ?? "") }
            rows.append("| " + cells.joined(separator: " | ") + " |")
        }
        return rows.joined(separator: "\n")
    }

    // MARK: Building blocks

    /// `- **Label:** value`.
    private func field(_ label: String, _ value: String) -> String {
        "- **" + text(label) + ":** " + text(value)
    }

    /// One line of playbook text that follows fixed text on its line, sanitised and escaped.
    private func text(_ value: String) -> String {
        MarkdownEscaper.inline(clean(value), atLineStart: false)
    }

    /// One line of playbook text that begins a line (or a list item's text).
    private func line(_ value: String) -> String {
        MarkdownEscaper.inline(clean(value), atLineStart: true)
    }

    private mutating func appendBlock(_ value: String) {
        let block = MarkdownEscaper.block(clean(value))
        if !block.isEmpty { blocks.append(block) }
    }

    private func clean(_ value: String) -> String {
        TextSanitizer.sanitize(value)
    }
}
