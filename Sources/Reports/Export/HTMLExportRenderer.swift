import IncidentEngine

/// The timeline as one self-contained HTML5 page: inline CSS, an inline SVG
/// chart, no scripts and no external references, so it opens offline and
/// prints as it looks. The facts and summary come first, then every event
/// in a table. Every text is sanitised and HTML-escaped; the only attribute
/// values are ones this renderer makes.
struct HTMLExportRenderer {
    let input: ExportInput

    func render<Output: ExportOutput>(into output: inout Output) throws {
        let digest = IncidentDigest(input)
        let sections = ReportSections(digest)
        let s = sections.strings
        var w = ExportWriter()
        Self.head(title: s.timelineTitle(sections.title), language: input.language, &w)
        if input.isExercise { Self.marking(s, &w) }
        w.raw("<header>\n<h1>")
        w.text(s.timelineTitle(sections.title), as: .html)
        w.raw("</h1>\n")
        Self.facts(sections.facts(), &w)
        Self.paragraph(s.timesNote, hint: true, &w)
        w.raw("</header>\n<section class=\"chart\">\n<h2>")
        w.text(s.chart, as: .html)
        w.raw("</h2>\n<figure class=\"chart\">\n")
        var chart = TimelineChart(digest, sections)
        w.raw(chart.render())
        w.raw("\n</figure>\n</section>\n<section class=\"summary\">\n")
        Self.heading(2, s.summary, &w)
        Self.heading(3, s.phases, &w)
        Self.table(sections.phaseTable(), &w)
        Self.heading(3, s.steps, &w)
        Self.table(sections.stepTable(), &w)
        Self.heading(3, s.deadlines, &w)
        if input.playbook.deadlines.isEmpty { Self.paragraph(s.noDeadlines, &w) } else { Self.table(sections.deadlineTable(), &w) }
        Self.heading(3, s.decisions, &w)
        if input.state.decisions.isEmpty { Self.paragraph(s.noDecisions, &w) } else { Self.table(sections.decisionTable(), &w) }
        try w.flushIfFull(into: &output)
        Self.heading(3, s.notes, &w)
        if input.state.notes.isEmpty {
            Self.paragraph(s.noNotes, &w)
        } else {
            w.raw("<ul class=\"notes\">\n")
            for note in input.state.notes {
                Self.note(sections.noteItem(note), &w)
                try w.flushIfFull(into: &output)
            }
            w.raw("</ul>\n")
        }
        let anomalies = sections.anomalyLines()
        if !anomalies.isEmpty {
            Self.heading(3, s.anomalies, &w)
            Self.paragraph(s.anomaliesNote, &w)
            Self.list(anomalies, &w)
        }
        w.raw("</section>\n<section class=\"timeline\">\n")
        Self.heading(2, s.timeline, &w)
        w.raw("<table class=\"timeline\">\n<thead>")
        Self.headerRow(sections.timelineHeaders, &w)
        w.raw("</thead>\n<tbody>\n")

        var describer = sections.labels
        let order = TimelineOrder(records: input.records, playbook: input.playbook)
        try input.records.withUnsafeBufferPointer { records in
            for index in order.order {
                let entry = describer.entry(records[index], phase: order.phase(ofRecordAt: index))
                Self.timelineRow(records[index], entry, describer.stageNames, s.recordedPrefix, &w)
                try w.flushIfFull(into: &output)
            }
        }
        w.raw("</tbody>\n</table>\n</section>\n")
        if input.isExercise { Self.marking(s, &w) }
        w.raw("</body>\n</html>\n")
        try w.flush(into: &output)
    }

    static func timelineRow(
        _ record: borrowing EventRecord, _ entry: TimelineEntry, _ stageNames: [String], _ recordedPrefix: String,
        _ w: inout ExportWriter
    ) {
        w.raw(record.occurred < record.recorded ? "<tr class=\"backdated\"><td class=\"num\">" : "<tr><td class=\"num\">")
        w.int(record.seq)
        w.raw("</td><td class=\"time\">")
        TimeCells.localDate(record.occurred, &w)
        w.raw("</td><td class=\"time\">")
        TimeCells.localTime(record.occurred, recorded: record.recorded, recordedPrefix, &w)
        w.raw("</td><td class=\"time\">")
        TimeCells.utc(record.occurred, &w)
        w.raw("</td><td>")
        w.text(record.actor, as: .html)
        w.raw("</td><td>")
        if let phase = entry.phaseIndex { w.text(stageNames[phase], as: .html) } else { w.raw("–") }
        w.raw("</td><td>")
        w.text(entry.description, as: .html)
        if let text = entry.text {
            w.raw(": <span class=\"text\">")
            w.text(text, as: .htmlBlock)
            w.raw("</span>")
        }
        w.raw("</td></tr>\n")
    }

