import IncidentEngine
import PlaybookFormat
import TerminalCore

/// The dialogs' keys: typing a line, choosing an option, searching steps.
extension RunnerApp {
    mutating func handleText(_ current: TextDialog, _ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.editor.binding(for: key) else { return [] }
        var text = current
        switch binding.action {
        case .left: text.editor.moveLeft()
        case .right: text.editor.moveRight()
        case .home: text.editor.moveHome()
        case .end: text.editor.moveEnd()
        case .backspace:
            text.editor.backspace()
            text.error = nil
        case .delete:
            text.editor.delete()
            text.error = nil
        case .insert:
            guard case .character(let character) = key else { return [] }
            text.editor.insert(String(character))
            text.error = nil
        case .cancel:
            dialog = nil
            return []
        case .quit:
            return [.quit]
        case .save:
            dialog = .text(text)
            return submit(text)
        }
        dialog = .text(text)
        return []
    }

    /// Enter in a text dialog: the command its purpose asks for.
    private mutating func submit(_ text: TextDialog) -> [UIEffect] {
        let typed = text.editor.text
        func id(_ index: Int) -> String { playbook.steps[index].id.value }
        switch text.purpose {
        case .note(let step):
            return perform(.note(text: typed, step: step.map(id), lesson: false))
        case .backdatedTime:
            guard let at = TimeEntry.parse(typed, now: now) else {
                showError(strings.badTime)
                return []
            }
            if let refusal = refusalOfTime(at) {
                showError(refusal)
                return []
            }
            dialog = .text(TextDialog(.backdatedNote(at: at)))
            return []
        case .backdatedNote(let at):
            return perform(.note(text: typed, step: nil, lesson: false), at: at)
        case .skipReason(let step):
            return perform(.skip(step: id(step), reason: typed))
        case .recordNote(let step, let option):
            if let option {
                return perform(.decide(step: id(step), option: String(option), note: typed))
            }
            return perform(.complete(step: id(step), note: typed))
        case .closeNote:
            return perform(.close(note: typed.trimmingSpaces.isEmpty ? nil : typed))
        case .postpone(let inject):
            guard let id = exercise?.injects[inject].id else { return [] }
            let wanted = typed.trimmingSpaces
            guard let seconds = wanted.isEmpty
                ? Self.defaultPostponementSeconds : PlaybookDuration(parsing: wanted)?.seconds
            else {
                showError(strings.badDuration)
                return []
            }
            return performExercise(.postpone(inject: id, seconds: seconds))
        case .observation(let step):
            return performExercise(.observe(text: typed, step: step.map(id)))
        case .realIncident:
            guard !typed.trimmingSpaces.isEmpty else {
                showError(strings.realIncidentReasonRequired)
                return []
            }
            return performExercise(.end(reason: .realIncident, note: typed),
                                   then: .closeForRealIncident(reason: typed))
        }
    }

    /// Why a back-dated time would be refused (in the future), before the note is typed.
    private func refusalOfTime(_ at: Timestamp) -> String? {
        do {
            _ = try IncidentCommand.note(text: "-", step: nil, lesson: false).plan(against: state, now: now, at: at)
            return nil
        } catch {
            return CommandErrorText(playbook: playbook, language: language).text(error)
        }
    }

    /// How many options a choice offers.
    func optionCount(_ purpose: ChoicePurpose) -> Int {
        switch purpose {
        case .decision(let step): playbook.steps.indices.contains(step) ? playbook.steps[step].decision?.options.count ?? 0 : 0
        case .export: exportFormats.count
        case .confirm: 2
        }
    }

    /// The options' labels, numbered from 1 on screen.
    func optionLabels(_ purpose: ChoicePurpose) -> [String] {
        switch purpose {
        case .decision(let step):
            guard playbook.steps.indices.contains(step) else { return [] }
            return playbook.steps[step].decision?.options.map(\.label.value) ?? []
        case .export:
            return exportFormats.map { $0.label(language) }
        case .confirm(let confirmation):
            return [strings.yes(confirmation), strings.no(confirmation)]
        }
    }

    mutating func handleChoice(_ current: ChoiceDialog, _ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.choice.binding(for: key) else { return [] }
        var choice = current
        let count = optionCount(choice.purpose)
        switch binding.action {
        case .up: choice.cursor = max(0, choice.cursor - 1)
        case .down: choice.cursor = min(max(0, count - 1), choice.cursor + 1)
        case .number:
            guard let number = KeyBinding<ChoiceAction>.digit(of: key) else { return [] }
            guard number <= count else {
                choice.error = strings.optionRange(count)
                dialog = .choice(choice)
                return [.bell]
            }
            choice.cursor = number - 1
            dialog = .choice(choice)
            return choose(choice)
        case .choose:
            guard count > 0 else { return [] }
            return choose(choice)
        case .cancel:
            dialog = nil
            return []
        case .quit:
            return [.quit]
        }
        dialog = .choice(choice)
        return []
    }

    private mutating func choose(_ choice: ChoiceDialog) -> [UIEffect] {
        switch choice.purpose {
        case .decision(let step):
            var cleared = choice
            cleared.error = nil
            dialog = .choice(cleared)
            return answer(option: choice.cursor + 1, step: step)
        case .export:
            guard exportFormats.indices.contains(choice.cursor) else { return [] }
            let format = exportFormats[choice.cursor]
            dialog = nil
            message = .info(strings.exporting(format.label(language)))
            return [.export(format.id)]
        case .confirm(let confirmation):
            guard choice.cursor == 0 else {
                dialog = nil
                return []
            }
            var cleared = choice
            cleared.error = nil
            dialog = .choice(cleared)
            switch confirmation {
            case .deliverEarly(let inject):
                guard let id = exercise?.injects[inject].id else { return [] }
                return performExercise(.deliver(inject: id), then: .showInject(inject))
            case .endExercise:
                return performExercise(.end(reason: .completed, note: nil))
            }
        }
    }

    /// The steps whose title or id holds the query (any case), in playbook order.
    func searchHits(_ query: String) -> [Int] {
        let wanted = query.trimmingSpaces.lowercased()
        guard !wanted.isEmpty else { return Array(playbook.steps.indices) }
        return playbook.steps.indices.filter { index in
            let step = playbook.steps[index]
            return step.title.value.lowercased().contains(wanted) || step.id.value.lowercased().contains(wanted)
        }
    }

    mutating func handleSearch(_ current: SearchDialog, _ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.search.binding(for: key) else { return [] }
        var search = current
        switch binding.action {
        case .up: search.cursor = max(0, search.cursor - 1)
        case .down: search.cursor = min(max(0, searchHits(search.editor.text).count - 1), search.cursor + 1)
        case .left: search.editor.moveLeft()
        case .right: search.editor.moveRight()
        case .backspace:
            search.editor.backspace()
            search.cursor = 0
        case .delete:
            search.editor.delete()
            search.cursor = 0
        case .insert:
            guard case .character(let character) = key else { return [] }
            search.editor.insert(String(character))
            search.cursor = 0
        case .jump:
            let hits = searchHits(search.editor.text)
            guard hits.indices.contains(search.cursor) else { return [.bell] }
            dialog = nil
            focus = .steps
            select(hits[search.cursor])
            return []
        case .cancel:
            dialog = nil
            return []
        case .quit:
            return [.quit]
        }
        dialog = .search(search)
        return []
    }
}
