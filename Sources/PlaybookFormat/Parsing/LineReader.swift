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

    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next line; nil at the end of the input.
    mutating func nextLine() -> Line? {
        guard position < bytes.count else { return nil }
        lineNumber += 1
        let start = position
        let count = bytes.count
        var index = start

        // Indentation.
        var hasTab = false
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 {
                index += 1
            } else if byte == 0x09 {
                if !hasTab {
                    report(.tabIndentation, .error, "tab in indentation; indent with spaces", index, index + 1)
                }
                hasTab = true
                index += 1
            } else {
                break
            }
        }
        let contentStart = index
        var lastSignificant = index  // one past the last non-space byte

        // Content: find the end of the line, checking bytes as we go.
        var reportedOnLine = false
        while index < count {
            // Fast path: 8 bytes at a time while they are all printable ASCII or spaces.
            if let base = bytes.baseAddress {
                while index &+ 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let highOrDelete = (word | (word &+ 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080
                    let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    if highOrDelete | belowSpace != 0 { break }
                    let nonSpace = word ^ 0x2020_2020_2020_2020
                    if nonSpace != 0 { lastSignificant = index &+ 8 &- nonSpace.leadingZeroBitCount / 8 }
                    index &+= 8
                }
                if index >= count { break }
            }
            let byte = bytes[index]
            if byte >= 0x21 && byte < 0x7F {
                index += 1
                lastSignificant = index
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            if byte == 0x0A { break }
            if byte < 0x80 {
                // NUL, other C0 controls, DEL; a CR is fine only right before LF or at the end.
                if byte == 0x0D, index + 1 == count || bytes[index + 1] == 0x0A {
                    index += 1
                    continue
                }
                if !reportedOnLine {
                    reportedOnLine = true
                    if byte == 0 {
                        report(.nulByte, .error, "NUL byte in text", index, index + 1)
                    } else {
                        report(.controlCharacter, .error, "control character \(Self.codePoint(UInt32(byte))) in text", index, index + 1)
                    }
                }
                index += 1
                lastSignificant = index
                continue
            }
            // Non-ASCII: decode one scalar and check it.
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
            } else if !reportedOnLine {
                reportedOnLine = true
                report(.invalidUTF8, .error, "invalid UTF-8 byte 0x\(String(bytes[index], radix: 16, uppercase: true))", index, index + 1)
            }
            index += length
            lastSignificant = index
        }
        let lineEnd = index
        position = index < count ? index + 1 : index
        var contentEnd = max(lastSignificant, contentStart)
        // Trailing `\r` of a CRLF ending is not content.
        if contentEnd > contentStart, contentEnd == lineEnd, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return Line(
            number: lineNumber, start: start, indent: contentStart - start,
            contentStart: contentStart, contentEnd: contentEnd, next: position, hasTabIndent: hasTab
        )
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
