import TerminalCore

/// The right panel (the whole body when narrow): the selected step in
/// full, its number and title on the divider above, and a "more" mark on
/// the divider below when it does not fit.
enum StepDetailView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let left = layout.detailLeft
        let width = layout.detailWidth
        let visible = layout.bodyHeight
        let titleX = layout.twoPanels ? layout.splitColumn + 1 : 1
        if let step = app.selectedStep {
            var title = "\(app.selected + 1)/\(app.playbook.steps.count) \(step.title.value)"
            if !layout.twoPanels { title = StepSymbol.of(app.state.steps[app.selected].status) + " " + title }
            let room = layout.width - titleX - 4
            if room > 0 {
                grid.write(" " + TerminalCore.DisplayWidth.truncate(title, to: room) + " ", x: titleX, y: 2,
                           style: theme.title)
            }
        }
        let lines = app.detailLines(width: width)
        var offset = ScrollWindow.clamp(app.detailOffset, visible: visible, total: lines.count)
        if app.focus == .checklist, let rows = app.checklistRows(in: lines) {
            offset = ScrollWindow.offset(keeping: rows.upperBound, visible: visible, total: lines.count, from: offset)
            offset = min(offset, rows.lowerBound)
        }
        for line in 0..<visible {
            let index = offset + line
            guard index < lines.count else { break }
            let y = layout.bodyTop + line
            let detail = lines[index]
            var style = detail.style
            if app.focus == .checklist, let item = detail.checklistItem, item == app.checklistCursor {
                style = theme.selected
                grid.fill(x: left, y: y, width: width, height: 1, style: style)
            }
            grid.write(detail.text, x: left + detail.indent, y: y, style: style, maxWidth: width - detail.indent)
        }
        let above = offset > 0
        let below = offset + visible < lines.count
        if above || below {
            let keys = above && below ? "PgUp/PgDn" : above ? "PgUp" : "PgDn"
            let mark = " " + (above ? "↑" : "") + (below ? "↓" : "") + " " + app.strings.more + " (\(keys)) "
            let markX = layout.width - 2 - TerminalCore.DisplayWidth.of(mark)
            if markX > titleX { grid.write(mark, x: markX, y: layout.panelDivider ? layout.stepsEnd : layout.bodyEnd, style: theme.heading) }
        }
    }
}
