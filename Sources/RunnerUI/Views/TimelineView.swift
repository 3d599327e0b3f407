import IncidentEngine
import TerminalCore

/// Every event of the journal in the order things happened, under a line
/// per date; who did it; a back-dated event also shows when it was
/// recorded. Texts wrap under their time, so nothing written is cut off.
enum TimelineView {
    static func lines(_ app: RunnerApp, width: Int) -> [DetailLine] {
        let theme = app.theme
        let strings = app.strings
        let summary = EventSummary(playbook: app.playbook, language: app.language)
        guard !app.records.isEmpty else { return [DetailLine(text: strings.noEvents, style: theme.faded)] }
        // When it happened, then journal order: a back-dated note sits where it belongs.
        let ordered = app.records.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.occurred.millisecondsSinceEpoch, rhs.element.occurred.millisecondsSinceEpoch)
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map(\.element)
        var lines: [DetailLine] = []
        var lastDate = ""
        let indent = 9
        for record in ordered {
            let date = TimeText.date(record.occurred)
            if date != lastDate {
                if !lines.isEmpty { lines.append(.blank) }
                lines.append(DetailLine(text: "── \(date) ──", style: theme.heading))
                lastDate = date
            }
            var text = record.actor + ": " + summary.text(record.event)
            if record.recorded.milliseconds(since: record.occurred) >= 60_000 {
                let recorded = TimeText.date(record.recorded) == date
                    ? TimeText.clockSeconds(record.recorded)
                    : TimeText.date(record.recorded) + " " + TimeText.clockSeconds(record.recorded)
                text += " (" + strings.recordedAt(recorded) + ")"
            }
            let style = EventSummary.isDerived(record.event) ? theme.faded : theme.plain
            let rows = TerminalCore.DisplayWidth.wrap(text, to: max(1, width - indent))
            for (number, row) in rows.enumerated() {
                let time = number == 0 ? TimeText.clockSeconds(record.occurred) + " " : String(repeating: " ", count: indent)
                lines.append(DetailLine(text: time + row, style: style))
            }
        }
        return lines
    }
}
