import IncidentEngine
@testable import Reports
import Testing

/// The byte writer's escaping rules, one by one.
@Suite struct ExportWriterTests {
    func json(_ text: String) -> String {
        var writer = ExportWriter()
        writer.jsonString(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func csv(_ text: String) -> String {
        var writer = ExportWriter()
        writer.csvCell(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func jsonEscapesWhatATerminalWouldActOn() {
        #expect(json("plain æøå 😀") == "\"plain æøå 😀\"")
        #expect(json("\"\\\n\r\t") == #""\"\\\n\r\t""#)
        #expect(json("\u{1B}[2J\u{7}\u{0}\u{7F}") == #""\u001b[2J\u0007\u0000\u007f""#)
        #expect(json("\u{85}\u{9B}") == #""\u0085\u009b""#)
        #expect(json("a\u{200E}b\u{200F}c\u{2028}d\u{2029}e\u{202A}\u{202E}\u{2066}\u{2069}")
                == #""a\u200eb\u200fc\u2028d\u2029e\u202a\u202e\u2066\u2069""#)
        // Neighbours of the escaped ranges stay as they are.
        #expect(json("\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}") == "\"\u{A0}\u{2027}\u{202F}\u{2065}\u{206A}\"")
    }

    @Test func csvQuotesOnlyWhereNeeded() {
        #expect(csv("plain") == "plain")
        #expect(csv("a,b") == "\"a,b\"")
        #expect(csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(csv("two\nlines") == "\"two\nlines\"")
        #expect(csv("crlf\r\nline") == "\"crlf\nline\"")
        #expect(csv("") == "")
    }

    @Test func csvNeutralisesFormulas() {
        #expect(csv("=1+1") == "'=1+1")
        #expect(csv("+1") == "'+1")
        #expect(csv("-1") == "'-1")
        #expect(csv("@SUM(1)") == "'@SUM(1)")
        #expect(csv("\t=1") == "' =1")
        #expect(csv("\r=1") == "'\u{240D}=1")
        #expect(csv("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(csv("a=1") == "a=1")
        #expect(csv("\u{1B}[31m") == "\u{241B}[31m")
    }

    @Test func integersAndTimes() {
        var writer = ExportWriter()
        for value: Int64 in [0, 7, -7, 1_795_918_200_000_000, .max, .min] {
            writer.int(value)
            writer.byte(UInt8(ascii: " "))
        }
        writer.timestamp(ExportFixtures.opened)
        writer.byte(UInt8(ascii: " "))
        writer.timestamp(ExportFixtures.opened.withOffset(minutes: 0))
        writer.byte(UInt8(ascii: " "))
        writer.timestamp(ExportFixtures.opened.withOffset(minutes: -210), alwaysOffset: true)
        #expect(String(decoding: writer.bytes, as: UTF8.self)
                == "0 7 -7 1795918200000000 9223372036854775807 -9223372036854775808 "
                + "2026-11-29T03:10:00.000+01:00 2026-11-29T02:10:00.000Z 2026-11-28T22:40:00.000-03:30")
    }

    @Test func theOutputGetsChunksAndTheSameBytes() throws {
        // A journal big enough to flush several times.
        var journal = try ExportFixtures.fixedJournal()
        journal.run(.reopen(reason: "mer å gjøre"))
        for index in 0..<4_000 {
            journal.run(.note(text: "Notat \(index): " + String(repeating: "x", count: 300), step: nil, lesson: false))
        }
        let input = try ExportFixtures.input(journal)
        for format in ExportFormat.allCases {
            var chunks = ChunkCounter()
            try TimelineExport.write(input, format: format, to: &chunks)
            #expect(chunks.count >= 2, "\(format)")
            #expect(chunks.bytes == Array(TimelineExport.render(input, format: format).utf8))
        }
    }

    /// Every kind of event, with and without its optional fields, and hostile text in each string.
    static let everyEvent: [IncidentEvent] = {
        let t = ExportFixtures.hostileNotes.joined(separator: " ")
        let due = ExportFixtures.opened.adding(seconds: 3_600)
        return [
            .incidentOpened(playbook: "p", version: "1.0", playbookSHA256: String(repeating: "a", count: 64), title: t, exercise: true),
            .incidentOpened(playbook: "p", version: nil, playbookSHA256: String(repeating: "b", count: 64), title: "", exercise: false),
            .phaseEntered(phase: .containment), .stepReached(step: "triage"), .stepReopened(step: t),
            .stepCompleted(step: "s", note: t), .stepCompleted(step: "s", note: nil), .stepSkipped(step: "s", reason: t),
            .checklistTicked(step: "s", item: 3), .checklistUnticked(step: "s", item: 1),
            .decisionAnswered(step: "s", question: t, option: 2, label: t, target: .step("x")),
            .decisionAnswered(step: "s", question: "q", option: 1, label: "l", target: .end),
            .noteAdded(text: t, step: "s", lesson: true), .noteAdded(text: t, step: nil, lesson: false),
            .correction(seq: 12, text: t), .deadlineStarted(deadline: "d", due: due), .deadlineMet(deadline: "d"),
            .deadlineMissed(deadline: t), .deadlineWaived(deadline: "d", reason: .untilBypassed),
            .deadlineWaived(deadline: "d", reason: .untilSkipped), .incidentClosed(note: t), .incidentClosed(note: nil),
            .incidentReopened(reason: t), .incidentReopened(reason: nil), .exerciseStarted(scenario: "sc", speed: 60, banner: t),
            .exercisePaused, .exerciseResumed, .exerciseSpeedChanged(speed: 2), .injectDelivered(inject: "i"),
            .injectPostponed(inject: "i", seconds: 300), .evaluatorNote(text: t, step: "s"), .evaluatorNote(text: t, step: nil), .exerciseEnded(reason: .realIncident, note: t),
            .exerciseEnded(reason: .completed, note: nil),
        ]
    }()

    @Test func theJSONExportWritesEachEventsDataAsTheEngineBuildsIt() {
        let kinds = Set(Self.everyEvent.map(\.kind))
        #expect(kinds == Set(EventKind.allCases), "every kind is covered")
        for event in Self.everyEvent {
            var direct = ExportWriter()
            JSONExportRenderer.data(event, &direct)
            var built = ExportWriter()
            built.json(event.data)
            #expect(direct.bytes == built.bytes, "\(event.kind)")
        }
    }

    /// The byte writer sanitises and escapes exactly as the string helpers do.
    @Test(arguments: ExportFixtures.hostileNotes + ["  padded  ", "\t\ttabbed", "\n\nlines\n", "a\r\nb\rc", "", "æøå 😀 ‎‏ x"])
    func textAgreesWithTheStringHelpers(text: String) {
        var html = ExportWriter()
        html.text(text, as: .html)
        #expect(String(decoding: html.bytes, as: UTF8.self)
                == HTMLEscaper.escape(TextSanitizer.sanitize(text, keepLineBreaks: false)))
        var block = ExportWriter()
        block.text(text, as: .htmlBlock)
        #expect(String(decoding: block.bytes, as: UTF8.self)
                == HTMLEscaper.escape(TextSanitizer.sanitize(text, keepLineBreaks: true)))
        var markdown = ExportWriter()
        MarkdownExportRenderer.line(text, atLineStart: false, &markdown)
        #expect(String(decoding: markdown.bytes, as: UTF8.self)
                == MarkdownEscaper.inline(TextSanitizer.sanitize(text, keepLineBreaks: false), atLineStart: false))
        var line = ExportWriter()
        MarkdownExportRenderer.line(text, &line)
        #expect(String(decoding: line.bytes, as: UTF8.self)
                == MarkdownEscaper.inline(TextSanitizer.sanitize(text, keepLineBreaks: false), atLineStart: true))
        var message = ExportWriter()
        message.text(text, as: .jsonLine)
        var viaString = ExportWriter()
        viaString.text(TextSanitizer.sanitize(text, keepLineBreaks: false), as: .json)
        #expect(message.bytes == viaString.bytes)
    }

    @Test(arguments: ["- item", "+ plus", "=formula", "12. numbered", "3) also", "1234567890. too long", "#heading", "-"])
    func markdownLineStartsAreEscaped(text: String) {
        var w = ExportWriter()
        MarkdownExportRenderer.line(text, &w)
        #expect(String(decoding: w.bytes, as: UTF8.self) == MarkdownEscaper.inline(text, atLineStart: true))
    }

    struct ChunkCounter: ExportOutput {
        var count = 0
        var bytes: [UInt8] = []
        mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
            count += 1
            bytes.append(contentsOf: chunk)
        }
    }
}
