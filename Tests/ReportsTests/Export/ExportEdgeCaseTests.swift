import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// The exercise marking, an incident still open, a waived deadline and a
/// journal with nothing but its opening.
@Suite struct ExportEdgeCaseTests {
    @Test(arguments: ReportLanguage.allCases)
    func everyDocumentOfAnExerciseIsMarkedAtTopAndBottom(language: ReportLanguage) throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: true), language: language)
        let marking = language == .nb ? "ØVELSE ØVELSE ØVELSE" : "EXERCISE EXERCISE EXERCISE"
        let box = "<div class=\"marking\">\(marking)</div>\n"
        for format in ExportFormat.allCases {
            let output = TimelineExport.render(input, format: format)
            if format == .html {
                #expect(output.contains("<body>\n" + box) && output.hasSuffix(box + "</body>\n</html>\n"))
                continue
            }
            let lines = output.split(separator: "\n")
            let top = lines.prefix(3).contains { $0.contains(marking) }
            let bottom = lines.suffix(3).contains { $0.contains(marking) }
            #expect(top && bottom, "\(format)")
        }
        let review = IncidentReview.render(input, format: .markdown)
        #expect(review.hasPrefix("**\(marking)**\n") && review.hasSuffix("**\(marking)**\n"))
        let htmlReview = IncidentReview.render(input, format: .html)
        #expect(htmlReview.contains("<body>\n" + box) && htmlReview.hasSuffix(box + "</body>\n</html>\n"))
        // JSON: the first key after the schema, and the last.
        let json = TimelineExport.render(input, format: .json)
        #expect(json.hasPrefix("{\n  \"schema\": \"vakt.export/1\",\n  \"exercise_marking\": \"\(marking)\","))
        #expect(json.hasSuffix(",\n  \"exercise_marking_end\": \"\(marking)\"\n}\n"))
        // CSV and Timesketch: every event says so itself, for rows filtered away from the marking.
        let prefix = language == .nb ? "ØVELSE: " : "EXERCISE: "
        let rows = TimelineExport.render(input, format: .csv).split(separator: "\r\n").dropFirst()
            .filter { !$0.contains("exercise_marking") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",\(prefix)") || $0.contains(",\"\(prefix)") })
        let sketch = TimelineExport.render(input, format: .timesketch).split(separator: "\n")
            .filter { !$0.contains("exercise_marking") }
        #expect(!sketch.isEmpty && sketch.allSatisfy { $0.contains("\"message\":\"\(prefix)") })
    }

    @Test func aRealIncidentIsNotMarked() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        for format in ExportFormat.allCases {
            let output = TimelineExport.render(input, format: format)
            #expect(!output.contains("ØVELSE ØVELSE") && !output.contains("exercise_marking"), "\(format)")
        }
    }

    @Test func anOpenIncidentShowsRunningDeadlinesAndTheCurrentStep() throws {
        var journal = JournalScript(try ExportFixtures.playbook(), at: ExportFixtures.opened)
        journal.run(.open(title: "Pågår", exercise: false, playbookSHA256: String(repeating: "1a", count: 32)))
        journal.wait(minutes: 20)
        journal.run(.decide(step: "triage", option: "Nei", note: "Ingen kryptering"))
        journal.wait(minutes: 5)
        journal.run(.decide(step: "personal-data", option: "Ja", note: nil))
        let now = journal.now.adding(seconds: 10 * 60)
        var input = try ExportFixtures.input(journal)
        input.now = now
        let digest = IncidentDigest(input)
        #expect(digest.closedAt == nil)
        #expect(digest.durationMilliseconds == Int64(35 * 60_000))
        // KommuneCERT's deadline is met by isolating, which the answer "Nei" went past.
        #expect(digest.deadlines.map(\.outcome.id) == ["running", "waived"])
        let md = TimelineExport.render(input, format: .markdown)
        #expect(md.contains("- **Status:** åpen · nåværende steg: 4. Start 72-timersfristen"))
        #expect(md.contains("- **Varighet så langt:** 35 min"))
        #expect(md.contains("| løper | 71 timer 50 min igjen |"))
        #expect(md.contains("| frafalt | veien som ble valgt, gikk utenom steget som oppfyller fristen |"))
        let json = TimelineExport.render(input, format: .json)
        #expect(json.contains("\"remaining_seconds\":258600,"))
        #expect(json.contains("\"waiver_reason\":\"until_bypassed\""))
        #expect(json.contains("\"current_step\": \"personal-data-yes\","))
        let html = TimelineExport.render(input, format: .html)
        #expect(html.contains("class=\"bar-open\""))
        #expect(html.contains("class=\"deadline-running\""))
        #expect(HTMLChecker(html, rules: .export).problems.isEmpty)
    }

    @Test func aDeadlineWhoseStepWasSkippedIsWaived() throws {
        var journal = JournalScript(try ExportFixtures.playbook(), at: ExportFixtures.opened)
        journal.run(.open(title: "Frafalt", exercise: false, playbookSHA256: String(repeating: "2b", count: 32)))
        journal.wait(minutes: 5)
        journal.run(.decide(step: "triage", option: "Nei", note: "Ingen kryptering"))
        journal.wait(minutes: 5)
        journal.run(.decide(step: "personal-data", option: "Ja", note: nil))
        journal.wait(minutes: 5)
        journal.run(.complete(step: "personal-data-yes", note: nil))
        journal.wait(minutes: 5)
        journal.run(.skip(step: "notify-datatilsynet", reason: "Ikke personopplysninger likevel"))
        let input = try ExportFixtures.input(journal)
        let digest = IncidentDigest(input)
        let datatilsynet = try #require(digest.deadlines.first { $0.id == "datatilsynet" })
        guard case .waived(.untilSkipped, let at) = datatilsynet.outcome else {
            Issue.record("expected waived, got \(datatilsynet.outcome)")
            return
        }
        #expect(at == ExportFixtures.opened.adding(seconds: 20 * 60))
        let md = TimelineExport.render(input, format: .markdown)
        #expect(md.contains("| frafalt | steget som oppfyller fristen ble hoppet over |"))
        let json = TimelineExport.render(input, format: .json)
        #expect(json.contains("\"state\":\"waived\""))
        #expect(json.contains("\"waiver_reason\":\"until_skipped\""))
        let review = IncidentReview.render(input, format: .markdown)
        #expect(review.contains("| frafalt | steget som oppfyller fristen ble hoppet over |"))
        #expect(review.contains("| 5. Send avviksmelding i Altinn | Ikke personopplysninger likevel | kari |"))
        let html = TimelineExport.render(input, format: .html)
        #expect(html.contains("class=\"deadline-waived\""))
    }

    @Test func aJournalWithOnlyItsOpening() throws {
        var journal = JournalScript(try ExportFixtures.playbook(), at: ExportFixtures.opened)
        journal.run(.open(title: "Nettopp åpnet", exercise: false, playbookSHA256: String(repeating: "3c", count: 32)))
        var input = try ExportFixtures.input(journal)
        input.now = ExportFixtures.opened
        for format in ExportFormat.allCases {
            let output = TimelineExport.render(input, format: format)
            #expect(!output.isEmpty, "\(format)")
            if format == .html { #expect(HTMLChecker(output, rules: .export).problems.isEmpty) }
        }
        for format in ReviewFormat.allCases {
            #expect(IncidentReview.render(input, format: format).contains("Nettopp åpnet"))
        }
    }

    @Test func formatsAreOfferedWithLabelsInBothLanguages() {
        #expect(ExportFormat.allCases.map(\.id) == ["md", "json", "csv", "timesketch", "html"])
        for language in ReportLanguage.allCases {
            let options = ExportFormat.options(language)
            #expect(options.map(\.id) == ExportFormat.allCases.map(\.id))
            #expect(options.allSatisfy { !$0.label.isEmpty })
        }
        #expect(ExportFormat(id: "timesketch") == .timesketch)
        #expect(ExportFormat(id: "xml") == nil)
        #expect(ExportFormat.markdown.label(.nb) != ExportFormat.markdown.label(.en))
        #expect(ReviewFormat.allCases.map(\.id) == ["md", "html"])
    }
}
