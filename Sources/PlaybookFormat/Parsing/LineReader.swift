/// Splits UTF-8 bytes into lines and checks every byte once on the way.
///
/// This is the only loop that touches every byte, so it is written for speed:
/// printable ASCII takes the fast path, and only bytes that may be a problem
/// (control characters, non-ASCII) get a closer look. Each problem is
/// reported once, at its exact line and column: NUL, invalid UTF-8, control
/// characters, bidirectional overrides, and tabs in indentation.
struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    private(set) var lineNumber: Int = 0
    /// Problems found while scanning, in file order.
    var problems: [(DiagnosticCode, Diagnostic.Severity, String, SourceSpan)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A leading byte-order mark is ignored.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        } else {
            position = 0
        }
    }

    /// Reads the next line; nil at the end of the input. (Inlined into `DocumentReader.advance()`,
    /// so that the line is not returned through memory: reading it back stalled the processor.)
    @inline(__always)
    mutating func nextLine() -> Line? {
        let count = bytes.count
        guard position < count, let base = bytes.baseAddress else { return nil }
        lineNumber &+= 1
        let start = position
        var index = start

        // Indentation: spaces 8 at a time, then one by one; a tab goes to the slow path.
        while index &+ 8 <= count {
            let notSpace = Self.word(base + index) ^ 0x2020_2020_2020_2020
            if notSpace != 0 {
                index &+= notSpace.trailingZeroBitCount &>> 3
                break
            }
            index &+= 8
        }
        while index < count, base[index] == 0x20 { index &+= 1 }
        let hasTab = index < count && base[index] == 0x09
        if hasTab { index = skipIndentationWithTab(from: index) }
        let contentStart = index

        // Content: find the end of the line, checking bytes as we go.
        var reportedOnLine = false
        var encoding = LineEncoding.ascii
        while index < count {
            // Fast path: printable ASCII 8 bytes at a time, stopping right at the first byte that needs a look.
            while index &+ 8 <= count {
                let special = Self.specialBytes(Self.word(base + index))
                if special != 0 {
                    index &+= special.trailingZeroBitCount &>> 3
                    break
                }
                index &+= 8
            }
            if index >= count { break }
            let byte = base[index]
            if byte >= 0x20 && byte < 0x7F || byte == 0x09 {
                index &+= 1
                continue
            }
            if byte == 0x0A { break }
            if byte < 0x80 {
                // A CR is fine only right before LF or at the end.
                if byte == 0x0D, index + 1 == count || base[index + 1] == 0x0A {
                    index &+= 1
                    continue
                }
                index = checkUnusualCharacter(at: index, reportedOnLine: &reportedOnLine, encoding: &encoding)
                continue
            }
            if encoding == .ascii { encoding = .utf8 }
            // Two-byte letters (æ, ø, å) other than the C1 controls: nothing to report.
            if byte >= 0xC2, byte <= 0xDF, index + 1 < count {
                let next = base[index + 1]
                if next & 0xC0 == 0x80, byte != 0xC2 || next >= 0xA0 {
                    index &+= 2
                    continue
                }
            }
            index = checkUnusualCharacter(at: index, reportedOnLine: &reportedOnLine, encoding: &encoding)
        }
        let lineEnd = index
        position = index < count ? index &+ 1 : index
        // A `\r` right before the line break (the only one that is not reported), and
        // trailing spaces and tabs, are not content.
        var contentEnd = lineEnd
        if contentEnd > contentStart, base[contentEnd - 1] == 0x0D { contentEnd &-= 1 }
        while contentEnd > contentStart, base[contentEnd - 1] == 0x20 || base[contentEnd - 1] == 0x09 { contentEnd &-= 1 }
        return Line(
            number: lineNumber, start: start, indent: contentStart - start, contentStart: contentStart,
            contentEnd: contentEnd, hasTabIndent: hasTab, encoding: encoding
        )
    }

    /// Checks the character at `index`: a control character (NUL, C0 or C1), DEL, or any
    /// non-ASCII character but a two-byte letter. Reports the first problem of a line, and
    /// returns where the character ends. (Out of line, so that preparing the messages costs
    /// the fast path nothing.)
    @inline(never)
    private mutating func checkUnusualCharacter(at index: Int, reportedOnLine: inout Bool,
                                                encoding: inout LineEncoding) -> Int {
        let byte = bytes[index]
        if byte < 0x80 {
            if !reportedOnLine {
                reportedOnLine = true
                if byte == 0 {
                    report(.nulByte, .error, "NUL byte in text", index, index + 1)
                } else {
                    report(.controlCharacter, .error, "control character \(Self.codePoint(UInt32(byte))) in text", index, index + 1)
                }
            }
            return index + 1
        }
        let (scalar, length) = decodeScalar(at: index)
        if let scalar {
            if !reportedOnLine {
                if (0x80...0x9F).contains(scalar) {
                    reportedOnLine = true
                    report(.controlCharacter, .error, "control character \(Self.codePoint(scalar)) in text", index, index + length)
                } else if (0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar) {
                    report(.bidiControl, .warning,
                           "bidirectional control character \(Self.codePoint(scalar)) can make text display differently from how it reads",
                           index, index + length)
                }
            }
        } else {
            encoding = .invalid
            if !reportedOnLine {
                reportedOnLine = true
                report(.invalidUTF8, .error, "invalid UTF-8 byte 0x\(String(bytes[index], radix: 16, uppercase: true))", index, index + 1)
            }
        }
        return index + length
    }

    /// The rest of an indentation that has a tab at `index` (reported once): spaces and tabs.
    private mutating func skipIndentationWithTab(from index: Int) -> Int {
        report(.tabIndentation, .error, "tab in indentation; indent with spaces", index, index + 1)
        var index = index + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// Eight bytes from `pointer`, the first in the lowest bits.
    @inline(__always)
    private static func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The high bit set in each byte of `word` that is a control character
    /// (line breaks and tabs included), DEL or not ASCII. Bytes above the
    /// first such byte may be flagged wrongly (borrows and carries), so only
    /// the lowest flag is exact: it is the one the reader uses.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let nonASCII = word & high
        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
        let delete = (word &+ 0x0101_0101_0101_0101) & ~word & high
        return nonASCII | belowSpace | delete
    }

    /// Decodes one UTF-8 scalar strictly; a nil scalar means the byte at `index` is invalid.
    private func decodeScalar(at index: Int) -> (UInt32?, Int) {
        let lead = bytes[index]
        let length = SourceFile.sequenceLength(leadByte: lead)
        guard length > 1, index + length <= bytes.count else { return (nil, 1) }
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid.
        switch length {
        case 3 where scalar < 0x800 || (0xD800...0xDFFF).contains(scalar): return (nil, 1)
        case 4 where scalar < 0x10000 || scalar > 0x10FFFF: return (nil, 1)
        default: return (scalar, length)
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ severity: Diagnostic.Severity, _ message: String, _ from: Int, _ to: Int) {
        problems.append((code, severity, message, SourceSpan(start: from, end: to, line: lineNumber)))
    }

    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
