#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentEngine

/// The byte buffer every export is written into: digits, times and escaped
/// text go straight in as UTF-8, without a `String` per field, and the buffer
/// is handed to the output whenever it passes a megabyte. A journal of a
/// million events is exported in a few seconds because of this (see
/// `vakt-bench export`).
///
/// Text goes in through `text(_:as:)`, which sanitises and escapes in one
/// pass over the UTF-8 for the target format; the rules are those of
/// `TextSanitizer`, `HTMLEscaper` and `MarkdownEscaper` (the tests check that
/// they agree), written for bytes.
struct ExportWriter: ~Copyable {
    /// How text is written.
    enum Target {
        /// A JSON string's content, exactly: quotes, backslashes, controls, C1,
        /// bidi marks and line separators as escapes.
        case json
        /// Sanitised (line breaks become spaces), then JSON-escaped: a message for reading.
        case jsonLine
        /// A CSV cell's content: sanitised (line breaks kept), quotes doubled.
        case csv
        /// A Markdown table cell or line: sanitised onto one line, syntax backslash-escaped.
        case markdown
        /// HTML text on one line: sanitised, `& < > " '` as entities.
        case html
        /// HTML text keeping its line breaks.
        case htmlBlock
    }

    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Bytes handed to the output so far.
    private(set) var flushed = 0
    static let chunkSize = 1 << 20

