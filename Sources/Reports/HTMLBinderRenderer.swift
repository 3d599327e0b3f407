import PlaybookFormat

/// The binder as one self-contained HTML5 file: inline CSS, no scripts, no
/// external references, a table of contents and a print style sheet. Every
/// piece of playbook text is sanitised and HTML-escaped; the only attribute
/// values are ones this renderer makes (anchors are numbered, not taken from ids).
struct HTMLBinderRenderer {
    let context: BinderContext
    private var lines: [String] = []

    init(context: BinderContext) {
        self.context = context
    }

    private var strings: ReportStrings { context.strings }
    private var playbook: Playbook { context.playbook }
    private var hasContactsSection: Bool {
        !context.referencedLists.isEmpty || !context.missingContactIDs.isEmpty
            || (context.contactLists.isEmpty && !context.notifiedIDs.isEmpty)
    }

    mutating func render() -> String {
        lines = []
        lines.append("<!DOCTYPE html>")
        lines.append("<html lang=\"\(HTMLEscaper.escape(strings.language.htmlLang))\">")
        lines.append("<head>")
        lines.append("<meta charset=\"utf-8\">")
        lines.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        lines.append("<meta name=\"generator\" content=\"vakt\">")
        lines.append("<title>\(h(playbook.title.value))</title>")
        lines.append("<style>")
        lines.append(BinderStyleSheet.css)
        lines.append("</style>")
        lines.append("</head>")
        lines.append("<body>")
        renderHeader()
        renderContents()
        renderRoles()
        renderDeadlines()
        if playbook.steps.isEmpty { lines.append("<p>\(h(strings.noSteps))</p>") }
        for (index, phase) in playbook.phases.enumerated() {
            renderPhase(phase, number: index + 1)
        }
        renderContacts()
        lines.append("</body>")
        lines.append("</html>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private mutating func renderHeader() {
        lines.append("<header>")
        lines.append("<h1>\(h(playbook.title.value))</h1>")
        var fields: [(String, String)] = [(strings.playbookID, "<code>\(h(playbook.id.value))</code>")]
        if let version = playbook.version { fields.append((strings.version, h(version.value))) }
        if let owner = playbook.owner { fields.append((strings.owner, h(owner.value))) }
        if !playbook.tags.isEmpty { fields.append((strings.tags, h(playbook.tags.map(\.value).joined(separator: ", ")))) }
        if let ref = playbook.ref { fields.append((strings.ref, h(ref.value))) }
        fieldList(fields)
        if let summary = playbook.summary { textBlock(summary.value) }
        lines.append("</header>")
    }

    private mutating func renderContents() {
        lines.append("<nav class=\"toc\" aria-labelledby=\"toc\">")
        lines.append("<h2 id=\"toc\">\(h(strings.contents))</h2>")
        lines.append("<ol>")
        if !playbook.roles.isEmpty { lines.append("<li><a href=\"#roles\">\(h(strings.roles))</a></li>") }
        if !playbook.deadlines.isEmpty { lines.append("<li><a href=\"#deadlines\">\(h(strings.deadlines))</a></li>") }
        for (index, phase) in playbook.phases.enumerated() {
            let number = index + 1
            let title = strings.phaseNumber(number, of: playbook.phases.count) + ": " + phase.title.value
            lines.append("<li><a href=\"#phase-\(number)\">\(h(title))</a>")
            let steps = context.stepIndices(of: phase)
            if !steps.isEmpty {
                lines.append("<ol class=\"steps\">")
                for step in steps {
                    lines.append("<li>\(stepLink(step))</li>")
                }
                lines.append("</ol>")
            }
            lines.append("</li>")
        }
        if hasContactsSection { lines.append("<li><a href=\"#contacts\">\(h(strings.contacts))</a></li>") }
        lines.append("</ol>")
        lines.append("</nav>")
    }

    private mutating func renderRoles() {
        guard !playbook.roles.isEmpty else { return }
        lines.append("<section class=\"roles\" id=\"roles\">")
        lines.append("<h2>\(h(strings.roles))</h2>")
        lines.append("<table>")
        lines.append("<thead><tr><th>\(h(strings.role))</th><th>\(h(strings.playbookID))</th><th>\(h(strings.assignedTo))</th></tr></thead>")
        lines.append("<tbody>")
        for role in playbook.roles {
            lines.append("<tr><td>\(h(role.name.value))</td><td><code>\(h(role.id.value))</code></td><td class=\"blank\"></td></tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        lines.append("</section>")
    }

    private mutating func renderDeadlines() {
        guard !playbook.deadlines.isEmpty else { return }
        lines.append("<section class=\"deadlines\" id=\"deadlines\">")
        lines.append("<h2>\(h(strings.deadlines))</h2>")
        for deadline in playbook.deadlines {
            lines.append("<div class=\"deadline\">")
            lines.append("<h3>\(h(deadline.title.value))</h3>")
            var fields: [(String, String)] = [
                (strings.within, h(strings.words(deadline.within.value))),
                (strings.starts, deadline.from.map { stepPhrase(strings.startsWhenReached, $0.value) } ?? h(strings.startsWhenOpened)),
                (strings.met, deadline.until.map { stepPhrase(strings.metWhenCompleted, $0.value) } ?? h(strings.notSet)),
            ]
            if let warn = deadline.warn { fields.append((strings.warn, h(strings.warnBefore(warn.value)))) }
            if let ref = deadline.ref { fields.append((strings.ref, h(ref.value))) }
            fieldList(fields)
            lines.append("</div>")
        }
        lines.append("</section>")
    }

    private mutating func renderPhase(_ phase: Phase, number: Int) {
        lines.append("<section class=\"phase\" id=\"phase-\(number)\">")
        let kicker = strings.phaseNumber(number, of: playbook.phases.count) + " · " + strings.stage(phase.stage.value)
        lines.append("<h2><span class=\"phase-number\">\(h(kicker))</span> \(h(phase.title.value))</h2>")
        for index in context.stepIndices(of: phase) {
            renderStep(at: index)
        }
        lines.append("</section>")
    }

    private mutating func renderStep(at index: Int) {
        let step = playbook.steps[index]
        lines.append("<article class=\"step\" id=\"step-\(context.number(ofStepAt: index))\">")
        lines.append("<h3>\(h(context.label(ofStepAt: index))) <span class=\"step-id\">\(h(step.id.value))</span></h3>")

        var fields: [(String, String)] = []
        if let role = step.role { fields.append((strings.role, h(context.roleName(role.value)))) }
        if let expect = step.expect { fields.append((strings.target, h(strings.words(expect.value)))) }
        if !fields.isEmpty { fieldList(fields) }

        if let instructions = step.instructions { textBlock(instructions.value) }
        if !step.checklist.isEmpty {
            lines.append("<h4>\(h(strings.checklist))</h4>")
            lines.append("<ul class=\"checklist\">")
            for item in step.checklist {
                lines.append("<li><span class=\"box\" aria-hidden=\"true\">☐</span>\(h(item.value))</li>")
            }
            lines.append("</ul>")
        }
        if let commands = step.commands {
            lines.append("<h4>\(h(strings.commands)) <span class=\"hint\">(\(h(strings.commandsNote)))</span></h4>")
            let body = TextSanitizer.sanitize(commands.value, keepLineBreaks: true, keepTabs: true)
            lines.append("<pre><code>\(HTMLEscaper.escape(body))</code></pre>")
        }
        if let record = step.record {
            lines.append("<h4>\(h(strings.record))</h4>")
            textBlock(record.value)
            lines.append("<div class=\"ruled\" aria-hidden=\"true\"><div></div><div></div><div></div><div></div></div>")
        }
        if let decision = step.decision {
            lines.append("<h4>\(h(strings.decision))</h4>")
            lines.append("<p class=\"question\">\(h(decision.question.value))</p>")
            lines.append("<ul class=\"options\">")
            for option in decision.options {
                let target = targetHTML(context.target(option.target.value, fromStepAt: index))
                lines.append("<li><span class=\"box\" aria-hidden=\"true\">☐</span><strong>\(h(option.label.value))</strong> \(target)</li>")
            }
            lines.append("</ul>")
        }
        if !step.notify.isEmpty {
            lines.append("<h4>\(h(strings.notify))</h4>")
            lines.append("<ul class=\"notify\">")
            for id in step.notify { lines.append(notifyItem(id.value)) }
            lines.append("</ul>")
        }
        var trailing: [(String, String)] = []
        for deadline in context.deadlinesStarting(atStep: step.id.value) {
            let within = "\(strings.within.lowercased()) \(strings.words(deadline.within.value))"
            trailing.append((strings.startsDeadline, h("\(deadline.title.value) (\(within))")))
        }
        for deadline in context.deadlinesMet(atStep: step.id.value) {
            trailing.append((strings.meetsDeadline, h(deadline.title.value)))
        }
        if let ref = step.ref { trailing.append((strings.ref, h(ref.value))) }
        if !step.tags.isEmpty { trailing.append((strings.tags, h(step.tags.map(\.value).joined(separator: ", ")))) }
        if !trailing.isEmpty { fieldList(trailing) }
        lines.append("</article>")
    }

    private func notifyItem(_ id: String) -> String {
        switch context.contact(id) {
        case .found(let contact):
            let details = context.details(of: contact).map { "\(h($0.label)): \(h($0.value))" }
            let rest = details.isEmpty ? "" : " — " + details.joined(separator: "; ")
            return "<li><strong>\(h(contact.name.value))</strong>\(rest)</li>"
        case .missing(let id):
            return "<li class=\"missing\">\(h(id)) (\(h(strings.notInContactList)))</li>"
        case .unchecked(let id):
            return "<li class=\"missing\">\(h(id)) (\(h(strings.noContactList)))</li>"
        }
    }

    private mutating func renderContacts() {
        guard hasContactsSection else { return }
        lines.append("<section class=\"contacts\" id=\"contacts\">")
        lines.append("<h2>\(h(strings.contacts))</h2>")
        if context.contactLists.isEmpty { lines.append("<p class=\"missing\">(\(h(strings.noContactList)))</p>") }
        for list in context.referencedLists {
            lines.append("<h3>\(h(context.heading(of: list)))</h3>")
            contactTable(list.contacts)
        }
        let missing = context.missingContactIDs
        if !missing.isEmpty {
            lines.append("<p class=\"missing\"><strong>\(h(strings.missingContacts)):</strong> \(h(missing.joined(separator: ", ")))</p>")
        }
        lines.append("</section>")
    }

    /// A table with a column for each contact field that some contact has.
    private mutating func contactTable(_ contacts: [Contact]) {
        let columns: [(label: String, value: (Contact) -> String?)] = [
            (strings.phone, { $0.phone?.value }),
            (strings.email, { $0.email?.value }),
            (strings.when, { $0.when?.value }),
            (strings.note, { $0.note?.value }),
            (strings.ref, { $0.ref?.value }),
        ].filter { column in contacts.contains { column.value($0) != nil } }
        lines.append("<table>")
        let headings = ([strings.name] + columns.map(\.label)).map { "<th>\(h($0))</th>" }.joined()
        lines.append("<thead><tr>\(headings)</tr></thead>")
        lines.append("<tbody>")
        for contact in contacts {
            let name = "<td><strong>\(h(contact.name.value))</strong> <code>\(h(contact.id.value))</code></td>"
            let cells = columns.map { "<td>\(h($0.value(contact) ?? ""))</td>" }.joined()
            lines.append("<tr>\(name)\(cells)</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
    }

    // MARK: Building blocks

    /// `<dl>` of label and value pairs; values are HTML already.
    private mutating func fieldList(_ fields: [(String, String)]) {
        lines.append("<dl class=\"fields\">")
        for (label, value) in fields {
            lines.append("<dt>\(h(label))</dt><dd>\(value)</dd>")
        }
        lines.append("</dl>")
    }

    /// Text whose line breaks and indentation matter (kept by `white-space: pre-wrap`).
    private mutating func textBlock(_ text: String) {
        lines.append("<div class=\"text\">\(h(text))</div>")
    }

    /// A link to a step by its number and title.
    private func stepLink(_ index: Int) -> String {
        "<a href=\"#step-\(context.number(ofStepAt: index))\">\(h(context.label(ofStepAt: index)))</a>"
    }

    /// A phrase such as "når steg 4. Start … nås" with the step as a link.
    private func stepPhrase(_ phrase: (String) -> String, _ id: String) -> String {
        guard let index = context.stepIndex(of: id) else { return h(phrase(context.label(ofStep: id))) }
        // Escape the phrase around a placeholder, then put the link in its place.
        let placeholder = "\u{E000}"
        var result = h(phrase(placeholder))
        if let range = result.firstRange(of: placeholder) { result.replaceSubrange(range, with: stepLink(index)) }
        return result
    }

    private func targetHTML(_ target: BinderContext.Target) -> String {
        switch target {
        case .step(let index): "→ \(stepLink(index))"
        case .next(let index?): "→ \(h(strings.nextStep)) (\(stepLink(index)))"
        case .next(nil): "→ \(h(strings.nextStep)) (\(h(strings.end)))"
        case .end: "→ \(h(strings.end))"
        case .unknown(let id): "→ \(h(id)) (\(h(strings.unknownStep)))"
        }
    }

    /// Playbook text made safe for HTML content: sanitised, then escaped.
    private func h(_ text: String) -> String {
        HTMLEscaper.escape(TextSanitizer.sanitize(text))
    }
}
