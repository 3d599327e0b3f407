import IncidentEngine

/// The timeline as a report for people, in GitHub-flavoured Markdown: the
/// facts, the summary (phases, steps, deadlines, decisions, notes), then
/// every event in a table with its date, local time and UTC. Every text is
/// sanitised (no control or bidi character survives) and escaped, so nothing
/// a responder wrote can become markup.
struct MarkdownExportRenderer {
    let input: ExportInput

    func render<Output: ExportOutput>(into output: inout Output) throws {
        let digest = IncidentDigest(input)
        let sections = ReportSections(digest)
        let s = sections.strings
        var w = ExportWriter()
        if input.isExercise { w.raw("**\(s.exerciseMarking)**\n\n") }
        w.raw("# ")
        Self.line(s.timelineTitle(sections.title), atLineStart: false, &w)
        w.raw("\n\n")
        Self.facts(sections.facts(), &w)
        w.byte(UInt8(ascii: "\n"))
        Self.line(s.timesNote, &w)
        w.raw("\n\n## \(s.summary)\n\n### \(s.phases)\n\n")
        Self.table(sections.phaseTable(), &w)
        w.raw("\n### \(s.steps)\n\n")
        Self.table(sections.stepTable(), &w)
        w.raw("\n### \(s.deadlines)\n\n")
        if input.playbook.deadlines.isEmpty { w.raw(s.noDeadlines + "\n") } else { Self.table(sections.deadlineTable(), &w) }
        w.raw("\n### \(s.decisions)\n\n")
        if input.state.decisions.isEmpty { w.raw(s.noDecisions + "\n") } else { Self.table(sections.decisionTable(), &w) }
        try w.flushIfFull(into: &output)
        w.raw("\n### \(s.notes)\n\n")
        if input.state.notes.isEmpty {
            w.raw(s.noNotes + "\n")
        } else {
            for note in input.state.notes {
                Self.note(sections.noteItem(note), &w)
                try w.flushIfFull(into: &output)
            }
        }
        let anomalies = sections.anomalyLines()
        if !anomalies.isEmpty {
            w.raw("\n### \(s.anomalies)\n\n")
            Self.line(s.anomaliesNote, &w)
            w.raw("\n\n")
            for anomaly in anomalies {
                w.raw("- ")
                Self.line(anomaly, atLineStart: false, &w)
                w.byte(UInt8(ascii: "\n"))
            }
        }
        w.raw("\n## \(s.timeline)\n\n")
        Self.row(sections.timelineHeaders, &w)
        Self.rule(sections.timelineHeaders.count, numeric: [0], &w)

        var describer = sections.labels
        let order = TimelineOrder(records: input.records, playbook: input.playbook)
        try input.records.withUnsafeBufferPointer { records in
            for index in order.order {
                let entry = describer.entry(records[index], phase: order.phase(ofRecordAt: index))
                Self.timelineRow(records[index], entry, describer.stageNames, s.recordedPrefix, &w)
                try w.flushIfFull(into: &output)
            }
        }
        if input.isExercise { w.raw("\n**\(s.exerciseMarking)**\n") }
        try w.flush(into: &output)
    }

    /// `| 12 | 2026-11-29 | 04:35:00 +01:00 | 03:35:00Z | ola | Begrensning | Steg fullført: … |`
    static func timelineRow(
        _ record: borrowing EventRecord, _ entry: TimelineEntry, _ stageNames: [String], _ recordedPrefix: String,
        _ w: inout ExportWriter
    ) {
        w.raw("| ")
        w.int(record.seq)
        w.raw(" | ")
        TimeCells.localDate(record.occurred, &w)
        w.raw(" | ")
        TimeCells.localTime(record.occurred, recorded: record.recorded, recordedPrefix, &w)
        w.raw(" | ")
        TimeCells.utc(record.occurred, &w)
        w.raw(" | ")
        cell(record.actor, &w)
        w.raw(" | ")
        if let phase = entry.phaseIndex { cell(stageNames[phase], &w) } else { w.raw("–") }
        w.raw(" | ")
        let start = w.count
        var trim = true
        w.text(entry.description, as: .markdown, trimLeading: &trim)
        if let text = entry.text {
            w.text(": ", as: .markdown, trimLeading: &trim)
            w.text(text, as: .markdown, trimLeading: &trim)
        }
        w.trimSpaces(since: start)
        w.raw(" |\n")
    }

    // MARK: Markdown pieces (shared with the review)

    /// One table cell: sanitised, on one line, trimmed, escaped.
    static func cell(_ text: String, _ w: inout ExportWriter) {
        let start = w.count
        var trim = true
        w.text(text, as: .markdown, trimLeading: &trim)
        w.trimSpaces(since: start)
    }

    /// One line of untrusted text (as `MarkdownEscaper.inline`): at the start
    /// of a line, a leading `- `, `+`, `=` or `1.` is escaped too.
    static func line(_ text: String, atLineStart: Bool = true, _ w: inout ExportWriter) {
        let start = w.count
        cell(text, &w)
        guard atLineStart, let first = w.byte(at: start) else { return }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            w.insert(UInt8(ascii: "\\"), at: start)
            return
        }
        var position = start
        while let digit = w.byte(at: position), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { position += 1 }
        let digits = position - start
        if digits > 0, digits <= 9, let marker = w.byte(at: position), marker == UInt8(ascii: ".") || marker == UInt8(ascii: ")") {
            w.insert(UInt8(ascii: "\\"), at: position)
        }
    }

    /// One line of untrusted text as a String (headings and the like).
    static func inline(_ text: String, atLineStart: Bool = true) -> String {
        var w = ExportWriter()
        line(text, atLineStart: atLineStart, &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func facts(_ facts: [(label: String, value: String)], _ w: inout ExportWriter) {
        for fact in facts {
            w.raw("- **")
            line(fact.label, atLineStart: false, &w)
            w.raw(":** ")
            line(fact.value, atLineStart: false, &w)
            w.byte(UInt8(ascii: "\n"))
        }
    }

    static func row(_ cells: [String], _ w: inout ExportWriter) {
        w.raw("|")
        for text in cells {
            w.byte(UInt8(ascii: " "))
            cell(text, &w)
            w.raw(" |")
        }
        w.byte(UInt8(ascii: "\n"))
    }

    static func rule(_ count: Int, numeric: Set<Int>, _ w: inout ExportWriter) {
        w.raw("|")
        for index in 0..<count { w.raw(numeric.contains(index) ? " ---: |" : " --- |") }
        w.byte(UInt8(ascii: "\n"))
    }

    static func table(_ table: ReportTable, _ w: inout ExportWriter) {
        row(table.headers, &w)
        rule(table.headers.count, numeric: table.numeric, &w)
        for cells in table.rows { row(cells, &w) }
    }

    /// A note: the heading in bold, the text on the next line, the correction in italics.
    static func note(_ item: ReportSections.NoteItem, _ w: inout ExportWriter) {
        w.raw("- **")
        line(item.heading, atLineStart: false, &w)
        w.raw("**  \n  ")
        line(item.text, &w)
        w.byte(UInt8(ascii: "\n"))
        if let correction = item.correction {
            w.raw("  *")
            line(correction, atLineStart: false, &w)
            w.raw("*\n")
        }
    }
}
