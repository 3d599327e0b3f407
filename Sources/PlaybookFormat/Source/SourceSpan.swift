/// A byte range in one source file, with the 1-based line it starts on.
///
/// Spans are kept as byte offsets so that parsing never pays for column
/// arithmetic; columns (counted in Unicode scalars, as editors and the
/// contract expect) are computed only when a diagnostic is rendered.
public struct SourceSpan: Hashable, Sendable {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int

    public init(start: Int, end: Int, line: Int) {
        self.start = start
        self.end = max(start, end)
        self.line = line
    }

    /// A span for things that have no place in the file (a missing field).
    public static let fileStart = SourceSpan(start: 0, end: 0, line: 1)

    public var length: Int { end - start }
}