    init() {
        capacity = Self.chunkSize + (1 << 16)
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// What the buffer holds now (for tests and small pieces).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the buffer to `output` once it holds a chunk's worth.
    mutating func flushIfFull<Output: ExportOutput>(into output: inout Output) throws {
        if count >= Self.chunkSize { try flush(into: &output) }
    }

    mutating func flush<Output: ExportOutput>(into output: inout Output) throws {
        guard count > 0 else { return }
        try output.write(UnsafeRawBufferPointer(start: base, count: count))
        flushed += count
        count = 0
    }

    @inline(__always)
    private mutating func reserve(_ needed: Int) {
        if count + needed > capacity { grow(needed) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(capacity * 2, count + needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    // MARK: Raw pieces

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        reserve(1)
        base[count] = value
        count += 1
    }

    mutating func raw(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    mutating func raw(_ bytes: UnsafeBufferPointer<UInt8>) {
        raw(UnsafeRawBufferPointer(bytes))
    }

    /// Text this module wrote itself (labels, ids of its own): copied as it is.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { raw($0) }
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { raw($0) }
    }

    mutating func raw(_ utf8: [UInt8]) {
        utf8.withUnsafeBytes { raw($0) }
    }

    /// Puts `value` in at `position`, moving what follows one byte on (a
    /// Markdown line's start escape, found only after the line is written).
    mutating func insert(_ value: UInt8, at position: Int) {
        reserve(1)
        (base + position + 1).update(from: base + position, count: count - position)
        base[position] = value
        count += 1
    }

    /// The byte at `position` of what is written, if any.
    func byte(at position: Int) -> UInt8? {
        position < count ? base[position] : nil
    }

    /// Removes trailing spaces written since `start` (a Markdown cell's end).
    mutating func trimSpaces(since start: Int) {
        while count > start, base[count - 1] == UInt8(ascii: " ") { count -= 1 }
    }

    /// Two spaces per level.
    mutating func indent(_ level: Int) {
        reserve(2 * level)
        for _ in 0..<(2 * level) {
            base[count] = UInt8(ascii: " ")
            count += 1
        }
    }

    mutating func int(_ value: Int64) {
        reserve(20)
        if value < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var rest = value.magnitude
        var digits = 1
        var probe = rest
        while probe >= 10 { probe /= 10; digits += 1 }
        var index = count + digits - 1
        repeat {
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        } while rest > 0
        count += digits
    }

    mutating func int(_ value: Int) {
        int(Int64(value))
    }

    /// `value` as exactly `width` digits, zero-padded (value must fit).
    @inline(__always)
    mutating func padded(_ value: Int, _ width: Int) {
        reserve(width)
        var rest = value
        var index = count + width - 1
        while index >= count {
            base[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
        count += width
    }

    // MARK: Times

    /// RFC 3339 with milliseconds, as the journal spells it (`Z` for UTC),
    /// or with `alwaysOffset` as `+00:00` (what Timesketch's examples use).
    mutating func timestamp(_ time: Timestamp, alwaysOffset: Bool = false) {
        let c = time.components
        guard (0...9999).contains(c.year) else {
            // Only a broken clock writes such a time; the engine's own spelling clamps it.
            raw(time.rfc3339)
            return
        }
        date(c)
        byte(UInt8(ascii: "T"))
        clock(c)
        byte(UInt8(ascii: "."))
        padded(c.millisecond, 3)
        offset(time.offsetMinutes, alwaysOffset: alwaysOffset)
    }

    /// `2026-11-29`.
    mutating func date(_ c: Timestamp.Components) {
        padded(max(0, min(c.year, 9999)), 4)
        byte(UInt8(ascii: "-"))
        padded(c.month, 2)
        byte(UInt8(ascii: "-"))
        padded(c.day, 2)
    }

    /// `03:10:05`.
    mutating func clock(_ c: Timestamp.Components) {
        padded(c.hour, 2)
        byte(UInt8(ascii: ":"))
        padded(c.minute, 2)
        byte(UInt8(ascii: ":"))
        padded(c.second, 2)
    }

    /// `+01:00`, or `Z` for UTC unless `alwaysOffset`.
    mutating func offset(_ minutes: Int, alwaysOffset: Bool) {
        if minutes == 0 && !alwaysOffset {
            byte(UInt8(ascii: "Z"))
            return
        }
        byte(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        padded(abs(minutes) / 60, 2)
        byte(UInt8(ascii: ":"))
        padded(abs(minutes) % 60, 2)
    }

    // MARK: Text

    /// A JSON string, quoted (see `Target.json`).
    mutating func jsonString(_ text: String) {
        byte(UInt8(ascii: "\""))
        self.text(text, as: .json)
        byte(UInt8(ascii: "\""))
    }

    /// `text`, sanitised and escaped for `target`. For `.markdown`, leading
    /// spaces are dropped while `trimLeading` is true (it turns false at the
    /// first other character); trailing ones are the caller's to trim.
    mutating func text(_ text: String, as target: Target, trimLeading: inout Bool) {
        var text = text
        text.withUTF8 { utf8 in escape(utf8, target, &trimLeading) }
    }

    mutating func text(_ text: String, as target: Target) {
        var trim = false
        self.text(text, as: target, trimLeading: &trim)
    }

    /// The one pass over the UTF-8: safe runs are copied whole, everything
    /// else is replaced or escaped as `target` needs.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, _ target: Target, _ trimLeading: inout Bool) {
        let n = utf8.count
        guard n > 0, let source = utf8.baseAddress else { return }
        let sanitise = target != .json
        var run = 0  // start of the pending safe run
        var i = 0
        @inline(__always) func flushRun(_ end: Int) {
            if run < end {
                raw(UnsafeRawBufferPointer(start: source + run, count: end - run))
            }
        }
        let swar = target != .markdown && !trimLeading
        while i < n {
            // Eight plain bytes at a time: nothing to escape in them for this target.
            if swar, i + 8 <= n, Self.isPlain(UnsafeRawPointer(source + i).loadUnaligned(as: UInt64.self), target) {
                i += 8
                continue
            }
            let b = source[i]
            if b >= 0x20 && b < 0x7F {
                if trimLeading {
                    if b == 0x20 {
                        i += 1
                        run = i
                        continue
                    }
                    trimLeading = false
                }
                guard let escaped = Self.asciiEscape(b, target) else {
                    i += 1
                    continue
                }
                flushRun(i)
                raw(escaped)
                i += 1
                run = i
                continue
            }
            if b >= 0x80 {
                // Multi-byte: only C1 controls (C2 80–9F) and a few U+20xx marks matter.
                if b == 0xC2, i + 1 < n, source[i + 1] >= 0x80, source[i + 1] <= 0x9F {
                    if trimLeading { trimLeading = false }
                    flushRun(i)
                    if sanitise { raw(Self.replacementCharacter) } else { unicodeEscape(UInt32(source[i + 1])) }
                    i += 2
                    run = i
                    continue
                }
                if b == 0xE2, i + 2 < n {
                    let b1 = source[i + 1]
                    let b2 = source[i + 2]
                    let bidi = (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)
                    let mark = b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || b2 == 0xA8 || b2 == 0xA9)
                    if bidi || (mark && (target == .json || target == .jsonLine)) {
                        if trimLeading { trimLeading = false }
                        flushRun(i)
                        if bidi && sanitise {
                            raw(Self.replacementCharacter)
                        } else {
                            unicodeEscape(0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F))
                        }
                        i += 3
                        run = i
                        continue
                    }
                }
                if trimLeading { trimLeading = false }
                i += 1
                continue
            }
            // A C0 control or DEL.
            flushRun(i)
            if !sanitise {
                switch b {
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default: unicodeEscape(UInt32(b))
                }
                i += 1
                run = i
                continue
            }
            let keepLineBreaks = target == .csv || target == .htmlBlock
            switch b {
            case 0x0A:
                if keepLineBreaks {
                    byte(0x0A)
                    trimLeading = false
                } else if !trimLeading {
                    byte(0x20)
                }
            case 0x0D where keepLineBreaks && i + 1 < n && source[i + 1] == 0x0A:
                break  // CRLF reads as LF
            case 0x09:
                if !trimLeading { byte(0x20) }
            default:
                trimLeading = false
                // Control Pictures: U+2400 + the code (␀ … ␟), ␡ for DEL: E2 90 80+code / E2 90 A1.
                byte(0xE2)
                byte(0x90)
                byte(b == 0x7F ? 0xA1 : 0x80 + b)
            }
            i += 1
            run = i
        }
        flushRun(n)
    }

    /// True when none of the eight bytes in `word` needs a look: all are
    /// printable ASCII and none is one `target` escapes (the usual bit tricks:
    /// a byte below 0x20, a byte with the high bit, or a byte equal to a given one).
    @inline(__always)
    private static func isPlain(_ word: UInt64, _ target: Target) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        @inline(__always) func has(_ byte: UInt8) -> Bool { hasZero(word ^ (ones &* UInt64(byte))) }
        if word & highs != 0 { return false }  // non-ASCII
        if (word &- ones &* 0x20) & ~word & highs != 0 { return false }  // a control
        if has(0x7F) { return false }
        switch target {
        case .json, .jsonLine: return !has(UInt8(ascii: "\"")) && !has(UInt8(ascii: "\\"))
        case .csv: return !has(UInt8(ascii: "\""))
        case .html, .htmlBlock:
            return !has(UInt8(ascii: "&")) && !has(UInt8(ascii: "<")) && !has(UInt8(ascii: ">")) && !has(UInt8(ascii: "\""))
                && !has(UInt8(ascii: "'"))
        case .markdown: return false
        }
    }

    /// U+FFFD, what stands in for a C1 control or a bidi override.
    private static let replacementCharacter: StaticString = "\u{FFFD}"

    /// The escape of a printable ASCII byte in `target`, or nil to copy it.
    @inline(__always)
    private static func asciiEscape(_ b: UInt8, _ target: Target) -> StaticString? {
        switch target {
        case .json, .jsonLine:
            switch b {
            case UInt8(ascii: "\""): return "\\\""
            case UInt8(ascii: "\\"): return "\\\\"
            default: return nil
            }
        case .csv:
            return b == UInt8(ascii: "\"") ? "\"\"" : nil
        case .html, .htmlBlock:
            switch b {
            case UInt8(ascii: "&"): return "&amp;"
            case UInt8(ascii: "<"): return "&lt;"
            case UInt8(ascii: ">"): return "&gt;"
            case UInt8(ascii: "\""): return "&quot;"
            case UInt8(ascii: "'"): return "&#39;"
            default: return nil
            }
        case .markdown:
            switch b {
            case UInt8(ascii: "\\"): return "\\\\"
            case UInt8(ascii: "`"): return "\\`"
            case UInt8(ascii: "*"): return "\\*"
            case UInt8(ascii: "_"): return "\\_"
            case UInt8(ascii: "["): return "\\["
            case UInt8(ascii: "]"): return "\\]"
            case UInt8(ascii: "<"): return "\\<"
            case UInt8(ascii: ">"): return "\\>"
            case UInt8(ascii: "|"): return "\\|"
            case UInt8(ascii: "#"): return "\\#"
            case UInt8(ascii: "~"): return "\\~"
            case UInt8(ascii: "&"): return "\\&"
            case UInt8(ascii: "$"): return "\\$"
            case UInt8(ascii: "!"): return "\\!"
            default: return nil
            }
        }
    }

    /// `\u001b`: four lower-case hex digits.
    private mutating func unicodeEscape(_ scalar: UInt32) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = UInt8((scalar >> UInt32(shift)) & 0xF)
            byte(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }

    // MARK: JSON values

    /// A JSON value (the journal's `data` objects), compact, keys in their order.
    mutating func json(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): raw(flag ? "true" : "false")
        case .int(let number): int(number)
        case .string(let text): jsonString(text)
        case .array(let items):
            byte(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { byte(UInt8(ascii: ",")) }
                json(item)
            }
            byte(UInt8(ascii: "]"))
        case .object(let members):
            byte(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { byte(UInt8(ascii: ",")) }
                jsonString(member.key)
                byte(UInt8(ascii: ":"))
                json(member.value)
            }
            byte(UInt8(ascii: "}"))
        }
    }

    // MARK: CSV

    /// One CSV cell (RFC 4180). Text is sanitised first (controls become
    /// visible stand-ins, bidi overrides U+FFFD; line breaks are kept inside
    /// the quotes); a cell that a spreadsheet would run as a formula — one
    /// beginning with `=`, `+`, `-`, `@`, tab or carriage return — gets a
    /// single quote in front, which the spreadsheet shows as text.
    mutating func csvCell(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let first = utf8.first else { return }
            var needsQuotes = false
            for b in utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A {
                needsQuotes = true
                break
            }
            if needsQuotes { byte(UInt8(ascii: "\"")) }
            if Self.isFormulaStart(first) { byte(UInt8(ascii: "'")) }
            var trim = false
            escape(utf8, .csv, &trim)
            if needsQuotes { byte(UInt8(ascii: "\"")) }
        }
    }

    static func isFormulaStart(_ byte: UInt8?) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }
}
