/// A table of plain text cells, worked out once and drawn by both the
/// Markdown and the HTML renderer (each escapes the cells its own way), so
/// that the two reports cannot show different numbers.
struct ReportTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns holding numbers or times, aligned right in HTML.
    var numeric: Set<Int> = []
}
