/// A problem found in a file: an error that makes it unusable, or a warning
/// about something that is probably a mistake.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// A stable identifier for the rule (`unknown-key`, `tab-indentation`, …),
    /// for JSON output, tests and the reference documentation.
    public var code: DiagnosticCode
    public var message: String
    /// The path of the file, as the user named it.
    public var path: String
    /// The exact bytes the caret underlines.
    public var span: SourceSpan
    /// 1-based line and column (in Unicode scalars) of the span's start.
    public var line: Int
    public var column: Int
    /// 1-based column one past the span's end on the same line.
    public var endColumn: Int
    /// `help: did you mean 'isolate'?` and similar.
    public var help: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, in source: SourceFile, at span: SourceSpan,
        help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.path = source.path
        self.span = span
        self.line = span.line
        self.column = source.column(of: span.start)
        let lineEnd = source.lineEnd(containing: span.start)
        self.endColumn = max(self.column + 1, source.column(of: min(span.end, max(lineEnd, span.start))))
        self.help = help
    }

    /// A diagnostic about a whole file that has no line to point at (it could not be read).
    public init(fileError code: DiagnosticCode, _ message: String, path: String) {
        self.severity = .error
        self.code = code
        self.message = message
        self.path = path
        self.span = .fileStart
        self.line = 0
        self.column = 0
        self.endColumn = 0
        self.help = nil
    }

    public var isError: Bool { severity == .error }
}
