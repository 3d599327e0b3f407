import IncidentEngine
import PlaybookFormat
import TerminalCore

/// The text of one step as the responder reads it, wrapped to a width:
/// who and how long, where it stands, what to do, the checklist, the
/// question, what to record, whom to call, the commands to copy.
struct StepDetail {
    let step: Step
    let stepState: StepState
    let state: RunState
    let contacts: [ContactList]
    let strings: UIStrings
    let theme: Theme
    /// The highlighted checklist item (0-based).
    let checklistCursor: Int

    func lines(width: Int) -> [DetailLine] {
        let width = max(1, width)
        var lines: [DetailLine] = []
        func wrap(_ text: String, style: Style = .plain, indent: Int = 0, item: Int? = nil) {
            for row in TerminalCore.DisplayWidth.wrap(text, to: max(1, width - indent)) {
                lines.append(DetailLine(text: row, style: style, indent: indent, checklistItem: item))
            }
        }
        func gap() {
            if let last = lines.last, !last.text.isEmpty { lines.append(.blank) }
        }

        var facts: [String] = []
        if let role = step.role {
            facts.append("\(strings.role): \(state.playbook.role(role.value)?.name.value ?? role.value)")
        }
        if let expect = step.expect { facts.append("\(strings.target): \(strings.words(seconds: expect.value.seconds))") }
        if !facts.isEmpty { wrap(facts.joined(separator: "   ")) }
        for line in statusLines() { wrap(line.text, style: line.style) }

        if let instructions = step.instructions?.value {
            gap()
            for paragraph in instructions.split(separator: "\n", omittingEmptySubsequences: false) {
                wrap(String(paragraph))
            }
            while lines.last?.text.isEmpty == true { lines.removeLast() }
        }

        if !step.checklist.isEmpty {
            gap()
            for (offset, item) in step.checklist.enumerated() {
                let ticked = offset < stepState.checklist.count && stepState.checklist[offset].isTicked
                let marker = offset == checklistCursor ? "›" : " "
                let prefix = "\(marker)[\(ticked ? "x" : " ")] \(offset + 1) "
                let prefixWidth = TerminalCore.DisplayWidth.of(prefix)
                let rows = TerminalCore.DisplayWidth.wrap(item.value, to: max(1, width - prefixWidth))
                for (number, row) in rows.enumerated() {
                    let text = (number == 0 ? prefix : String(repeating: " ", count: prefixWidth)) + row
                    lines.append(DetailLine(text: text, style: ticked ? theme.done : .plain, checklistItem: offset))
                }
            }
        }

        if let decision = step.decision {
            gap()
            wrap("? " + decision.question.value, style: theme.heading)
            for (offset, option) in decision.options.enumerated() {
                let chosen = stepState.answer?.option == offset + 1
                wrap("\(chosen ? "●" : " ") \(offset + 1) \(option.label.value)", style: chosen ? theme.current : .plain)
            }
            if let answer = stepState.answer {
                wrap("\(strings.answer): \(answer.option) \(answer.label) (\(answer.by) \(TimeText.clock(answer.at)))",
                     style: theme.faded)
            }
        }

        if let record = step.record?.value {
            gap()
            wrap("\(strings.recordWhenDone): \(record)", style: theme.faded)
        }

        for deadline in state.playbook.deadlines {
            if deadline.from?.value == step.id.value { wrap("\(strings.startsDeadline): \(deadline.title.value)") }
            if deadline.until?.value == step.id.value { wrap("\(strings.meetsDeadline): \(deadline.title.value)") }
        }

        if !step.notify.isEmpty {
            gap()
            wrap(strings.notify + ":", style: theme.heading)
            for id in step.notify {
                if let contact = contacts.lazy.compactMap({ $0.contact(id.value) }).first {
                    let phone = contact.phone.map { ": " + $0.value } ?? ""
                    wrap("- " + contact.name.value + phone, indent: 0)
                } else {
                    wrap("- \(id.value) (\(strings.notInContactList))", style: theme.faded)
                }
            }
        }

        if let commands = step.commands?.value {
            gap()
            wrap(strings.commands + ":", style: theme.heading)
            for line in commands.split(separator: "\n", omittingEmptySubsequences: false) {
                wrap(String(line), indent: 2)
            }
            while lines.last?.text.isEmpty == true { lines.removeLast() }
        }
        return lines
    }

    /// Where the step stands: done by whom and when, with the note; skipped
    /// and why; bypassed; the one the flow is at.
    private func statusLines() -> [DetailLine] {
        switch stepState.status {
        case .current:
            return [DetailLine(text: "▶ " + strings.current, style: theme.current)]
        case .pending:
            return [DetailLine(text: "· " + strings.pending, style: theme.faded)]
        case .bypassed:
            return [DetailLine(text: "– " + strings.bypassed, style: theme.faded)]
        case .done:
            var lines = [DetailLine(
                text: "✓ " + strings.done(stepState.completedAt.map(TimeText.clock) ?? "", stepState.completedBy ?? ""),
                style: theme.done)]
            if let note = stepState.note { lines.append(DetailLine(text: "\(strings.noteLabel): \(note)")) }
            return lines
        case .skipped:
            var lines = [DetailLine(
                text: "↷ " + strings.skipped(stepState.skippedAt.map(TimeText.clock) ?? "", stepState.skippedBy ?? ""),
                style: theme.faded)]
            if let reason = stepState.skipReason { lines.append(DetailLine(text: "\(strings.reasonLabel): \(reason)")) }
            return lines
        }
    }
}
