import TerminalCore

/// The body of the timeline, the deadlines, help and an inject shown to
/// the room: lines scrolled to
/// the view's offset, the view's name on the divider, a "more" mark below.
enum ScrolledView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let lines = app.viewLines(width: layout.innerWidth)
        let visible = layout.viewBodyHeight
        let maximum = max(0, lines.count - visible)
        let title: String
        let offset: Int
        switch app.screen {
        case .timeline:
            title = app.strings.timelineTitle
            offset = min(app.timelineOffset ?? maximum, maximum)
        case .deadlines:
            title = app.strings.deadlinesTitle
            offset = min(app.deadlinesOffset, maximum)
        case .inject:
            title = app.strings.injectShown
            offset = min(app.injectOffset, maximum)
        case .help, .runner, .injects:
            title = app.strings.helpTitle
            offset = min(app.helpOffset, maximum)
        }
        grid.write(" " + title + " ", x: 1, y: 2, style: theme.title, maxWidth: layout.width - 2)
        // An inject for the room sits a third of the way down when it fits.
        var top = layout.bodyTop
        if case .inject = app.screen, lines.count < visible { top += (visible - lines.count) / 3 }
        for line in 0..<visible {
            let index = offset + line
            guard index < lines.count, top + line < layout.viewBodyEnd else { break }
            let detail = lines[index]
            grid.write(detail.text, x: 2 + detail.indent, y: top + line, style: detail.style,
                       maxWidth: layout.innerWidth - detail.indent)
        }
        if lines.count > visible {
            let position = " \(offset + 1)–\(min(lines.count, offset + visible))/\(lines.count) "
            let x = layout.width - 2 - TerminalCore.DisplayWidth.of(position)
            if x > 1 { grid.write(position, x: x, y: layout.viewBodyEnd, style: theme.heading) }
        }
    }
}
