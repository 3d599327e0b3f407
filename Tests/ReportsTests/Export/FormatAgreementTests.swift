import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// The five formats say the same thing: the same events, in the same
/// numbers, with the same summary as the fold (and so as `vakt status`).
@Suite struct FormatAgreementTests {
    static func inputs() throws -> [ExportInput] {
        [
            try ExportFixtures.input(try ExportFixtures.fixedJournal()),
            try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: true), language: .en),
            try ExportFixtures.input(try ExportFixtures.hostileJournal()),
        ]
    }

    /// The seq of every event each format lists, in the order it lists them.
    static func seqs(_ input: ExportInput) throws -> [ExportFormat: [Int]] {
        var result: [ExportFormat: [Int]] = [:]
        let json = TimelineExport.render(input, format: .json)
        result[.json] = json.split(separator: "\n").filter { $0.hasPrefix("    {\"seq\":") }.compactMap { line in
            Int(line.dropFirst("    {\"seq\":".count).prefix { $0.isNumber })
        }
        let csv = try CSVReader.read(TimelineExport.render(input, format: .csv))
        result[.csv] = csv.dropFirst().filter { $0[6] != "exercise_marking" }.compactMap { Int($0[0]) }
        let timesketch = TimelineExport.render(input, format: .timesketch).split(separator: "\n")
        result[.timesketch] = timesketch.filter { !$0.contains("\"kind\":\"exercise_marking\"") }.compactMap { line in
            Int(String(line).between("\"seq\":", ","))
        }
        let md = TimelineExport.render(input, format: .markdown)
        let timeline = md.between("| \\# | \(ExportStrings(input.language).date) |", "\n\n")
        result[.markdown] = timeline.split(separator: "\n").dropFirst().compactMap { line in
            Int(line.dropFirst(2).prefix { $0.isNumber })
        }
        let html = TimelineExport.render(input, format: .html)
        result[.html] = html.between("<table class=\"timeline\">", "</table>").split(separator: "\n").compactMap { line in
            line.hasPrefix("<tr") ? Int(String(line).between("<td class=\"num\">", "</td>")) : nil
        }
        return result
    }

    @Test func everyFormatListsEveryEventOnce() throws {
        for input in try Self.inputs() {
            let expected = input.records.map(\.seq)
            for (format, seqs) in try Self.seqs(input) {
                #expect(seqs.count == input.records.count, "\(format)")
                #expect(Set(seqs) == Set(expected), "\(format)")
                switch format {
                case .json, .csv, .timesketch:
                    #expect(seqs == expected, "\(format) keeps journal order")
                case .markdown, .html:
                    // Time order: never earlier than the row before.
                    let times = seqs.map { seq in input.records[seq - 1].occurred.millisecondsSinceEpoch }
                    #expect(times == times.sorted(), "\(format) is in time order")
                }
            }
        }
    }

    @Test func theKindOfEachEventAgrees() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        let csv = try CSVReader.read(TimelineExport.render(input, format: .csv)).dropFirst()
        let timesketch = TimelineExport.render(input, format: .timesketch).split(separator: "\n")
        let json = TimelineExport.render(input, format: .json).split(separator: "\n").filter { $0.hasPrefix("    {\"seq\":") }
        for (index, record) in input.records.enumerated() {
            let kind = record.kind.rawValue
            #expect(csv[csv.startIndex + index][6] == kind)
            #expect(String(timesketch[index]).between("\"kind\":\"", "\"") == kind)
            #expect(String(json[index]).between("\"kind\":\"", "\"") == kind)
            #expect(String(json[index]).between("\"hash\":\"", "\"") == record.hash)
            #expect(String(timesketch[index]).between("\"entry_hash\":\"", "\"") == record.hash)
        }
    }

    @Test func theSummaryAgreesWithTheFold() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        let state = input.state
        let json = TimelineExport.render(input, format: .json)
        let digest = IncidentDigest(input)
        #expect(digest.kindCounts.values.reduce(0, +) == state.eventCount)
        #expect(json.contains("\"events\": \(state.eventCount),"))
        #expect(json.contains("\"status\": \"closed\""))
        // Steps: each step's status as the fold has it, in playbook order.
        let statuses = json.between("\"steps\": [", "\"deadlines\": [").split(separator: "\n")
            .filter { $0.hasPrefix("      {\"id\":") }.map { String($0).between("\"status\":\"", "\"") }
        #expect(statuses == state.steps.map(\.status.rawValue))
        // Deadlines: the fold's conditions.
        let conditions = state.deadlineConditions(at: input.now).map { condition -> String in
            switch condition {
            case .met: "met"
            case .missed: "missed"
            case .waived: "waived"
            case .running: "running"
            case .warning: "warning"
            case .notStarted: "not_started"
            }
        }
        #expect(digest.deadlines.map(\.outcome.id) == conditions)
        #expect(conditions == ["met", "missed"])
        // Decisions, notes and lessons.
        #expect(json.between("\"decisions\": [", "\"notes\": [").components(separator: "\"question\":").count - 1
                == state.decisions.count)
        // Each list item is one line.
        #expect(json.between("\"notes\": [", "\"anomalies\"").split(separator: "\n").filter { $0.hasPrefix("      {\"seq\":") }.count
                == state.notes.count)
        #expect(digest.lessons.count == 1)
        #expect(digest.lessons.first?.text == "Nettverkskablene i serverrommet er umerket")
        // The reports for people show the same counts.
        let md = TimelineExport.render(input, format: .markdown)
        #expect(md.contains("- **Hendelser i journalen:** \(state.eventCount) (tilbakedaterte: 2)"))
        #expect(md.contains("| Varsle KommuneCERT og isoler | 1 time | 2026-11-29 03:10:00 +01:00 | 2026-11-29 04:10:00 +01:00 | overskredet | 25 min for sent |"))
        #expect(md.contains("| Avviksmelding til Datatilsynet | 72 timer | 2026-11-29 04:50:00 +01:00 | 2026-12-02 04:50:00 +01:00 | oppfylt | 71 timer 30 min før fristen |"))
    }

    @Test func stepPassesFollowTheLoop() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        let digest = IncidentDigest(input)
        let isolate = try #require(input.state.stepIndex(of: "isolate"))
        let passes = digest.passes(ofStep: isolate)
        #expect(passes.map(\.number) == [1, 2])
        #expect(passes.map(\.durationMilliseconds) == [70 * 60_000, 15 * 60_000])
        #expect(passes.count == input.state.steps[isolate].timesReached)
        let restore = try #require(input.state.stepIndex(of: "restore"))
        #expect(digest.passes(ofStep: restore).map(\.outcome) == [.skipped, .done])
        #expect(digest.skips.map(\.text) == ["Ingen sikkerhetskopi trengs: bare to PC-er"])
    }
}

extension String {
    /// Splits on a separator string (without Foundation).
    func components(separator: String) -> [Substring] {
        split(separator: separator, omittingEmptySubsequences: false)
    }
}
