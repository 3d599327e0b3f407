import IncidentEngine
import TerminalCore

/// The last events under the body: what people did, newest last, so the
/// responder sees that an action was recorded. A message (saving, a
/// refusal, a failed append) takes its place until the next key.
enum EventsView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let x = 2
        let width = layout.width - 4
        let rows = layout.eventRows
        var top = layout.eventsTop
        var available = rows
        if let note = notice(app) {
            grid.write(note.text, x: x, y: top, style: note.kind == .error ? theme.error : theme.info,
                       maxWidth: width, truncate: true)
            top += 1
            available -= 1
        }
        guard available > 0 else { return }
        let summary = EventSummary(playbook: app.playbook, language: app.language)
        var recent: [String] = []
        let wanted = available == 1 ? 6 : available
        for record in app.records.reversed() where !EventSummary.isDerived(record.event) {
            recent.append(TimeText.clock(record.occurred) + " " + summary.text(record.event))
            if recent.count >= wanted { break }
        }
        recent.reverse()
        guard !recent.isEmpty else {
            grid.write(app.strings.noEvents, x: x, y: top, style: theme.faded, maxWidth: width)
            return
        }
        if available == 1 {
            // As many of the newest as fit on one line, newest last.
            var line = recent.last ?? ""
            for earlier in recent.dropLast().reversed() {
                let longer = earlier + " · " + line
                if TerminalCore.DisplayWidth.of(longer) > width { break }
                line = longer
            }
            grid.write(line, x: x, y: top, maxWidth: width, truncate: true)
        } else {
            let shown = recent.suffix(available)
            for (offset, line) in shown.enumerated() {
                grid.write(line, x: x, y: top + offset, maxWidth: width, truncate: true)
            }
        }
    }

    /// What to say instead of (or above) the events.
    static func notice(_ app: RunnerApp) -> StatusMessage? {
        if app.pending != nil, app.dialog == nil { return .info(app.strings.saving) }
        if let message = app.message { return message }
        if app.state.hasEnded, !app.state.isClosed { return .info(app.strings.flowEnded) }
        return nil
    }
}
