import IncidentEngine

/// The timeline as JSON Lines that Timesketch imports as they are, to merge
/// the response with the forensic timelines: one object per journal record
/// with `message`, `datetime` (ISO 8601, milliseconds, offset), `timestamp`
/// (microseconds since the epoch) and `timestamp_desc`, then vakt's own
/// fields. The time is when it happened (`occurred`); a back-dated record
/// says so in `timestamp_desc` and keeps its `recorded` time.
///
/// An exercise's every message starts with the exercise word, and a marking
/// line comes first and last, so a merged timeline never passes an exercise
/// off as a real incident.
struct TimesketchExportRenderer {
    static let occurred = "Occurred"
    static let backdated = "Occurred (back-dated)"
    static let markingDescription = "Exercise marking"
    static let dataType = "vakt:incident:event"

    let input: ExportInput

    func render<Output: ExportOutput>(into output: inout Output) throws {
        var writer = ExportWriter()
        var describer = EventDescriber(playbook: input.playbook, language: input.language)
        let strings = describer.strings
        let exercise = input.isExercise
        let first = input.state.firstOccurred ?? input.now
        let last = input.state.lastOccurred ?? input.now
        // The fields every line repeats, escaped once.
        var piece = ExportWriter()
        piece.raw(",\"incident_id\":")
        piece.jsonString(input.incidentID)
        piece.raw(",\"playbook\":")
        piece.jsonString(input.state.opening?.playbookID ?? input.playbook.id.value)
        piece.raw(exercise ? ",\"exercise\":true" : ",\"exercise\":false")
        let shared = piece.bytes
        var prefix = ExportWriter()
        if exercise { prefix.text(strings.exercisePrefix + ": ", as: .jsonLine) }
        let messagePrefix = prefix.bytes
        let stages = describer.stageNames.map { name -> [UInt8] in
            var label = ExportWriter()
            label.text("[" + name + "] ", as: .jsonLine)
            return label.bytes
        }

        if exercise { marking(&writer, at: first, strings, shared) }
        try input.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                let entry = describer.entry(records[index])
                line(records[index], entry, messagePrefix, entry.phaseIndex.map { stages[$0] }, shared, describer, &writer)
                try writer.flushIfFull(into: &output)
            }
        }
        if exercise { marking(&writer, at: last, strings, shared) }
        try writer.flush(into: &output)
    }

    private func line(
        _ record: borrowing EventRecord, _ entry: TimelineEntry, _ prefix: [UInt8], _ stage: [UInt8]?,
        _ shared: [UInt8], _ describer: borrowing EventDescriber, _ writer: inout ExportWriter
    ) {
        let backdated = record.occurred < record.recorded
        writer.raw("{\"message\":\"")
        writer.raw(prefix)
        if let stage { writer.raw(stage) }
        writer.text(entry.description, as: .jsonLine)
        if let text = entry.text {
            writer.raw(": ")
            writer.text(text, as: .jsonLine)
        }
        writer.raw("\",\"datetime\":\"")
        writer.timestamp(record.occurred, alwaysOffset: true)
        writer.raw("\",\"timestamp\":")
        writer.int(record.occurred.millisecondsSinceEpoch * 1_000)
        writer.raw(",\"timestamp_desc\":")
        writer.jsonString(backdated ? Self.backdated : Self.occurred)
        writer.raw(",\"seq\":")
        writer.int(record.seq)
        writer.raw(",\"recorded\":\"")
        writer.timestamp(record.recorded, alwaysOffset: true)
        writer.raw(backdated ? "\",\"backdated\":true,\"actor\":" : "\",\"backdated\":false,\"actor\":")
        writer.jsonString(record.actor)
        writer.raw(",\"kind\":\"")
        writer.raw(record.kind.rawValue)
        writer.raw("\",\"phase\":")
        if let stage = describer.stageID(entry.phaseIndex) {
            writer.byte(UInt8(ascii: "\""))
            writer.raw(stage)
            writer.byte(UInt8(ascii: "\""))
        } else {
            writer.raw("null")
        }
        writer.raw(",\"step\":")
        if let step = record.event.step { writer.jsonString(step) } else { writer.raw("null") }
        writer.raw(shared)
        writer.raw(",\"entry_hash\":")
        writer.jsonString(record.hash)
        writer.raw(",\"data_type\":")
        writer.jsonString(Self.dataType)
        writer.raw("}\n")
    }

    /// A line that says "ØVELSE ØVELSE ØVELSE" at the first or last time of the timeline.
    private func marking(_ writer: inout ExportWriter, at time: Timestamp, _ strings: ExportStrings, _ shared: [UInt8]) {
        writer.raw("{\"message\":")
        writer.jsonString(strings.exerciseMarking)
        writer.raw(",\"datetime\":\"")
        writer.timestamp(time, alwaysOffset: true)
        writer.raw("\",\"timestamp\":")
        writer.int(time.millisecondsSinceEpoch * 1_000)
        writer.raw(",\"timestamp_desc\":")
        writer.jsonString(Self.markingDescription)
        writer.raw(",\"kind\":\"exercise_marking\"")
        writer.raw(shared)
        writer.raw(",\"data_type\":")
        writer.jsonString(Self.dataType)
        writer.raw("}\n")
    }
}
