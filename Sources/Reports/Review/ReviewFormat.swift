/// The formats of the post-incident review (`vakt review --format`).
public enum ReviewFormat: String, CaseIterable, Sendable {
    /// Markdown, to edit further in a wiki or a document.
    case markdown = "md"
    /// One self-contained page, to print and fill in by hand.
    case html

    public var id: String { rawValue }

    public func label(_ language: ReportLanguage) -> String {
        let nb = language == .nb
        switch self {
        case .markdown: return nb ? "Evaluering (Markdown)" : "Review (Markdown)"
        case .html: return nb ? "Evaluering (HTML for utskrift)" : "Review (HTML for printing)"
        }
    }

    public var fileExtension: String { rawValue }
}
