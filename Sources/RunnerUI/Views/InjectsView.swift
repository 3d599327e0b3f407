import TerminalCore

/// Every inject of the exercise in script order: when it is due (T+,
/// postponements included), its title, who it goes to, whether it waits,
/// is due or was delivered, and its expectation. The highlighted one is
/// reversed and marked ›; Enter delivers it, u postpones it. Refusals and
/// "saving…" show on the last row.
enum InjectsView {
    /// The columns before an inject's second and third lines.
    static let indent = 4

    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        guard let words = InjectWords(app) else { return }
        let theme = app.theme
        let delivered = words.exercise.injects.filter(\.isDelivered).count
        let title = app.strings.injectsTitle + " · "
            + app.strings.deliveredCount(delivered, of: words.exercise.injects.count)
        grid.write(" " + title + " ", x: 1, y: 2, style: theme.title, maxWidth: layout.width - 2)

        let notice = EventsView.notice(app)
        let visible = max(0, layout.viewBodyHeight - (notice == nil ? 0 : 1))
        let rows = self.rows(words, width: layout.innerWidth)
        let offset = self.offset(rows, app: app, visible: visible)
        for line in 0..<visible {
            let index = offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            let y = layout.bodyTop + line
            var style = row.line.style
            if row.isTitle, row.inject == app.injectsCursor {
                style = theme.selected
                grid.fill(x: 2, y: y, width: layout.innerWidth, height: 1, style: style)
            } else if style == theme.due {
                grid.fill(x: 2, y: y, width: layout.innerWidth, height: 1, style: style)
            }
            grid.write(row.line.text, x: 2 + row.line.indent, y: y, style: style,
                       maxWidth: layout.innerWidth - row.line.indent, truncate: true)
        }
        if let notice {
            grid.write(notice.text, x: 2, y: layout.viewBodyEnd - 1,
                       style: notice.kind == .error ? theme.error : theme.info, maxWidth: layout.innerWidth,
                       truncate: true)
        }
        if rows.count > visible, visible > 0 {
            let position = " \(offset + 1)–\(min(rows.count, offset + visible))/\(rows.count) "
            let x = layout.width - 2 - TerminalCore.DisplayWidth.of(position)
            if x > 1 { grid.write(position, x: x, y: layout.viewBodyEnd, style: theme.heading) }
        }
        if words.exercise.injects.isEmpty {
            grid.write(app.strings.noInjects, x: 2, y: layout.bodyTop, style: theme.faded, maxWidth: layout.innerWidth)
        }
    }

    /// One row of the list: a line of an inject, and whether it is the
    /// inject's first (the one the highlight reverses).
    struct Row {
        var line: DetailLine
        var inject: Int
        var isTitle: Bool
    }

    /// "› ● T+00:20:00  Sikkerhetskopien", then who it goes to and its
    /// state, then its expectation, wrapped under the title.
    static func rows(_ words: InjectWords, width: Int) -> [Row] {
        let app = words.app
        let strings = app.strings
        let theme = app.theme
        var rows: [Row] = []
        let wrapWidth = max(1, width - indent)
        for index in words.exercise.injects.indices {
            let inject = words.inject(index)
            let cursor = index == app.injectsCursor ? "›" : " "
            let style = words.isDue(index) ? theme.due : theme.heading
            rows.append(Row(
                line: DetailLine(text: "\(cursor) \(words.mark(index)) \(words.dueTime(index))  \(inject.plan.title)",
                                 style: style),
                inject: index, isTitle: true))
            var state = [words.state(index)]
            if let role = words.role(index) { state.insert(strings.to(role), at: 0) }
            if inject.shiftSeconds > 0 { state.append(strings.postponedBy(strings.words(seconds: inject.shiftSeconds))) }
            for part in TerminalCore.DisplayWidth.wrap(state.joined(separator: " · "), to: wrapWidth) {
                rows.append(Row(line: DetailLine(text: part, indent: indent), inject: index, isTitle: false))
            }
            if let rule = words.expectationRule(index) {
                let expectation = words.expectation(index)
                let text = rule + (expectation.map { " · " + $0.text } ?? "")
                for part in TerminalCore.DisplayWidth.wrap(text, to: wrapWidth) {
                    rows.append(Row(
                        line: DetailLine(text: part, style: expectation?.style ?? theme.faded, indent: indent),
                        inject: index, isTitle: false))
                }
            }
        }
        return rows
    }

    /// The first row shown: the highlighted inject's rows in view, moving
    /// as little as possible from the last offset.
    static func offset(_ rows: [Row], app: RunnerApp, visible: Int) -> Int {
        guard let first = rows.firstIndex(where: { $0.inject == app.injectsCursor }),
              let last = rows.lastIndex(where: { $0.inject == app.injectsCursor })
        else { return 0 }
        let offset = ScrollWindow.offset(keeping: last, visible: visible, total: rows.count, from: app.injectsOffset)
        return min(offset, first)
    }
}
