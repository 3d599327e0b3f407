import IncidentEngine

/// The timeline as CSV for spreadsheets: RFC 4180 (comma separated, CRLF
/// between rows, quotes only where needed, a header row), UTF-8 without a
/// byte order mark, one row per journal record. Every text cell goes through
/// `ExportWriter.csvCell`, which neutralises formulas and control characters.
/// An exercise gets a marking row first and last (`kind` `exercise_marking`),
/// and every row's description starts with `ØVELSE: `, so that a row copied,
/// sorted or filtered away from the marking still says it was an exercise.
struct CSVExportRenderer {
    static let header = [
        "seq", "occurred", "occurred_utc", "recorded", "backdated", "actor", "kind", "phase", "step", "description",
        "text", "entry_hash",
    ]

    let input: ExportInput

    func render<Output: ExportOutput>(into output: inout Output) throws {
        var writer = ExportWriter()
        var describer = EventDescriber(playbook: input.playbook, language: input.language)
        writer.raw(Self.header.joined(separator: ","))
        writer.raw("\r\n")
        if input.isExercise { marking(&writer, describer.strings) }
        // Borrowed in place: a million records are not copied one by one.
        try input.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                row(records[index], describer.entry(records[index]), describer, &writer)
                try writer.flushIfFull(into: &output)
            }
        }
        if input.isExercise { marking(&writer, describer.strings) }
        try writer.flush(into: &output)
    }

    private func row(
        _ record: borrowing EventRecord, _ entry: TimelineEntry, _ describer: borrowing EventDescriber,
        _ writer: inout ExportWriter
    ) {
        writer.int(record.seq)
        writer.byte(UInt8(ascii: ","))
        writer.timestamp(record.occurred)
        writer.byte(UInt8(ascii: ","))
        writer.timestamp(record.occurred.withOffset(minutes: 0))
        writer.byte(UInt8(ascii: ","))
        writer.timestamp(record.recorded)
        writer.raw(record.occurred < record.recorded ? ",true," : ",false,")
        writer.csvCell(record.actor)
        writer.byte(UInt8(ascii: ","))
        writer.raw(record.kind.rawValue)
        writer.byte(UInt8(ascii: ","))
        if let stage = describer.stageID(entry.phaseIndex) { writer.raw(stage) }
        writer.byte(UInt8(ascii: ","))
        if let step = record.event.step { writer.csvCell(step) }
        writer.byte(UInt8(ascii: ","))
        writer.csvCell(input.isExercise ? describer.strings.exercisePrefix + ": " + entry.description : entry.description)
        writer.byte(UInt8(ascii: ","))
        if let text = entry.text { writer.csvCell(text) }
        writer.byte(UInt8(ascii: ","))
        writer.csvCell(record.hash)
        writer.raw("\r\n")
    }

    /// `,,,,,,exercise_marking,,,ØVELSE ØVELSE ØVELSE,,`
    private func marking(_ writer: inout ExportWriter, _ strings: ExportStrings) {
        writer.raw(",,,,,,exercise_marking,,,")
        writer.csvCell(strings.exerciseMarking)
        writer.raw(",,\r\n")
    }
}