    // MARK: HTML pieces (shared with the review)

    /// The page's start; `extraCSS` (rules of the document's own) follows the shared style sheet.
    static func head(title: String, language: ReportLanguage, extraCSS: String = "", _ w: inout ExportWriter) {
        w.raw("<!DOCTYPE html>\n<html lang=\"")
        w.text(language.htmlLang, as: .html)
        w.raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        w.raw("<meta name=\"generator\" content=\"vakt\">\n<title>")
        w.text(title, as: .html)
        w.raw("</title>\n<style>\n")
        w.raw(ExportStyleSheet.css)
        if !extraCSS.isEmpty {
            w.byte(UInt8(ascii: "\n"))
            w.raw(extraCSS)
        }
        w.raw("\n</style>\n</head>\n<body>\n")
    }

    static func marking(_ strings: ExportStrings, _ w: inout ExportWriter) {
        w.raw("<div class=\"marking\">")
        w.text(strings.exerciseMarking, as: .html)
        w.raw("</div>\n")
    }

    /// Untrusted text on one line, as a string: controls made visible, then escaped.
    static func h(_ text: String) -> String {
        var w = ExportWriter()
        w.text(text, as: .html)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func heading(_ level: Int, _ text: String, _ w: inout ExportWriter) {
        w.raw("<h\(level)>")
        w.text(text, as: .html)
        w.raw("</h\(level)>\n")
    }

    static func paragraph(_ text: String, hint: Bool = false, _ w: inout ExportWriter) {
        w.raw(hint ? "<p class=\"hint\">" : "<p>")
        w.text(text, as: .html)
        w.raw("</p>\n")
    }

    static func list(_ items: [String], _ w: inout ExportWriter) {
        w.raw("<ul>\n")
        for item in items {
            w.raw("<li>")
            w.text(item, as: .html)
            w.raw("</li>\n")
        }
        w.raw("</ul>\n")
    }

    static func facts(_ facts: [(label: String, value: String)], _ w: inout ExportWriter) {
        w.raw("<dl class=\"fields\">\n")
        for fact in facts {
            w.raw("<dt>")
            w.text(fact.label, as: .html)
            w.raw("</dt><dd>")
            w.text(fact.value, as: .html)
            w.raw("</dd>\n")
        }
        w.raw("</dl>\n")
    }

    static func headerRow(_ headers: [String], _ w: inout ExportWriter) {
        w.raw("<tr>")
        for header in headers {
            w.raw("<th>")
            w.text(header, as: .html)
            w.raw("</th>")
        }
        w.raw("</tr>")
    }

    static func table(_ table: ReportTable, _ w: inout ExportWriter) {
        w.raw("<table>\n<thead>")
        headerRow(table.headers, &w)
        w.raw("</thead>\n<tbody>\n")
        for cells in table.rows {
            w.raw("<tr>")
            for (index, cell) in cells.enumerated() {
                w.raw(cell.isEmpty ? "<td class=\"blank\">" : table.numeric.contains(index) ? "<td class=\"num\">" : "<td>")
                w.text(cell, as: .html)
                w.raw("</td>")
            }
            w.raw("</tr>\n")
        }
        w.raw("</tbody>\n</table>\n")
    }

    static func note(_ item: ReportSections.NoteItem, _ w: inout ExportWriter) {
        w.raw("<li><strong>")
        w.text(item.heading, as: .html)
        w.raw("</strong><br><span class=\"text\">")
        w.text(item.text, as: .htmlBlock)
        w.raw("</span>")
        if let correction = item.correction {
            w.raw("<br><span class=\"correction\">")
            w.text(correction, as: .htmlBlock)
            w.raw("</span>")
        }
        w.raw("</li>\n")
    }

    static func notes(_ items: [ReportSections.NoteItem], _ w: inout ExportWriter) {
        w.raw("<ul class=\"notes\">\n")
        for item in items { note(item, &w) }
        w.raw("</ul>\n")
    }
}
