/// The exported timeline (`vakt export`, and the UI's export dialog): one
/// incident's journal in a format for people or for tools.
///
/// The renderers are pure: the same input gives the same bytes, so the
/// documents can be compared with golden files and with each other.
public enum TimelineExport {
    /// Writes the export to `output` a chunk at a time (a megabyte or so).
    public static func write<Output: ExportOutput>(
        _ input: ExportInput, format: ExportFormat, to output: inout Output
    ) throws {
        switch format {
        case .json: try JSONExportRenderer(input: input).render(into: &output)
        case .csv: try CSVExportRenderer(input: input).render(into: &output)
        case .timesketch: try TimesketchExportRenderer(input: input).render(into: &output)
        case .markdown: try MarkdownExportRenderer(input: input).render(into: &output)
        case .html: try HTMLExportRenderer(input: input).render(into: &output)
        }
    }

    /// The whole export as one string.
    public static func render(_ input: ExportInput, format: ExportFormat) -> String {
        var bytes = ExportBytes()
        do {
            try write(input, format: format, to: &bytes)
        } catch {
            // ExportBytes never throws; nothing else can stop a render.
        }
        return bytes.text
    }
}
