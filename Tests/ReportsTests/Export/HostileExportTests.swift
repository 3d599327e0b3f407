import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// A journal whose every text tries to break out of its format: each format
/// keeps it as text, and no output carries a raw escape, C1 or bidi character.
@Suite struct HostileExportTests {
    static func input(exercise: Bool = true, language: ReportLanguage = .nb) throws -> ExportInput {
        try ExportFixtures.input(try ExportFixtures.hostileJournal(exercise: exercise), language: language)
    }

    static func render(_ format: ExportFormat) throws -> String {
        TimelineExport.render(try input(), format: format)
    }

    /// The scalars no output may hold raw: C0 controls but line feed (and the
    /// carriage return of CSV's CRLF), DEL, C1 controls, bidi embeddings,
    /// overrides and isolates.
    static func unsafeScalars(_ text: String, allowingCR: Bool = false) -> [String] {
        text.unicodeScalars.filter { scalar in
            if scalar == "\n" || (allowingCR && scalar == "\r") { return false }
            return TextSanitizer.isUnsafe(scalar)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test(arguments: ExportFormat.allCases, ReportLanguage.allCases)
    func noRawControlOrBidiCharacter(format: ExportFormat, language: ReportLanguage) throws {
        let output = TimelineExport.render(try Self.input(language: language), format: format)
        let unsafe = Self.unsafeScalars(output, allowingCR: format == .csv)
        #expect(unsafe.isEmpty, "\(format): \(unsafe.prefix(10))")
        if format == .csv {
            // Carriage returns only as the CRLF that ends a row.
            let scalars = Array(output.unicodeScalars)
            for index in scalars.indices where scalars[index] == "\r" {
                #expect(index + 1 < scalars.count && scalars[index + 1] == "\n", "a lone CR at \(index)")
            }
        }
    }

    @Test(arguments: ReviewFormat.allCases, ReportLanguage.allCases)
    func reviewHasNoRawControlOrBidiCharacter(format: ReviewFormat, language: ReportLanguage) throws {
        let output = IncidentReview.render(try Self.input(language: language), format: format)
        #expect(Self.unsafeScalars(output).isEmpty)
        #expect(output.contains("\u{241B}[31mRED") || output.contains("\u{241B}\\[31mRED"))
    }

    // MARK: HTML

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsStrictAndShowsTheTextAsText(language: ReportLanguage) throws {
        let input = try Self.input(language: language)
        for html in [TimelineExport.render(input, format: .html), IncidentReview.render(input, format: .html)] {
            let checker = HTMLChecker(html, rules: .export)
            #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
            #expect(checker.elementCounts["script"] == nil)
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("onmouseover=\""))
            #expect(!html.contains("href=\"javascript") && !html.contains("src=\""))
            // The hostile texts arrive as text, decoded: as the responder wrote them, controls made visible.
            let text = checker.text
            #expect(text.contains(ExportFixtures.script))
            #expect(text.contains("Tom & Jerry &amp; \"friends\", 'all'"))
            #expect(text.contains(ExportFixtures.cdata))
        }
        let export = HTMLChecker(TimelineExport.render(input, format: .html), rules: .export)
        #expect(export.text.contains(ExportFixtures.quotes))
        #expect(export.text.contains(ExportFixtures.formula))
        #expect(export.text.contains("\u{241B}[31mRED\u{241B}[0m\u{241B}]0;title\u{2407}"))
        #expect(export.text.contains("abc\u{FFFD}cba\u{FFFD}x\u{FFFD}"))
        #expect(export.text.contains("line one\nline two\nline three"))
        #expect(export.text.contains(ExportFixtures.longLine.trimmingSuffix(" ")))
        // The chart's tooltips carry the texts too, escaped.
        #expect((export.elementCounts["svg"] ?? 0) == 1)
        #expect((export.elementCounts["title"] ?? 0) > 10)
    }

    @Test(.enabled(if: Python.isAvailable))
    func pythonsHTMLParserSeesNoMarkupFromTheJournal() throws {
        let html = try Self.render(.html)
        let program = """
            import sys, json
            from html.parser import HTMLParser
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.tags = []; self.data = []; self.attrs = []
                def handle_starttag(self, tag, attrs):
                    self.tags.append(tag); self.attrs.extend(a for a, _ in attrs)
                def handle_startendtag(self, tag, attrs):
                    self.handle_starttag(tag, attrs)
                def handle_data(self, data):
                    self.data.append(data)
                def handle_comment(self, data):
                    self.tags.append('!--')
                def handle_pi(self, data):
                    self.tags.append('?')
                def unknown_decl(self, data):
                    self.tags.append('!')
            p = P()
            p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
            print(json.dumps({'tags': sorted(set(p.tags)), 'attrs': sorted(set(p.attrs)), 'text': ''.join(p.data)}))
            """
        let outcome = try #require(Python.run(program, input: html))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let tags = outcome.stdout.between("\"tags\": [", "]")
        for forbidden in ["\"script\"", "\"iframe\"", "\"img\"", "\"a\"", "\"!--\"", "\"!\"", "\"?\""] {
            #expect(!tags.contains(forbidden), "python saw \(forbidden)")
        }
        let attributes = outcome.stdout.between("\"attrs\": [", "]")
        #expect(!attributes.contains("\"onmouseover\"") && !attributes.contains("\"style\"") && !attributes.contains("\"src\""))
        // json.dumps escapes the text as \u…; the script tag arrives as data.
        #expect(outcome.stdout.contains("<script>alert(1)</script>"))
    }

    // MARK: CSV

    /// What the CSV writer must make of a text: controls made visible (line
    /// breaks kept), and a single quote before anything a spreadsheet would run.
    static func expectedCell(_ text: String) -> String {
        let clean = TextSanitizer.sanitize(text, keepLineBreaks: true)
        let risky: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        let first = text.unicodeScalars.first.map { risky.contains($0) } ?? false
        let cleanFirst = clean.unicodeScalars.first.map { risky.contains($0) } ?? false
        return first || cleanFirst ? "'" + clean : clean
    }

    @Test func csvReadsBackCellForCell() throws {
        let input = try Self.input()
        let csv = TimelineExport.render(input, format: .csv)
        let rows = try CSVReader.read(csv)
        try Self.checkCells(rows, input)
    }

    @Test(.enabled(if: Python.isAvailable))
    func pythonsCSVModuleReadsTheSameCells() throws {
        let input = try Self.input()
        let csv = TimelineExport.render(input, format: .csv)
        let program = """
            import sys, csv, json
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                rows = list(csv.reader(f, strict=True))
            for row in rows:
                print(json.dumps(row, ensure_ascii=True))
            """
        let outcome = try #require(Python.run(program, input: csv))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Python's rows, one JSON array a line.
        let rows = try JSONArrayReader.rows(outcome.stdout)
        try Self.checkCells(rows, input)
        #expect(rows == (try CSVReader.read(csv)))
    }

    static func checkCells(_ rows: [[String]], _ input: ExportInput, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(rows.first == CSVExportRenderer.header, sourceLocation: sourceLocation)
        let strings = ExportStrings(input.language)
        let marking = ["", "", "", "", "", "", "exercise_marking", "", "", strings.exerciseMarking, "", ""]
        #expect(rows[1] == marking && rows.last == marking, "exercise marking first and last", sourceLocation: sourceLocation)
        let body = rows.dropFirst(2).dropLast()
        #expect(body.count == input.records.count, sourceLocation: sourceLocation)
        var describer = EventDescriber(playbook: input.playbook, language: input.language)
        for (row, record) in zip(body, input.records) {
            let entry = describer.entry(record)
            #expect(row.count == 12, sourceLocation: sourceLocation)
            #expect(row[0] == "\(record.seq)", sourceLocation: sourceLocation)
            #expect(row[1] == record.occurred.rfc3339, sourceLocation: sourceLocation)
            #expect(row[2] == record.occurred.withOffset(minutes: 0).rfc3339, sourceLocation: sourceLocation)
            #expect(row[3] == record.recorded.rfc3339, sourceLocation: sourceLocation)
            #expect(row[4] == (record.occurred < record.recorded ? "true" : "false"), sourceLocation: sourceLocation)
            #expect(row[5] == expectedCell(record.actor), sourceLocation: sourceLocation)
            #expect(row[6] == record.kind.rawValue, sourceLocation: sourceLocation)
            #expect(row[8] == (record.event.step.map(expectedCell) ?? ""), sourceLocation: sourceLocation)
            #expect(row[9] == expectedCell(strings.exercisePrefix + ": " + entry.description), sourceLocation: sourceLocation)
            #expect(row[10] == (entry.text.map(expectedCell) ?? ""), "seq \(record.seq)", sourceLocation: sourceLocation)
            #expect(row[11] == record.hash, sourceLocation: sourceLocation)
        }
        // No cell a spreadsheet would run.
        for row in rows.dropFirst() {
            for cell in row {
                let first = cell.unicodeScalars.first
                #expect(first != "=" && first != "+" && first != "-" && first != "@" && first != "\t" && first != "\r",
                        "cell starts a formula: \(cell.prefix(30))", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func formulaCellsAreNeutralisedWithAQuote() throws {
        let rows = try CSVReader.read(try Self.render(.csv))
        let texts = rows.map { $0[10] }
        for (note, cell) in [(ExportFixtures.formula, "'=HYPERLINK(\"http://x\")"), (ExportFixtures.sum, "'@SUM(1)"),
                             (ExportFixtures.plus, "'+1"), (ExportFixtures.minus, "'-1"),
                             (ExportFixtures.tab, "' indented"), (ExportFixtures.carriageReturn, "'\u{240D}return")] {
            #expect(texts.contains(cell), "\(note.debugDescription) → \(cell.debugDescription)")
        }
        let csv = try Self.render(.csv)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }

    // MARK: JSON, Timesketch, Markdown

    @Test(.enabled(if: Python.isAvailable))
    func jsonKeepsEveryTextExactly() throws {
        let input = try Self.input()
        let json = TimelineExport.render(input, format: .json)
        #expect(json.contains("\\u001b[31mRED\\u001b[0m\\u001b]0;title\\u0007"))
        #expect(json.contains("abc\\u202ecba\\u2066x\\u2069"))
        let program = """
            import sys, json
            doc = json.load(open(sys.argv[1], encoding='utf-8'))
            for e in doc['events']:
                if e['kind'] == 'note_added':
                    print(json.dumps(e['data']['text'], ensure_ascii=True))
            """
        let outcome = try #require(Python.run(program, input: json))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let decoded = try JSONArrayReader.strings(outcome.stdout)
        #expect(decoded == ExportFixtures.hostileNotes)
    }

    @Test func timesketchLinesEscapeEverything() throws {
        let lines = try Self.render(.timesketch).split(separator: "\n")
        for line in lines {
            #expect(line.hasPrefix("{\"message\":\"") && line.hasSuffix("}"))
        }
        // The responder's exact text is in the JSON export; here quotes and backslashes are escaped.
        #expect(lines.contains { $0.contains("=HYPERLINK(\\\"http://x\\\")") })
        // Messages are for reading: controls made visible; exercise lines say so.
        #expect(lines.allSatisfy { $0.contains("\"message\":\"ØVELSE") })
        #expect(lines.contains { $0.contains("␛[31mRED") })
    }

    @Test func markdownMakesNoMarkupFromTheJournal() throws {
        let md = try Self.render(.markdown)
        // Every < > [ ] ` * _ | from the journal is backslash-escaped.
        let scalars = Array(md.unicodeScalars)
        for index in scalars.indices where "<>[]`|".unicodeScalars.contains(scalars[index]) && scalars[index] != "|" {
            #expect(index > 0 && scalars[index - 1] == "\\", "unescaped \(scalars[index]) at \(index)")
        }
        #expect(md.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(!md.contains("[link](javascript"))
        #expect(md.contains("\\[link\\](javascript:alert(1))"))
        #expect(md.hasPrefix("**ØVELSE ØVELSE ØVELSE**\n"))
        #expect(md.hasSuffix("**ØVELSE ØVELSE ØVELSE**\n"))
        // Every table row keeps its cell count: no pipe from a note splits a cell.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            let pipes = line.unicodeScalars.indices.filter { index in
                line.unicodeScalars[index] == "|"
                    && (index == line.unicodeScalars.startIndex
                        || line.unicodeScalars[line.unicodeScalars.index(before: index)] != "\\")
            }
            #expect([5, 7, 8, 9, 10].contains(pipes.count), "\(line.prefix(80))")
        }
    }
}

extension String {
    /// The text between the first `start` and the next `end` after it.
    func between(_ start: String, _ end: String) -> String {
        guard let from = firstRange(of: start)?.upperBound else { return "" }
        guard let to = self[from...].firstRange(of: end)?.lowerBound else { return String(self[from...]) }
        return String(self[from..<to])
    }

    func trimmingSuffix(_ character: Character) -> String {
        var text = self
        while text.last == character { text.removeLast() }
        return text
    }
}
