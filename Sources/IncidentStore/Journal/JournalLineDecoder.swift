import IncidentEngine

/// Reads a journal line written in the canonical shape straight into an
/// `EventRecord`, without building a JSON tree.
///
/// Every line vakt writes has the same envelope, byte for byte:
/// `{"seq":N,"occurred":"T","recorded":"T","actor":"A","kind":"K","data":{…},"prev":"<64 hex>","hash":"<64 hex>"}`,
/// so the fixed parts can be matched and the times parsed in place, and
/// `data` is read by `EventDataDecoder` in its kind's fixed key order. A line
/// of any other shape (whitespace, escapes in the actor, another key order,
/// a value the engine would refuse) is left alone, and the caller reads it
/// the general way, which accepts what is valid and names what is wrong: the
/// result is the same record either way, this is only faster. Reading a
/// million events is dominated by this function.
enum JournalLineDecoder {
    /// `,"prev":"` + 64 + `","hash":"` + 64 + `"}`.
    private static let tailLength = 9 + 64 + 10 + 64 + 2

    /// Decodes a canonically shaped line and appends its record to `records`;
    /// false (nothing appended) for any other shape (then read it with `JSONParser`).
    ///
    /// - Parameters:
    ///   - canonical: also false unless the line is exactly the store's encoding
    ///     of the record. The literal match already fixes most of that (key
    ///     order, no whitespace, no escapes in actor and kind, digits without
    ///     leading zeros, lower-case hex); what is left is the spelling of the
    ///     two times and of `data`, which are re-encoded and compared.
    ///   - records: the records of the lines before this one, if any. A line's
    ///     `prev` is the `hash` of the line before, and its actor is often the
    ///     same: the new record shares those strings rather than allocating them again.
    static func decode(_ line: UnsafeRawBufferPointer, canonical: Bool = false, appendingTo records: RecordBuffer) -> Bool {
        do {
            try decodeCanonicalShape(line, canonical: canonical, appendingTo: records)
            return true
        } catch {
            return false
        }
    }

    /// The record of a canonically shaped line, or nil, knowing nothing of the line before.
    static func decode(_ line: UnsafeRawBufferPointer, canonical: Bool = false) -> EventRecord? {
        let records = RecordBuffer(capacity: 1)
        guard decode(line, canonical: canonical, appendingTo: records) else { return nil }
        return records[0]
    }

    private static func decodeCanonicalShape(
        _ line: UnsafeRawBufferPointer, canonical: Bool, appendingTo records: RecordBuffer
    ) throws(JournalByteCursor.NotCanonical) {
        // The line before, whose hash and actor this line's record shares when it repeats them.
        let previous = records.count > 0 ? records.count - 1 : nil
        let tailStart = line.count - tailLength
        guard tailStart > 0 else { throw .init() }
        var cursor = JournalByteCursor(line)
        try cursor.expect(#"{"seq":"#)
        let seq = try cursor.positiveInteger()
        try cursor.expect(#","occurred":"#)
        let occurredStart = cursor.index
        let occurred = try cursor.timestamp()
        let occurredEnd = cursor.index
        try cursor.expect(#","recorded":"#)
        let recordedStart = cursor.index
        let recorded = try cursor.timestamp()
        let recordedEnd = cursor.index
        try cursor.expect(#","actor":""#)
        let actorSpan = try cursor.plainSpan()
        guard !actorSpan.isEmpty else { throw .init() }
        let actor: String
        if let previous, JournalByteCursor.same(records[previous].actor, actorSpan) {
            actor = records[previous].actor
        } else {
            guard let text = JSONParser.string(validating: actorSpan) else { throw .init() }
            actor = text
        }
        try cursor.expect(#","kind":""#)
        guard let kind = EventDataDecoder.kind(named: try cursor.plainSpan()) else { throw .init() }
        try cursor.expect(#","data":"#)
        guard tailStart > cursor.index else { throw .init() }
        let dataBytes = UnsafeRawBufferPointer(rebasing: line[cursor.index..<tailStart])
        var data = JournalByteCursor(dataBytes)
        let event = try EventDataDecoder.decode(kind, &data)

        var tail = JournalByteCursor(line, at: tailStart)
        try tail.expect(#","prev":""#)
        let prevSpan = try tail.hex64Span()
        let prev: String
        if let previous, JournalByteCursor.same(records[previous].hash, prevSpan) {
            prev = records[previous].hash
        } else {
            prev = String(decoding: prevSpan.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
        try tail.expect(#"","hash":""#)
        let hash = try tail.hex64()
        try tail.expect(#""}"#)

        if canonical {
            // Quoted times: the spans include the quotes the cursor consumed.
            let occurredText = UnsafeRawBufferPointer(rebasing: line[(occurredStart + 1)..<(occurredEnd - 1)])
            let recordedText = UnsafeRawBufferPointer(rebasing: line[(recordedStart + 1)..<(recordedEnd - 1)])
            let data = CanonicalJSON.encode(event.data)
            guard JSONParser.sameBytes(occurred.rfc3339, occurredText), JSONParser.sameBytes(recorded.rfc3339, recordedText),
                  data.withUnsafeBytes({ JSONParser.sameBytes($0, dataBytes) })
            else { throw .init() }
        }
        records.append(
            EventRecord(seq: seq, occurred: occurred, recorded: recorded, actor: actor, event: event, prev: prev, hash: hash))
    }
}
