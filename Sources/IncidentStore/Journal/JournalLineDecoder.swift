import Glibc
import IncidentEngine

/// Reads a journal line written in the canonical shape straight into an
/// `EventRecord`, without building a JSON tree for the envelope.
///
/// Every line vakt writes has the same envelope, byte for byte:
/// `{"seq":N,"occurred":"T","recorded":"T","actor":"A","kind":"K","data":{…},"prev":"<64 hex>","hash":"<64 hex>"}`,
/// so the fixed parts can be matched and the times parsed in place; only
/// `data` (a small object) goes through `JSONParser`. A line of any other
/// shape (whitespace, escapes in the actor, another key order) returns nil,
/// and the caller reads it the general way, which accepts what is valid and
/// names what is wrong: the result is the same record either way, this is
/// only faster. Reading a million events is dominated by this function.
enum JournalLineDecoder {
    private static let seqPrefix = Array(#"{"seq":"#.utf8)
    private static let occurredKey = Array(#","occurred":""#.utf8)
    private static let recordedKey = Array(#"","recorded":""#.utf8)
    private static let actorKey = Array(#"","actor":""#.utf8)
    private static let kindKey = Array(#"","kind":""#.utf8)
    private static let dataKey = Array(#"","data":"#.utf8)
    private static let prevKey = Array(#","prev":""#.utf8)
    private static let hashKey = Array(#"","hash":""#.utf8)
    /// `,"prev":"` + 64 + `","hash":"` + 64 + `"}`.
    private static let tailLength = prevKey.count + 64 + hashKey.count + 64 + 2

    /// The record of a canonically shaped line, or nil (then read it with `JSONParser`).
    ///
    /// With `canonical` set, also nil unless the line is exactly the store's
    /// encoding of the record. The envelope's literal match already fixes
    /// most of that (key order, no whitespace, no escapes in actor and kind,
    /// digits without leading zeros, lower-case hex); what is left is the
    /// spelling of the two times and of `data`, which are re-encoded and compared.
    static func decode(_ line: UnsafeRawBufferPointer, canonical: Bool = false) -> EventRecord? {
        var cursor = Cursor(bytes: line)
        guard cursor.expect(seqPrefix), let seq = cursor.positiveInteger(),
              cursor.expect(occurredKey)
        else { return nil }
        let occurredStart = cursor.index
        guard let occurred = cursor.timestamp() else { return nil }
        let occurredEnd = cursor.index
        guard cursor.expect(recordedKey) else { return nil }
        let recordedStart = cursor.index
        guard let recorded = cursor.timestamp() else { return nil }
        let recordedEnd = cursor.index
        guard cursor.expect(actorKey), let actor = cursor.plainString(), !actor.isEmpty,
              cursor.expect(kindKey), let kind = cursor.plainString(),
              cursor.expect(dataKey)
        else { return nil }
        let tailStart = line.count - tailLength
        guard tailStart > cursor.index, line[tailStart - 1] == UInt8(ascii: "}") else { return nil }
        var tail = Cursor(bytes: line, index: tailStart)
        guard tail.expect(prevKey), let prev = tail.hex64(), tail.expect(hashKey), let hash = tail.hex64(),
              tail.expect([UInt8(ascii: "\""), UInt8(ascii: "}")])
        else { return nil }
        let dataBytes = UnsafeRawBufferPointer(rebasing: line[cursor.index..<tailStart])
        guard let data = try? JSONParser.parse(dataBytes), let event = try? IncidentEvent(kind: kind, data: data)
        else { return nil }
        if canonical {
            let data = CanonicalJSON.encode(event.data)
            guard JSONParser.sameBytes(occurred.rfc3339, UnsafeRawBufferPointer(rebasing: line[occurredStart..<occurredEnd])),
                  JSONParser.sameBytes(recorded.rfc3339, UnsafeRawBufferPointer(rebasing: line[recordedStart..<recordedEnd])),
                  data.withUnsafeBytes({ JSONParser.sameBytes($0, dataBytes) })
            else { return nil }
        }
        return EventRecord(
            seq: seq, occurred: occurred, recorded: recorded, actor: actor, event: event, prev: prev, hash: hash)
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func expect(_ literal: [UInt8]) -> Bool {
            guard bytes.count - index >= literal.count, let base = bytes.baseAddress else { return false }
            let same = literal.withUnsafeBytes { expected in
                expected.baseAddress.map { memcmp(base + index, $0, expected.count) == 0 } ?? true
            }
            guard same else { return false }
            index += literal.count
            return true
        }

        /// 1…Int.max without a leading zero or sign.
        mutating func positiveInteger() -> Int? {
            let start = index
            var value = 0
            while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.addingReportingOverflow(Int(digit))
                guard !overflow1, !overflow2 else { return nil }
                value = next
                index += 1
            }
            guard index > start, bytes[start] != UInt8(ascii: "0") else { return nil }
            return value
        }

        /// The bytes up to the next `"`, which must hold no escape or control character.
        mutating func plainString() -> String? {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    return JSONParser.string(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        mutating func timestamp() -> Timestamp? {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
            guard index < bytes.count else { return nil }
            return Timestamp(rfc3339: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        }

        mutating func hex64() -> String? {
            guard bytes.count - index >= 64 else { return nil }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 64)])
            for byte in slice {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else { return nil }
            }
            index += 64
            return String(decoding: slice, as: UTF8.self)
        }
    }
}
