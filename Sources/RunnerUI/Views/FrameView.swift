import IncidentEngine
import TerminalCore

/// What every screen of an incident shows: the border, the title and ID,
/// the time since opening (in an exercise: the exercise clock, with its
/// pause and speed), the nearest deadline counting down, the wall clock,
/// and the exercise banner. It is drawn first; screens fill the body.
enum FrameView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let width = layout.width
        grid.box(x: 0, y: 0, width: width, height: layout.height, style: theme.border)
        grid.horizontalLine(x: 0, y: 2, length: width, style: theme.border)

        // Row 0, in the top border: " Title · ID ─── T+00:42:10 ".
        let state = app.state
        let elapsed = " " + elapsedText(app) + " "
        let elapsedX = width - 1 - TerminalCore.DisplayWidth.of(elapsed)
        grid.write(elapsed, x: elapsedX, y: 0, style: theme.title)
        // The ID is what `vakt resume` takes: the title gives way to it first.
        let name = state.opening?.title ?? app.playbook.title.value
        let id = " · " + app.incidentID
        let titleRoom = elapsedX - 4
        let idWidth = TerminalCore.DisplayWidth.of(id)
        let title = titleRoom >= idWidth + 8
            ? TerminalCore.DisplayWidth.truncate(name, to: titleRoom - idWidth) + id
            : TerminalCore.DisplayWidth.truncate(name + id, to: titleRoom)
        if titleRoom > 0 { grid.write(" " + title + " ", x: 1, y: 0, style: theme.title) }

        // Row 1: the countdown on the left; the clock and banners on the right.
        var pieces: [(String, Style)] = [(TimeText.clock(app.now), theme.plain)]
        if let banner = app.banner { pieces += [(" · ", theme.plain), (banner, theme.exercise)] }
        if state.isClosed { pieces += [(" · ", theme.plain), (app.strings.closed, theme.heading)] }
        let rightWidth = pieces.reduce(0) { $0 + TerminalCore.DisplayWidth.of($1.0) }
        var x = max(2, width - 2 - rightWidth)
        let rightStart = x
        for (text, style) in pieces {
            x += grid.write(text, x: x, y: 1, style: style, maxWidth: width - 2 - x)
        }
        let countdown = countdownText(app, width: rightStart - 3)
        grid.write(countdown.text, x: 2, y: 1, style: countdown.style, maxWidth: rightStart - 3)
    }

    /// "T+00:42:10": since the incident was opened; in an exercise the
    /// exercise clock, "T+00:42:10 60×" when faster than real time and
    /// "T+00:42:10 PAUSE" while paused (in words, not by colour).
    static func elapsedText(_ app: RunnerApp) -> String {
        let state = app.state
        guard let exercise = app.exercise else {
            let milliseconds = state.opening.map { state.evaluationTime(app.now).milliseconds(since: $0.openedAt) } ?? 0
            return TimeText.elapsed(milliseconds)
        }
        let clock = TimeText.elapsed(exercise.elapsedMilliseconds(at: app.now))
        if exercise.clock.isPaused, !exercise.isEnded { return clock + " " + app.strings.paused }
        if exercise.clock.speed != 1, exercise.clock.isRunning { return clock + " \(exercise.clock.speed)×" }
        return clock
    }

    /// "Datatilsynet 71:17:50 igjen"; "! …" inside the warn window; "!! …
    /// OVERSKREDET 00:10:00" when overdue. The title gives way first, so the
    /// numbers always show.
    static func countdownText(_ app: RunnerApp, width: Int) -> (text: String, style: Style) {
        let state = app.state
        let strings = app.strings
        guard width > 0 else { return ("", .plain) }
        guard let nearest = state.nearestDeadline(at: app.now),
              let remaining = state.deadlines[nearest.index].remainingMilliseconds(at: state.evaluationTime(app.now))
        else { return (TerminalCore.DisplayWidth.truncate(strings.noDeadline, to: width), app.theme.faded) }
        let title = state.playbook.deadlines[nearest.index].title.value
        let marker: String
        let numbers: String
        let style: Style
        switch nearest.condition {
        case .missed:
            marker = "!! "
            numbers = strings.overdue(TimeText.span(remaining))
            style = app.theme.overdue
        case .warning:
            marker = "! "
            numbers = strings.left(TimeText.span(remaining))
            style = app.theme.warning
        default:
            marker = ""
            numbers = strings.left(TimeText.span(remaining))
            style = .plain
        }
        let fixed = TerminalCore.DisplayWidth.of(marker + numbers) + 1
        let titleRoom = width - fixed
        let text = titleRoom >= 2
            ? marker + TerminalCore.DisplayWidth.truncate(title, to: titleRoom) + " " + numbers
            : TerminalCore.DisplayWidth.truncate(marker + numbers, to: width)
        return (text, style)
    }
}
