import TerminalCore

/// The help screen: every key table, row for row, as the updates dispatch
/// on it (`KeyTables.helpSections`), so help can never promise a key that
/// does something else.
enum HelpView {
    static let keyColumn = 14

    static func lines(_ app: RunnerApp, width: Int) -> [DetailLine] {
        var lines: [DetailLine] = []
        for (number, section) in KeyTables.helpSections(app.language, exercise: app.exercise != nil).enumerated() {
            if number > 0 { lines.append(.blank) }
            lines.append(DetailLine(text: section.title, style: app.theme.heading))
            for row in section.rows {
                let label = TerminalCore.DisplayWidth.wrap(row.label, to: max(1, width - keyColumn - 2))
                for (index, part) in label.enumerated() {
                    let key = index == 0 ? TerminalCore.DisplayWidth.padded(row.key, to: keyColumn) : String(
                        repeating: " ", count: keyColumn)
                    lines.append(DetailLine(text: key + part, indent: 2))
                }
            }
        }
        return lines
    }
}
