/// One logical entry of the format: a field, a list, a text block, a block
/// header or a list item, with the items and text that belong to it.
///
/// Keys, ids and values are kept as byte ranges into the source: the reader
/// makes a `String` only for what a decoder stores in the model, or a
/// diagnostic quotes. An entry is plain integers, small enough to copy in
/// registers and with nothing to retain or release.
struct Entry {
    enum Form: UInt8 {
        /// `key: value`, or `key:` (then `items` holds the list).
        case field
        /// `key: |`; its text is `DocumentReader.blockText`.
        case textBlock
        /// `KIND ID: Title`; its children are read by the kind's decoder.
        case block
        /// `- item`
        case item
    }

    var form: Form
    /// The key or the block's KIND, when the format defines it.
    var key: EntryKey
    /// What the line reader found about the line's bytes.
    var encoding: LineEncoding
    /// The line's number, indentation and content, as in `Line`.
    var lineNumber: Int
    var indent: Int
    var contentStart: Int
    var contentEnd: Int
    /// The key, the block's KIND, or `-` for an item: `contentStart..<keyEnd`.
    var keyEnd: Int
    /// The block's ID (blocks only).
    var idStart = 0
    var idEnd = 0
    /// The value, title or item text; empty when nothing was written. For a
    /// text block, the `|` that opened it.
    var valueStart = 0
    var valueEnd = 0
    /// `- item` lines indented under a field (a list, or a decision's options),
    /// as positions in `DocumentReader.items`, valid until the next entry is read.
    var items: Range<Int> = 0..<0

    init(_ form: Form, _ key: EntryKey, line: Line, keyEnd: Int) {
        self.form = form
        self.key = key
        self.encoding = line.encoding
        self.lineNumber = line.number
        self.indent = line.indent
        self.contentStart = line.contentStart
        self.contentEnd = line.contentEnd
        self.keyEnd = keyEnd
    }

    func span(_ from: Int, _ to: Int) -> SourceSpan { SourceSpan(start: from, end: to, line: lineNumber) }
    var contentSpan: SourceSpan { span(contentStart, contentEnd) }
    var keySpan: SourceSpan { span(contentStart, keyEnd) }
    var idSpan: SourceSpan { span(idStart, idEnd) }
    var hasValue: Bool { valueEnd > valueStart }
    var valueSpan: SourceSpan { span(valueStart, valueEnd) }
    /// The span of the `|` that opened a text block.
    var blockMarker: SourceSpan { valueSpan }
    var isExtension: Bool { key == .extension }
    /// Some bytes of the line are not UTF-8 (already reported).
    var hasInvalidUTF8: Bool { encoding == .invalid }
}
