/// An export format the export dialog offers: the id goes back to the loop
/// in `.export(id)`; the label is what the responder reads.
public struct ExportFormatOption: Hashable, Sendable {
    public let id: String
    public let label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }

    /// The formats of `vakt export`, for a loop that offers them all.
    public static let standard: [ExportFormatOption] = [
        ExportFormatOption(id: "md", label: LocalizedText(nb: "Markdown (for mennesker)", en: "Markdown (for people)")),
        ExportFormatOption(id: "html", label: LocalizedText(nb: "HTML med tidslinje", en: "HTML with a timeline")),
        ExportFormatOption(id: "json", label: LocalizedText(nb: "JSON (for verktøy)", en: "JSON (for tools)")),
        ExportFormatOption(id: "csv", label: LocalizedText(nb: "CSV (regneark)", en: "CSV (spreadsheets)")),
        ExportFormatOption(id: "timesketch", label: LocalizedText("Timesketch")),
    ]
}
