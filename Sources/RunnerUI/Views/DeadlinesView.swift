import IncidentEngine
import TerminalCore

/// Every deadline of the playbook: where it stands now, when it started
/// and is due, how long is left or how late it is, and what starts and
/// meets it.
enum DeadlinesView {
    static func lines(_ app: RunnerApp, width: Int) -> [DetailLine] {
        let theme = app.theme
        let strings = app.strings
        let state = app.state
        let playbook = app.playbook
        guard !playbook.deadlines.isEmpty else { return [DetailLine(text: strings.noDeadlines)] }
        var lines: [DetailLine] = []
        func add(_ text: String, style: Style = .plain, indent: Int = 0) {
            for row in TerminalCore.DisplayWidth.wrap(text, to: max(1, width - indent)) {
                lines.append(DetailLine(text: row, style: style, indent: indent))
            }
        }
        let moment = state.evaluationTime(app.now)
        for (index, deadline) in playbook.deadlines.enumerated() {
            if index > 0 { lines.append(.blank) }
            add(deadline.title.value, style: theme.heading)
            let clock = state.deadlines[index]
            let condition = clock.condition(at: moment)
            let remaining = clock.remainingMilliseconds(at: moment).map(TimeText.span) ?? ""
            switch condition {
            case .notStarted:
                add("· " + strings.notStarted, style: theme.faded, indent: 2)
            case .running:
                add("▶ \(strings.running): \(strings.left(remaining))", indent: 2)
            case .warning:
                add("! \(strings.warning): \(strings.left(remaining))", style: theme.warning, indent: 2)
            case .missed(let due):
                let late = clock.completedAt.map { $0.milliseconds(since: due) } ?? moment.milliseconds(since: due)
                add("!! \(strings.missed): \(strings.overdueBy(TimeText.span(late)))", style: theme.overdue, indent: 2)
            case .met(let at):
                add("✓ \(strings.met) \(TimeText.dateTime(at))", style: theme.done, indent: 2)
            case .waived(let reason, let at):
                add("– \(strings.waived) \(TimeText.dateTime(at)): \(strings.waiver(reason))", style: theme.faded,
                    indent: 2)
            }
            if let started = clock.startedAt { add("\(strings.started): \(TimeText.dateTime(started))", indent: 2) }
            if let due = clock.due { add("\(strings.due): \(TimeText.dateTime(due))", indent: 2) }
            var rule = "\(strings.within) \(strings.words(seconds: deadline.within.value.seconds))"
            if let warn = deadline.warn {
                rule += ", " + strings.report.warn.lowercased() + " " + strings.warnBefore(warn.value.seconds)
            }
            add(rule, style: theme.faded, indent: 2)
            let starts = deadline.from.map { strings.startsWhenReached(title(of: $0.value, in: app)) }
                ?? strings.startsWhenOpened
            add(strings.report.starts + " " + starts, style: theme.faded, indent: 2)
            if let until = deadline.until {
                add(strings.report.met + " " + strings.metWhenCompleted(title(of: until.value, in: app)),
                    style: theme.faded, indent: 2)
            }
        }
        return lines
    }

    private static func title(of step: String, in app: RunnerApp) -> String {
        app.playbook.step(step).map { app.strings.pick("«\($0.title.value)»", "“\($0.title.value)”") } ?? step
    }
}
