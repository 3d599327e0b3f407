import TerminalCore

/// The step search: the query (with the terminal's cursor) and the steps
/// whose title or id holds it, with their state marks; Enter goes to the
/// highlighted one.
enum SearchView {
    static func draw(_ app: RunnerApp, _ dialog: SearchDialog, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let hits = app.searchHits(dialog.editor.text)
        let box = DialogBox(contentHeight: DialogBox.maximumContentHeight(layout), layout: layout)
        box.draw(into: &grid, title: app.strings.searchTitle, theme: theme)
        let width = box.innerWidth
        let prefix = "/ "
        let edited = dialog.editor.rows(width: max(1, width - prefix.count))
        let row = edited.rows[min(edited.cursor.y, edited.rows.count - 1)]
        grid.fill(x: box.innerX, y: box.innerTop, width: width, height: 1, style: Style(underline: true))
        grid.write(prefix + row, x: box.innerX, y: box.innerTop, style: Style(underline: true), maxWidth: width)
        grid.cursor = Position(x: box.innerX + prefix.count + edited.cursor.x, y: box.innerTop)

        let visible = box.height - 3
        guard !hits.isEmpty else {
            grid.write(app.strings.noMatches, x: box.innerX, y: box.innerTop + 1, style: theme.faded, maxWidth: width)
            return
        }
        let cursor = min(dialog.cursor, hits.count - 1)
        let first = ScrollWindow.offset(keeping: cursor, visible: visible, total: hits.count, from: 0)
        for line in 0..<max(0, visible) where first + line < hits.count {
            let index = hits[first + line]
            let y = box.innerTop + 1 + line
            let chosen = first + line == cursor
            let style = chosen ? theme.selected : theme.plain
            if chosen { grid.fill(x: box.innerX, y: y, width: width, height: 1, style: style) }
            let text = "\(StepSymbol.of(app.state.steps[index].status)) \(app.playbook.steps[index].title.value)"
            grid.write(text, x: box.innerX, y: y, style: style, maxWidth: width, truncate: true)
        }
    }
}
