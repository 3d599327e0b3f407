import IncidentEngine
import TerminalCore

/// The facilitator's panel under the steps of an exercise: the injects due
/// now (reversed and marked "● forfalt", so they are seen across the
/// room), the next one with its T+ time and the time left, and where the
/// delivered injects' expectations stand. On a small screen one line says
/// how many are due, else when the next one comes.
enum FacilitatorPanelView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        guard let words = InjectWords(app), layout.panelRows > 0 else { return }
        let width = layout.width - 4
        if layout.panelDivider {
            let delivered = words.exercise.injects.filter(\.isDelivered).count
            let title = app.strings.facilitator + " · "
                + app.strings.deliveredShort(delivered, of: words.exercise.injects.count)
            // Left of the step list's divider, so its ┴ stays.
            let room = (layout.twoPanels ? layout.splitColumn - 1 : layout.width - 2) - 3
            if room > 0 {
                grid.write(" " + TerminalCore.DisplayWidth.truncate(title, to: room) + " ", x: 1,
                           y: layout.stepsEnd, style: app.theme.title)
            }
        }
        let shown = layout.panelRows == 1 ? [summary(words)] : lines(words, rows: layout.panelRows)
        for (offset, line) in shown.prefix(layout.panelRows).enumerated() {
            let y = layout.panelTop + offset
            if line.style == app.theme.due {
                grid.fill(x: 1, y: y, width: max(0, layout.width - 2), height: 1, style: line.style)
            }
            grid.write(line.text, x: 2, y: y, style: line.style, maxWidth: width, truncate: true)
        }
    }

    /// The panel in `rows` lines: the exercise's state or the due injects
    /// and the next one, then the expectations, the most pressing first.
    static func lines(_ words: InjectWords, rows: Int) -> [DetailLine] {
        let app = words.app
        let strings = app.strings
        let exercise = words.exercise
        var lines: [DetailLine] = []
        if let headline = headline(words) {
            lines.append(headline)
        } else {
            let due = exercise.dueInjects(at: app.now)
            let expectations = !words.expectationsInOrder().isEmpty
            let room = max(1, rows - 1 - (expectations ? 1 : 0))
            let listed = due.count <= room ? due : Array(due.prefix(room - 1))
            for index in listed {
                lines.append(DetailLine(
                    text: "● \(strings.dueWord)  \(words.dueTime(index))  \(described(index, words))",
                    style: app.theme.due))
            }
            if listed.count < due.count {
                let rest = due.dropFirst(listed.count).map { words.inject($0).plan.title }
                lines.append(DetailLine(
                    text: "● \(strings.dueCount(rest.count)): " + rest.joined(separator: ", "), style: app.theme.due))
            }
            if let next = nextUpcoming(words) {
                lines.append(DetailLine(
                    text: "\(strings.next) \(words.dueTime(next)), \(strings.inSpan(words.timeLeft(next)))  "
                        + described(next, words)))
            } else if exercise.nextUndelivered == nil {
                lines.append(DetailLine(text: strings.allDelivered, style: app.theme.faded))
            }
        }
        for index in words.expectationsInOrder() {
            guard let expectation = words.expectation(index) else { continue }
            let step = words.expectedStep(index).map { ": " + $0 } ?? ""
            lines.append(DetailLine(
                text: expectation.text + " · " + words.inject(index).plan.title + step, style: expectation.style))
        }
        return lines
    }

    /// The one line of a small screen: how many are due, else the next one.
    static func summary(_ words: InjectWords) -> DetailLine {
        if let headline = headline(words) { return headline }
        let app = words.app
        let strings = app.strings
        let due = words.exercise.dueInjects(at: app.now)
        if let first = due.first {
            return DetailLine(
                text: "● \(strings.dueCount(due.count)): \(words.inject(first).plan.title)", style: app.theme.due)
        }
        if let next = nextUpcoming(words) {
            return DetailLine(
                text: "\(strings.next) \(words.dueTime(next)), \(strings.inSpan(words.timeLeft(next))): "
                    + words.inject(next).plan.title, style: app.theme.info)
        }
        return DetailLine(text: strings.allDelivered, style: app.theme.info)
    }

    /// Before the start and after the end, the exercise's state says it all.
    private static func headline(_ words: InjectWords) -> DetailLine? {
        let strings = words.app.strings
        let theme = words.app.theme
        if !words.exercise.isStarted { return DetailLine(text: strings.exerciseNotStarted, style: theme.info) }
        guard let ending = words.exercise.ending else { return nil }
        let text = ending.reason == .realIncident ? strings.exerciseStopped : strings.exerciseEnded
        return DetailLine(text: text, style: theme.info)
    }

    /// The first inject neither delivered nor due (injects stay in the
    /// order they come due: a postponement moves every later one too).
    private static func nextUpcoming(_ words: InjectWords) -> Int? {
        words.exercise.injects.indices.first { !words.inject($0).isDelivered && !words.isDue($0) }
    }

    /// "Sikkerhetskopien · til IKT-vakt".
    private static func described(_ index: Int, _ words: InjectWords) -> String {
        let title = words.inject(index).plan.title
        guard let role = words.role(index) else { return title }
        return title + " · " + words.app.strings.addressedTo(role)
    }
}
