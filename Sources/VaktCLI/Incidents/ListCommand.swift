import ArgumentParser
import IncidentEngine
import IncidentStore
import PlaybookFormat

/// `vakt list`: the incidents, open ones by default.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List incidents: id, title, playbook, opened, status, current step."
    )

    @Flag(help: "Include closed incidents.")
    var all = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let catalog = try IncidentEnvironment.catalog(homeOption.home)
        var summaries: [IncidentSummary] = []
        var damaged: [(id: String, problem: String)] = []
        try IncidentSession.forEach(in: catalog) { id, opened in
            switch opened {
            case .success(let session):
                let summary = IncidentSummary(session: session)
                if all || !summary.closed { summaries.append(summary) }
            case .failure(let error):
                damaged.append((id.rawValue, "\(error)"))
            }
        }
        summaries.sort { lhs, rhs in
            let left = lhs.opened?.millisecondsSinceEpoch ?? 0
            let right = rhs.opened?.millisecondsSinceEpoch ?? 0
            return left != right ? left < right : lhs.id < rhs.id
        }
        for entry in damaged {
            StandardStreams.writeError(TerminalSafeText.sanitize("vakt: warning: \(entry.id): \(entry.problem)") + "\n")
        }
        if json {
            var items = summaries.map(\.json)
            items += damaged.map { .object([("id", .string($0.id)), ("status", .string("unreadable")), ("problem", .string($0.problem))]) }
            StandardStreams.write(JSONOutput.render(.array(items)))
            return
        }
        guard !summaries.isEmpty else {
            StandardStreams.write(all ? "no incidents\n" : "no open incidents (`vakt list --all` shows closed ones too)\n")
            return
        }
        var rows = [["ID", "STATUS", "OPENED", "PLAYBOOK", "CURRENT STEP", "TITLE"]]
        for summary in summaries {
            let status: String = summary.status + (summary.exercise ? " (exercise)" : "")
            let opened: String = summary.opened.map(EventText.time) ?? "-"
            let ending: String = summary.ended && !summary.closed ? "(ended)" : "-"
            let current: String = summary.currentStep?.id.value ?? ending
            let cells: [String] = [summary.id, status, opened, summary.playbookID, current, summary.title]
            rows.append(cells.map { TerminalSafeText.sanitize($0) })
        }
        StandardStreams.write(Self.table(rows))
    }

    /// Left-aligned columns two spaces apart; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
