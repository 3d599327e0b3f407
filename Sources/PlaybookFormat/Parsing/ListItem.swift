/// One `- item` line under a field.
struct ListItem {
    var line: Int
    /// Offset of the `-`.
    var start: Int
    /// The item's text, `valueStart..<end`; empty when nothing follows the dash.
    var valueStart: Int
    var end: Int
    /// What the line reader found about the line's bytes.
    var encoding = LineEncoding.ascii

    var hasInvalidUTF8: Bool { encoding == .invalid }

    var contentSpan: SourceSpan { SourceSpan(start: start, end: end, line: line) }
    var hasValue: Bool { end > valueStart }
    var valueSpan: SourceSpan { SourceSpan(start: valueStart, end: end, line: line) }
}
