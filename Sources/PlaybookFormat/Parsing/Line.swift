/// One physical line of a source file, as the reader sees it.
struct Line {
    /// 1-based line number.
    var number: Int
    /// Offset of the line's first byte.
    var start: Int
    /// Leading spaces (a tab, which is an error, counts as one).
    var indent: Int
    /// Offset of the first byte after the indentation.
    var contentStart: Int
    /// Offset one past the last byte that is not trailing white space or `\r`.
    var contentEnd: Int
    /// A tab in the indentation (already reported): the line's structure is unknown.
    var hasTabIndent = false
    var encoding = LineEncoding.ascii

    /// Some bytes are not UTF-8 (already reported): strings made from the line are repaired.
    var hasInvalidUTF8: Bool { encoding == .invalid }

    var isBlank: Bool { contentStart == contentEnd }

    func span(_ from: Int, _ to: Int) -> SourceSpan {
        SourceSpan(start: from, end: to, line: number)
    }

    /// The span of the line's content (without indentation and trailing space).
    var contentSpan: SourceSpan { span(contentStart, contentEnd) }
}
