import IncidentEngine
import PlaybookFormat
import TerminalCore

/// The runner's keys: moving through steps and checklists, and every
/// action on the selected step. The table in `KeyTables.runner` decides
/// which key does what.
extension RunnerApp {
    mutating func handleRunner(_ key: Key) -> [UIEffect] {
        if exercise != nil, let binding = KeyTables.exercise.binding(for: key) {
            return handleExercise(binding.action)
        }
        guard let binding = KeyTables.runner.binding(for: key) else { return [] }
        switch binding.action {
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: detailOffset = max(0, detailOffset - page)
        case .pageDown: detailOffset += page
        case .home: move(to: 0)
        case .end: move(to: Int.max)
        case .switchFocus:
            if selectedStep?.checklist.isEmpty == false {
                focus = focus == .steps ? .checklist : .steps
            } else {
                message = .info(strings.noChecklist)
            }
        case .complete: return completeSelected()
        case .tick: return tickHighlighted()
        case .answer:
            guard let option = KeyBinding<RunnerAction>.digit(of: key) else { return [] }
            return answer(option: option, step: selected)
        case .skip: openText(.skipReason(step: selected), check: stepID.map { .skip(step: $0, reason: "-") })
        case .note: openText(.note(step: selectedStep == nil ? nil : selected),
                             check: .note(text: "-", step: stepID, lesson: false))
        case .backdatedNote: openText(.backdatedTime, check: .note(text: "-", step: nil, lesson: false))
        case .closeIncident: openText(.closeNote, check: .close(note: nil))
        case .timeline:
            screen = .timeline
            timelineOffset = nil
        case .deadlines:
            screen = .deadlines
            deadlinesOffset = 0
        case .search:
            dialog = .search(SearchDialog())
        case .export:
            if exportFormats.isEmpty {
                message = .info(strings.noExportFormats)
            } else {
                dialog = .choice(ChoiceDialog(.export))
            }
        case .help:
            helpReturn = .runner
            screen = .help
            helpOffset = 0
        case .quit:
            return [.quit]
        }
        return []
    }

    var stepID: String? { selectedStep?.id.value }

    /// ↑ ↓ and friends: through the steps, or through the checklist.
    private mutating func move(by delta: Int) {
        if focus == .checklist, let step = selectedStep, !step.checklist.isEmpty {
            checklistCursor = min(max(0, checklistCursor + delta), step.checklist.count - 1)
        } else {
            select(selected + delta)
        }
    }

    private mutating func move(to target: Int) {
        if focus == .checklist, let step = selectedStep, !step.checklist.isEmpty {
            checklistCursor = min(max(0, target), step.checklist.count - 1)
        } else {
            select(min(target, playbook.steps.count - 1))
        }
    }

    /// Opens a text dialog unless the command it leads to would be refused
    /// anyway (a closed incident, a step already done): better said now
    /// than after the responder has typed the reason.
    private mutating func openText(_ purpose: TextPurpose, check: IncidentCommand?) {
        guard let check else { return }
        if let refusal = refusal(check) {
            message = .error(refusal)
            return
        }
        dialog = .text(TextDialog(purpose))
    }

    /// Enter: asks for the answer to the step's question, then for its
    /// `record:` note, then completes it; a plain step is completed at once.
    private mutating func completeSelected() -> [UIEffect] {
        guard let step = selectedStep else { return [] }
        let id = step.id.value
        if step.decision != nil {
            let trial = IncidentCommand.decide(step: id, option: "1", note: step.record == nil ? nil : "-")
            if let refusal = refusal(trial) {
                message = .error(refusal)
                return []
            }
            dialog = .choice(ChoiceDialog(.decision(step: selected)))
            return []
        }
        if step.record != nil {
            openText(.recordNote(step: selected, option: nil), check: .complete(step: id, note: "-"))
            return []
        }
        return perform(.complete(step: id, note: nil))
    }

    /// Space or x: ticks or unticks the highlighted item; after a tick the
    /// highlight moves to the next item, ready for the next one.
    private mutating func tickHighlighted() -> [UIEffect] {
        guard let step = selectedStep, !step.checklist.isEmpty else {
            message = .info(strings.noChecklist)
            return []
        }
        let item = min(checklistCursor, step.checklist.count - 1)
        let ticked = state.steps[selected].checklist[item].isTicked
        let command: IncidentCommand = ticked
            ? .untick(step: step.id.value, item: item + 1) : .tick(step: step.id.value, item: item + 1)
        let effects = perform(command)
        if !ticked, !effects.isEmpty, item + 1 < step.checklist.count { checklistCursor = item + 1 }
        return effects
    }

    /// Answers the question of step `index` with `option` (1-based): asks
    /// for the `record:` note first if the step has one, else completes it.
    mutating func answer(option: Int, step index: Int) -> [UIEffect] {
        guard playbook.steps.indices.contains(index), let decision = playbook.steps[index].decision else {
            message = .info(strings.noQuestion)
            return []
        }
        guard option >= 1, option <= decision.options.count else {
            showError(strings.optionRange(decision.options.count))
            return [.bell]
        }
        let step = playbook.steps[index]
        if step.record != nil {
            let trial = IncidentCommand.decide(step: step.id.value, option: String(option), note: "-")
            if let refusal = refusal(trial) {
                showError(refusal)
                return []
            }
            dialog = .text(TextDialog(.recordNote(step: index, option: option)))
            return []
        }
        return perform(.decide(step: step.id.value, option: String(option), note: nil))
    }
}
