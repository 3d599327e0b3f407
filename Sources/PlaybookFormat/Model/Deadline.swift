/// A deadline that runs while the incident is handled, such as the 72 hours
/// for notifying Datatilsynet.
public struct Deadline: Sendable {
    public var id: Located<String>
    public var title: Located<String>
    public var within: Located<PlaybookDuration>
    /// The step whose reaching starts the clock; nil: when the incident was opened.
    public var from: Located<String>?
    /// The step whose completion meets the deadline.
    public var until: Located<String>?
    /// How long before the end to warn.
    public var warn: Located<PlaybookDuration>?
    public var ref: Located<String>?
    /// The span of the `deadline ID: Title` line.
    public var span: SourceSpan

    public init(
        id: Located<String>, title: Located<String>, within: Located<PlaybookDuration>,
        from: Located<String>? = nil, until: Located<String>? = nil, warn: Located<PlaybookDuration>? = nil,
        ref: Located<String>? = nil, span: SourceSpan
    ) {
        self.id = id
        self.title = title
        self.within = within
        self.from = from
        self.until = until
        self.warn = warn
        self.ref = ref
        self.span = span
    }
}
