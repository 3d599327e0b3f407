/// The formats of the exported timeline (`vakt export --format`, and the UI's
/// export dialog). The raw values are the ids both of them use.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// A report for people: the summary, then every event with its date.
    case markdown = "md"
    /// The whole record for tools, in the versioned schema `vakt.export/1`.
    case json
    /// One row per event for spreadsheets (RFC 4180, UTF-8, formula-safe).
    case csv
    /// JSON Lines that Timesketch imports as they are.
    case timesketch
    /// One self-contained page with an SVG timeline, for reading and printing.
    case html

    /// The id on the command line and in the UI.
    public var id: String { rawValue }

    /// What the UI's export dialog shows for this format.
    public func label(_ language: ReportLanguage) -> String {
        let nb = language == .nb
        switch self {
        case .markdown: return nb ? "Markdown (rapport for mennesker)" : "Markdown (a report for people)"
        case .json: return nb ? "JSON (hele journalen, for verktøy)" : "JSON (the whole record, for tools)"
        case .csv: return nb ? "CSV (regneark)" : "CSV (spreadsheets)"
        case .timesketch: return nb ? "Timesketch (JSON Lines)" : "Timesketch (JSON Lines)"
        case .html: return nb ? "HTML med tidslinje (for utskrift)" : "HTML with a timeline (for printing)"
        }
    }

    /// The usual file name ending, for a default output name.
    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        case .timesketch: "jsonl"
        case .html: "html"
        }
    }

    /// The format with this id (`md`, `json`, `csv`, `timesketch`, `html`).
    public init?(id: String) {
        self.init(rawValue: id)
    }

    /// Every format as (id, label) in `language`, in the order a menu offers them.
    public static func options(_ language: ReportLanguage) -> [(id: String, label: String)] {
        allCases.map { ($0.id, $0.label(language)) }
    }
}
