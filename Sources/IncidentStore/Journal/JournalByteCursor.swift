import Glibc
import IncidentEngine

/// A position in one journal line's bytes, for the readers that match the
/// store's canonical spelling in place (`JournalLineDecoder`, `EventDataDecoder`).
///
/// Every read either consumes exactly what it matched and returns it, or
/// throws `NotCanonical`. That error carries no reason on purpose: it only
/// means "not spelled the way the store writes it", and the caller then lets
/// the general JSON reader judge the whole line, so that what is accepted and
/// every error message stay the general reader's.
struct JournalByteCursor {
    /// The bytes are not in the store's canonical shape (which says nothing about whether they are valid).
    struct NotCanonical: Error {}

    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index == bytes.count }

    /// Consumes `literal` if the bytes continue with it; false (nothing consumed) otherwise.
    @inline(__always)
    mutating func skip(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            return false
        }
        index += count
        return true
    }

    /// Consumes `literal`, which must come next.
    @inline(__always)
    mutating func expect(_ literal: StaticString) throws(NotCanonical) {
        guard skip(literal) else { throw NotCanonical() }
    }

    /// True when the byte `distance` bytes ahead is `byte`.
    @inline(__always)
    func next(is byte: UInt8, at distance: Int) -> Bool {
        index + distance < bytes.count && bytes[index + distance] == byte
    }

    /// A positive integer as the store writes `seq`: digits only, no leading zero.
    mutating func positiveInteger() throws(NotCanonical) -> Int {
        try integer(atLeast: 1)
    }

    /// An integer of at least `minimum` (0 or more), spelled as the store writes it:
    /// digits only, no sign, no leading zero.
    mutating func integer(atLeast minimum: Int) throws(NotCanonical) -> Int {
        let start = index
        var value = 0
        while index < bytes.count, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int(digit))
            guard !overflow1, !overflow2 else { throw NotCanonical() }
            value = next
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0"), value >= minimum else { throw NotCanonical() }
        return value
    }

    /// `true` or `false`.
    mutating func bool() throws(NotCanonical) -> Bool {
        if skip("true") { return true }
        if skip("false") { return false }
        throw NotCanonical()
    }

    /// The text of a string whose opening quote was consumed, up to its closing
    /// quote (consumed, not returned); it must hold no escape or control character.
    /// For names and times, which the store never escapes.
    mutating func plainSpan() throws(NotCanonical) -> UnsafeRawBufferPointer {
        guard let base = bytes.baseAddress, index < bytes.count,
              let quote = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index)
        else { throw NotCanonical() }
        let end = base.distance(to: UnsafeRawPointer(quote))
        let span = UnsafeRawBufferPointer(rebasing: bytes[index..<end])
        // Without a branch per byte: whether any byte is a backslash or a control character.
        var refused: UInt8 = 0
        for byte in span {
            refused |= (byte == UInt8(ascii: "\\") ? 1 : 0) | (byte < 0x20 ? 1 : 0)
        }
        guard refused == 0 else { throw NotCanonical() }
        index = end + 1
        return span
    }

    /// A JSON string from its opening quote, escapes decoded by `JSONParser`'s
    /// own string reader, so that a string reads the same on either path.
    mutating func string() throws(NotCanonical) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""),
              let text = JSONParser.string(in: bytes, at: &index)
        else { throw NotCanonical() }
        return text
    }

    /// A string that must not be empty (ids).
    mutating func nonEmptyString() throws(NotCanonical) -> String {
        let text = try string()
        guard !text.isEmpty else { throw NotCanonical() }
        return text
    }

    /// A time in quotes, parsed from the bytes.
    mutating func timestamp() throws(NotCanonical) -> Timestamp {
        try expect("\"")
        // The store writes 24 bytes (`…00.000Z`) or 29 (`…00.000+01:00`): look for the closing
        // quote there first. The parser refuses a backslash or a quote, so the span cannot hide one.
        let span: UnsafeRawBufferPointer
        if let length = next(is: UInt8(ascii: "\""), at: 24) ? 24 : next(is: UInt8(ascii: "\""), at: 29) ? 29 : nil {
            span = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + length)])
            index += length + 1
        } else {
            span = try plainSpan()
        }
        guard let time = Timestamp(rfc3339: span) else { throw NotCanonical() }
        return time
    }

    /// 64 lower-case hex digits (no quotes).
    mutating func hex64() throws(NotCanonical) -> String {
        String(decoding: try hex64Span().assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    /// The span of 64 lower-case hex digits (no quotes).
    mutating func hex64Span() throws(NotCanonical) -> UnsafeRawBufferPointer {
        guard bytes.count - index >= 64 else { throw NotCanonical() }
        let digits = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + 64)])
        // Without branches: hex digits are random, so a branch per byte would be mispredicted half the time.
        var notHex: UInt8 = 0
        for byte in digits {
            let notDigit: UInt8 = byte &- UInt8(ascii: "0") < 10 ? 0 : 1
            let notLetter: UInt8 = byte &- UInt8(ascii: "a") < 6 ? 0 : 1
            notHex |= notDigit & notLetter
        }
        guard notHex == 0 else { throw NotCanonical() }
        index += 64
        return digits
    }

    /// True when the UTF-8 of `text` is exactly `bytes`.
    @inline(__always)
    static func same(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        text.utf8.count == bytes.count
            && text.utf8.withContiguousStorageIfAvailable { same(UnsafeRawBufferPointer($0), bytes) } == true
    }

    /// True when the two spans hold the same bytes: eight at a time, inline,
    /// for the short names and hashes a line is made of (`memcmp` is a call each time).
    @inline(__always)
    static func same(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        let count = first.count
        guard count == second.count else { return false }
        var offset = 0
        while count - offset >= 8 {
            guard first.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < count {
            guard first[offset] == second[offset] else { return false }
            offset += 1
        }
        return true
    }
}
