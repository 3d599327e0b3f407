/// The bytes of one file as read, and the name to report it by.
///
/// The parser works on these UTF-8 bytes directly; strings are made only for
/// values. Line and column lookups for diagnostics also happen here, so that
/// they cost nothing until something is wrong.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used in `path:line:col:`).
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Byte offset where the line holding `offset` starts.
    public func lineStart(containing offset: Int) -> Int {
        var index = min(max(offset, 0), bytes.count)
        while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index
    }

    /// Byte offset where the line holding `offset` ends (before `\r\n` or `\n`).
    public func lineEnd(containing offset: Int) -> Int {
        var index = min(max(offset, 0), bytes.count)
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        if index > 0, index <= bytes.count, index - 1 >= lineStart(containing: offset),
           index - 1 < bytes.count, bytes[index - 1] == UInt8(ascii: "\r") {
            index -= 1
        }
        return index
    }

    /// 1-based column of `offset`, counted in Unicode scalars from the line start.
    ///
    /// A UTF-8 lead byte starts a scalar; continuation bytes (10xxxxxx) do not.
    /// A stray continuation byte in invalid UTF-8 still advances the column so
    /// that a caret points at the offending byte.
    public func column(of offset: Int) -> Int {
        let start = lineStart(containing: offset)
        let end = min(max(offset, 0), bytes.count)
        var column = 1
        var index = start
        while index < end {
            let byte = bytes[index]
            let width = SourceFile.sequenceLength(leadByte: byte)
            column += 1
            index += max(width, 1)
        }
        // A multi-byte scalar straddling `offset` counts once.
        return column
    }

    /// The line holding `offset`, decoded leniently (invalid bytes become U+FFFD).
    public func lineText(containing offset: Int) -> String {
        let start = lineStart(containing: offset)
        let end = lineEnd(containing: offset)
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Expected length of a UTF-8 sequence from its first byte (1 for invalid leads).
    static func sequenceLength(leadByte byte: UInt8) -> Int {
        switch byte {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
