import TerminalCore

/// A dialog asking for a line of text: what it is for, the text being
/// typed (wrapped, with the terminal's cursor in it), and below it why
/// Enter was refused or that it is being saved.
enum TextDialogView {
    static func draw(_ app: RunnerApp, _ dialog: TextDialog, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let (title, prompt) = texts(app, dialog.purpose)
        let probe = DialogBox(contentHeight: 0, layout: layout)
        let width = probe.innerWidth
        let promptRows = prompt.flatMap { TerminalCore.DisplayWidth.wrap($0, to: width) }
        // The text field: "› " then the text, so it is found without underline.
        let fieldWidth = max(1, width - 2)
        let edited = dialog.editor.rows(width: fieldWidth)
        var message: (rows: [String], style: Style) = ([], .plain)
        if app.pending != nil {
            message = ([app.strings.saving], theme.info)
        } else if let error = dialog.error {
            message = (TerminalCore.DisplayWidth.wrap(error, to: width), theme.error)
        }

        // Rows: the text gets one, the message one, the prompt one; what is
        // left goes to the prompt, then the message, then the text.
        var room = DialogBox.maximumContentHeight(layout)
        var editorRows = 1
        var messageRows = 1
        var shownPrompt = min(promptRows.count, 1)
        room -= editorRows + messageRows + shownPrompt
        let extraPrompt = max(0, min(room, min(promptRows.count, 4) - shownPrompt))
        shownPrompt += extraPrompt
        room -= extraPrompt
        let extraMessage = max(0, min(room, min(message.rows.count, 3) - messageRows))
        messageRows += extraMessage
        room -= extraMessage
        editorRows += max(0, min(room, min(edited.rows.count, 4) - editorRows))

        let box = DialogBox(contentHeight: shownPrompt + editorRows + messageRows, layout: layout)
        box.draw(into: &grid, title: title, theme: theme)
        var y = box.innerTop
        for row in promptRows.prefix(shownPrompt) {
            grid.write(row, x: box.innerX, y: y, maxWidth: width)
            y += 1
        }
        let field = Style(underline: true)
        let fieldX = box.innerX + 2
        let first = max(0, edited.cursor.y - editorRows + 1)
        grid.write("›", x: box.innerX, y: y, style: theme.heading)
        grid.fill(x: fieldX, y: y, width: fieldWidth, height: editorRows, style: field)
        for line in 0..<editorRows where first + line < edited.rows.count {
            grid.write(edited.rows[first + line], x: fieldX, y: y + line, style: field, maxWidth: fieldWidth)
        }
        grid.cursor = Position(x: fieldX + edited.cursor.x, y: y + edited.cursor.y - first)
        y += editorRows
        for row in message.rows.prefix(messageRows) {
            grid.write(row, x: box.innerX, y: y, style: message.style, maxWidth: width)
            y += 1
        }
    }

    /// The dialog's title and what it asks.
    static func texts(_ app: RunnerApp, _ purpose: TextPurpose) -> (title: String, prompt: [String]) {
        let strings = app.strings
        func title(_ step: Int) -> String {
            app.playbook.steps.indices.contains(step) ? app.playbook.steps[step].title.value : ""
        }
        switch purpose {
        case .note(let step):
            return (strings.noteTitle, step.map { [strings.noteAbout(title($0))] } ?? [])
        case .backdatedTime:
            return (strings.backdatedTitle, [strings.askWhen])
        case .backdatedNote(let at):
            return (strings.backdatedTitle, [strings.happened(TimeText.dateTime(at))])
        case .skipReason(let step):
            return (strings.skipTitle, [strings.whySkip(title(step))])
        case .recordNote(let step, let option):
            var prompt = [title(step)]
            if let option, let label = app.playbook.steps[step].decision?.options[option - 1].label.value {
                prompt.append("\(strings.answer): \(option) \(label)")
            }
            if let record = app.playbook.steps[step].record?.value { prompt.append(strings.record(record)) }
            return (strings.completeTitle, prompt)
        case .closeNote:
            return (strings.closeTitle, [strings.closePrompt])
        case .postpone(let inject):
            let name = app.exercise.flatMap { $0.injects.indices.contains(inject) ? $0.injects[inject].plan.title : nil }
            return (strings.postponeTitle, [strings.postponePrompt(name ?? "")])
        case .observation(let step):
            // After the end, the observation is the hotwash's first impression.
            let about = step.map { [strings.noteAbout(title($0))] } ?? []
            if app.exercise?.isEnded == true {
                return (strings.firstImpressionTitle, [strings.firstImpressionPrompt])
            }
            return (strings.observationTitle, [strings.observationPrompt] + about)
        case .realIncident:
            return (strings.realIncidentTitle, [strings.realIncidentPrompt])
        }
    }
}
