import TerminalCore

/// One row of text in a panel, already wrapped to fit.
struct DetailLine: Equatable, Sendable {
    var text: String
    var style: Style = .plain
    var indent = 0
    /// The checklist item (0-based) this row belongs to, for highlighting.
    var checklistItem: Int?

    static let blank = DetailLine(text: "")
}
