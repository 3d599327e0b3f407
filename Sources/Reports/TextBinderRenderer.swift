import PlaybookFormat

/// The binder as plain UTF-8 text for a terminal or `lpr`: wrapped at 80
/// columns except for commands (which must stay copyable as written), and
/// every piece of playbook text sanitised so it cannot drive the terminal.
struct TextBinderRenderer {
    let context: BinderContext
    let wrapper = TextWrapper(width: 80)
    private var lines: [String] = []

    /// Indentation of everything inside a step, under its numbered title.
    private let stepIndent = "   "
    /// Labels wider than this are not aligned into a column.
    private static let maximumLabelColumn = 24

    init(context: BinderContext) {
        self.context = context
    }

    private var strings: ReportStrings { context.strings }
    private var playbook: Playbook { context.playbook }

    mutating func render() -> String {
        lines = []
        renderHeader()
        renderRoles()
        renderDeadlines()
        if playbook.steps.isEmpty {
            blank()
            lines.append(strings.noSteps)
        }
        for (index, phase) in playbook.phases.enumerated() {
            renderPhase(phase, number: index + 1)
        }
        renderContacts()
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private mutating func renderHeader() {
        let title = clean(playbook.title.value, oneLine: true)
        underlined(title, with: "=")
        blank()
        var fields: [(String, String)] = [(strings.playbookID, playbook.id.value)]
        if let version = playbook.version { fields.append((strings.version, version.value)) }
        if let owner = playbook.owner { fields.append((strings.owner, owner.value)) }
        if !playbook.tags.isEmpty { fields.append((strings.tags, playbook.tags.map(\.value).joined(separator: ", "))) }
        if let ref = playbook.ref { fields.append((strings.ref, ref.value)) }
        fieldList(fields, indent: "")
        if let summary = playbook.summary {
            blank()
            paragraph(summary.value, indent: "")
        }
    }

    private mutating func renderRoles() {
        guard !playbook.roles.isEmpty else { return }
        blank()
        underlined(strings.roles, with: "-")
        for role in playbook.roles {
            paragraph("\(role.name.value) (\(role.id.value))", firstIndent: "- ", indent: "  ")
        }
    }

    private mutating func renderDeadlines() {
        guard !playbook.deadlines.isEmpty else { return }
        blank()
        underlined(strings.deadlines, with: "-")
        for (index, deadline) in playbook.deadlines.enumerated() {
            if index > 0 { blank() }
            paragraph(deadline.title.value, indent: "")
            var fields: [(String, String)] = [
                (strings.within, strings.words(deadline.within.value)),
                (strings.starts, context.startDescription(deadline)),
                (strings.met, context.metDescription(deadline)),
            ]
            if let warn = deadline.warn { fields.append((strings.warn, strings.warnBefore(warn.value))) }
            if let ref = deadline.ref { fields.append((strings.ref, ref.value)) }
            fieldList(fields, indent: "  ")
        }
    }

    private mutating func renderPhase(_ phase: Phase, number: Int) {
        let rule = String(repeating: "=", count: wrapper.width)
        blank()
        blank()
        lines.append(rule)
        let heading = strings.phaseNumber(number, of: playbook.phases.count) + " · " + strings.stage(phase.stage.value)
        paragraph(heading, indent: "")
        paragraph(phase.title.value, indent: "")
        lines.append(rule)
        for index in context.stepIndices(of: phase) {
            renderStep(at: index)
        }
    }

    private mutating func renderStep(at index: Int) {
        let step = playbook.steps[index]
        blank()
        underlined("\(context.label(ofStepAt: index)) [\(step.id.value)]", with: "-")

        var fields: [(String, String)] = []
        if let role = step.role { fields.append((strings.role, context.roleName(role.value))) }
        if let expect = step.expect { fields.append((strings.target, strings.words(expect.value))) }
        if !fields.isEmpty { fieldList(fields, indent: stepIndent) }

        if let instructions = step.instructions {
            blank()
            paragraph(instructions.value, indent: stepIndent)
        }
        if !step.checklist.isEmpty {
            blank()
            lines.append(stepIndent + strings.checklist + ":")
            for item in step.checklist {
                paragraph(item.value, firstIndent: stepIndent + "[ ] ", indent: stepIndent + "    ")
            }
        }
        if let commands = step.commands {
            blank()
            paragraph("\(strings.commands) (\(strings.commandsNote)):", indent: stepIndent)
            verbatim(commands.value, indent: stepIndent + "    ")
        }
        if let record = step.record {
            blank()
            paragraph(record.value, firstIndent: stepIndent + strings.record + ": ", indent: stepIndent + "  ")
        }
        if let decision = step.decision {
            blank()
            paragraph(decision.question.value, firstIndent: stepIndent + strings.decision + ": ", indent: stepIndent + "  ")
            renderOptions(decision.options, ofStepAt: index)
        }
        if !step.notify.isEmpty {
            blank()
            lines.append(stepIndent + strings.notify + ":")
            for id in step.notify { renderNotify(id.value) }
        }
        let starting = context.deadlinesStarting(atStep: step.id.value)
        let met = context.deadlinesMet(atStep: step.id.value)
        var trailing: [(String, String)] = []
        for deadline in starting {
            trailing.append((strings.startsDeadline, "\(deadline.title.value) (\(strings.within.lowercased()) \(strings.words(deadline.within.value)))"))
        }
        for deadline in met { trailing.append((strings.meetsDeadline, deadline.title.value)) }
        if let ref = step.ref { trailing.append((strings.ref, ref.value)) }
        if !step.tags.isEmpty { trailing.append((strings.tags, step.tags.map(\.value).joined(separator: ", "))) }
        if !trailing.isEmpty {
            blank()
            fieldList(trailing, indent: stepIndent)
        }
    }

    private mutating func renderOptions(_ options: [DecisionOption], ofStepAt index: Int) {
        let labels = options.map { clean($0.label.value, oneLine: true) }
        let labelColumn = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let box = stepIndent + "( ) "
        let hanging = String(repeating: " ", count: DisplayWidth.of(box))
        for (option, label) in zip(options, labels) {
            let target = context.describe(context.target(option.target.value, fromStepAt: index))
            if labelColumn <= Self.maximumLabelColumn {
                let padding = String(repeating: " ", count: labelColumn - DisplayWidth.of(label) + 2)
                let first = box + label + padding
                paragraph(target, firstIndent: first, indent: String(repeating: " ", count: DisplayWidth.of(first)))
            } else {
                paragraph("\(option.label.value) \(target)", firstIndent: box, indent: hanging)
            }
        }
    }

    private mutating func renderNotify(_ id: String) {
        let bullet = stepIndent + "- "
        let inner = stepIndent + "  "
        switch context.contact(id) {
        case .found(let contact):
            paragraph(contact.name.value, firstIndent: bullet, indent: inner)
            fieldList(context.details(of: contact), indent: inner + "  ")
        case .missing(let id):
            paragraph("\(id) (\(strings.notInContactList))", firstIndent: bullet, indent: inner)
        case .unchecked(let id):
            paragraph("\(id) (\(strings.noContactList))", firstIndent: bullet, indent: inner)
        }
    }

    private mutating func renderContacts() {
        let lists = context.referencedLists
        let missing = context.missingContactIDs
        let unchecked = context.contactLists.isEmpty && !context.notifiedIDs.isEmpty
        guard !lists.isEmpty || !missing.isEmpty || unchecked else { return }
        let rule = String(repeating: "=", count: wrapper.width)
        blank()
        blank()
        lines.append(rule)
        paragraph(strings.contacts, indent: "")
        lines.append(rule)
        if unchecked {
            blank()
            paragraph("(\(strings.noContactList))", indent: "")
        }
        for list in lists {
            blank()
            underlined(context.heading(of: list), with: "-")
            for (index, contact) in list.contacts.enumerated() {
                if index > 0 { blank() }
                paragraph("\(contact.name.value) (\(contact.id.value))", indent: "  ")
                fieldList(context.details(of: contact), indent: "    ")
            }
        }
        if !missing.isEmpty {
            blank()
            paragraph(missing.joined(separator: ", "), firstIndent: strings.missingContacts + ": ", indent: "  ")
        }
    }

    // MARK: Building blocks

    private mutating func blank() {
        if lines.last != "" { lines.append("") }
    }

    /// A heading underlined to its width (wrapped headings are underlined to the widest line).
    private mutating func underlined(_ text: String, with mark: Character) {
        let wrapped = wrapper.wrap(clean(text, oneLine: true), firstIndent: "", indent: "")
        lines.append(contentsOf: wrapped)
        let width = min(wrapped.map { DisplayWidth.of($0) }.max() ?? 0, wrapper.width)
        lines.append(String(repeating: mark, count: max(width, 1)))
    }

    private mutating func paragraph(_ text: String, indent: String) {
        paragraph(text, firstIndent: indent, indent: indent)
    }

    private mutating func paragraph(_ text: String, firstIndent: String, indent: String) {
        lines.append(contentsOf: wrapper.wrap(clean(text, oneLine: false), firstIndent: firstIndent, indent: indent))
    }

    /// `Label:  value` lines with the values in one column, wrapped under it.
    private mutating func fieldList(_ fields: [(String, String)], indent: String) {
        let labelWidth = fields.map { DisplayWidth.of($0.0) + 1 }.max() ?? 0
        for (label, value) in fields {
            let name = label + ":"
            if labelWidth <= Self.maximumLabelColumn {
                let first = indent + name + String(repeating: " ", count: labelWidth - DisplayWidth.of(name) + 2)
                let hanging = String(repeating: " ", count: DisplayWidth.of(first))
                paragraph(value, firstIndent: first, indent: hanging)
            } else {
                paragraph(value, firstIndent: indent + name + " ", indent: indent + "  ")
            }
        }
    }

    /// Lines as written (sanitised), never wrapped: commands must copy as they are.
    private mutating func verbatim(_ text: String, indent: String) {
        let body = TextSanitizer.sanitize(text, keepLineBreaks: true, keepTabs: true)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.isEmpty ? "" : indent + line)
        }
        while lines.last == "" { lines.removeLast() }
    }

    private func clean(_ text: String, oneLine: Bool) -> String {
        TextSanitizer.sanitize(text, keepLineBreaks: !oneLine)
    }
}
