import TerminalCore

/// The start screen drawn: the filter on top, then the open incidents and
/// the playbooks under their headings, the selection marked with › and
/// reverse video, the key hints at the bottom.
enum StartScreenView {
    /// One row of the list: a heading, a gap, or an entry.
    private enum Row {
        case heading(String)
        case note(String)
        case gap
        case entry(StartScreen.Entry, position: Int)
    }

    static func draw(_ screen: StartScreen, into grid: inout Grid, layout: RunnerLayout) {
        let theme = screen.theme
        let strings = screen.strings
        let width = layout.width
        grid.box(x: 0, y: 0, width: width, height: layout.height, style: theme.border)
        grid.horizontalLine(x: 0, y: 2, length: width, style: theme.border)
        grid.horizontalLine(x: 0, y: layout.viewBodyEnd, length: width, style: theme.border)
        grid.write(" vakt ", x: 1, y: 0, style: theme.title)
        let clock = " " + TimeText.clock(screen.now) + " "
        grid.write(clock, x: width - 1 - TerminalCore.DisplayWidth.of(clock), y: 0, style: theme.title)

        // Row 1: the filter, with the terminal's cursor at its end.
        let label = strings.filter + ": "
        let labelWidth = TerminalCore.DisplayWidth.of(label)
        grid.write(label, x: 2, y: 1, style: theme.heading)
        let fieldWidth = max(1, width - 4 - labelWidth)
        let edited = screen.filter.rows(width: fieldWidth)
        let row = edited.rows[min(edited.cursor.y, edited.rows.count - 1)]
        grid.fill(x: 2 + labelWidth, y: 1, width: fieldWidth, height: 1, style: Style(underline: true))
        grid.write(row, x: 2 + labelWidth, y: 1, style: Style(underline: true), maxWidth: fieldWidth)
        grid.cursor = Position(x: 2 + labelWidth + edited.cursor.x, y: 1)

        let entries = screen.entries()
        var rows: [Row] = []
        let incidents = entries.enumerated().filter { if case .incident = $0.element { true } else { false } }
        let playbooks = entries.enumerated().filter { if case .playbook = $0.element { true } else { false } }
        rows.append(.heading(strings.openIncidents))
        if incidents.isEmpty { rows.append(.note(screen.incidents.isEmpty ? strings.noOpenIncidents : strings.noMatches)) }
        rows += incidents.map { .entry($0.element, position: $0.offset) }
        rows.append(.gap)
        rows.append(.heading(strings.playbooks))
        if playbooks.isEmpty { rows.append(.note(screen.playbooks.isEmpty ? strings.noPlaybooks : strings.noMatches)) }
        rows += playbooks.map { .entry($0.element, position: $0.offset) }

        let visible = layout.viewBodyHeight
        let selectedRow = rows.firstIndex {
            if case .entry(_, let position) = $0 { position == screen.cursor } else { false }
        } ?? 0
        let first = ScrollWindow.offset(keeping: selectedRow, visible: visible, total: rows.count, from: 0)
        let inner = layout.innerWidth
        for line in 0..<visible where first + line < rows.count {
            let y = layout.bodyTop + line
            switch rows[first + line] {
            case .heading(let text):
                grid.write(text, x: 2, y: y, style: theme.heading, maxWidth: inner, truncate: true)
            case .note(let text):
                grid.write("  " + text, x: 2, y: y, style: theme.faded, maxWidth: inner, truncate: true)
            case .gap:
                break
            case .entry(let entry, let position):
                let chosen = position == screen.cursor
                let style = chosen ? theme.selected : theme.plain
                if chosen { grid.fill(x: 2, y: y, width: inner, height: 1, style: style) }
                grid.write((chosen ? "› " : "  ") + text(entry, screen), x: 2, y: y, style: style, maxWidth: inner,
                           truncate: true)
            }
        }
        if let message = screen.message {
            grid.write(message.text, x: 2, y: layout.viewBodyEnd - 1, style: theme.error, maxWidth: inner,
                       truncate: true)
        }
        HintsView.draw(KeyTables.start, language: screen.language, theme: theme, into: &grid, y: layout.hintsRow,
                       width: width)
    }

    private static func text(_ entry: StartScreen.Entry, _ screen: StartScreen) -> String {
        switch entry {
        case .incident(let index):
            let incident = screen.incidents[index]
            var text = incident.id + "  "
            if incident.isExercise { text += screen.strings.exercise + ": " }
            text += incident.title
            if let step = incident.currentStep { text += " · ▶ " + step }
            return text + " · " + screen.strings.opened(TimeText.dateTime(incident.openedAt))
        case .playbook(let index):
            let playbook = screen.playbooks[index]
            return "\(playbook.id)  \(playbook.title)"
        }
    }
}
