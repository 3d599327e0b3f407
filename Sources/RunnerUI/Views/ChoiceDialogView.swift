import TerminalCore

/// A numbered choice: the question, the options (the highlighted one
/// reversed and marked ›), and why a choice was refused or that it is saving.
enum ChoiceDialogView {
    static func draw(_ app: RunnerApp, _ dialog: ChoiceDialog, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let width = DialogBox(contentHeight: 0, layout: layout).innerWidth
        let title: String
        var prompt: [String] = []
        switch dialog.purpose {
        case .decision(let step):
            title = app.playbook.steps.indices.contains(step) ? app.playbook.steps[step].title.value : app.strings.questionTitle
            if let question = app.playbook.steps.indices.contains(step) ? app.playbook.steps[step].decision?.question.value : nil {
                prompt = TerminalCore.DisplayWidth.wrap(question, to: width)
            }
        case .export:
            title = app.strings.exportTitle
        case .confirm(let confirmation):
            let question = ConfirmationText.question(app, confirmation)
            title = question.title
            prompt = TerminalCore.DisplayWidth.wrap(question.prompt, to: width)
        }
        let labels = app.optionLabels(dialog.purpose)
        var message: (text: String, style: Style)?
        if app.pending != nil {
            message = (app.strings.saving, theme.info)
        } else if let error = dialog.error {
            message = (error, theme.error)
        }

        var room = DialogBox.maximumContentHeight(layout) - 1
        let optionRows = max(1, min(labels.count, room - min(prompt.count, 1)))
        room -= optionRows
        let promptRows = max(0, min(prompt.count, min(room, 3)))

        let box = DialogBox(contentHeight: promptRows + optionRows + 1, layout: layout)
        box.draw(into: &grid, title: title, theme: theme)
        var y = box.innerTop
        for row in prompt.prefix(promptRows) {
            grid.write(row, x: box.innerX, y: y, style: theme.heading, maxWidth: width)
            y += 1
        }
        let first = ScrollWindow.offset(keeping: dialog.cursor, visible: optionRows, total: labels.count, from: 0)
        for line in 0..<optionRows where first + line < labels.count {
            let index = first + line
            let chosen = index == dialog.cursor
            let style = chosen ? theme.selected : theme.plain
            if chosen { grid.fill(x: box.innerX, y: y + line, width: width, height: 1, style: style) }
            grid.write("\(chosen ? "›" : " ") \(index + 1) \(labels[index])", x: box.innerX, y: y + line, style: style,
                       maxWidth: width, truncate: true)
        }
        y += optionRows
        if let message {
            grid.write(message.text, x: box.innerX, y: y, style: message.style, maxWidth: width, truncate: true)
        }
    }
}
