import TerminalCore

/// One line of text being typed, edited by grapheme cluster: ← over "å"
/// or over a family emoji moves once, Backspace removes it whole.
///
/// Keys arrive one Unicode scalar at a time, so a flag or an emoji with a
/// skin tone comes as several `.character` keys; the text is kept as a
/// String and the cursor recounted after each insert, so such pieces join
/// into one cluster as they would on paper.
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, in grapheme clusters from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public var isEmpty: Bool { text.isEmpty }

    public mutating func insert(_ piece: String) {
        let before = String(text.prefix(cursor)) + piece
        let joined = before + text.dropFirst(cursor)
        text = joined
        cursor = min(before.count, joined.count)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Removes the cluster before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    /// Removes the cluster under the cursor.
    public mutating func delete() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    /// The text broken into rows of at most `width` columns (between
    /// clusters, never inside one) and where the cursor falls in them.
    func rows(width: Int) -> (rows: [String], cursor: Position) {
        let width = max(1, width)
        var rows: [String] = [""]
        var column = 0
        var cursorAt = Position(x: 0, y: 0)
        for (offset, character) in text.enumerated() {
            let columns = max(1, TerminalCore.DisplayWidth.of(character))
            if column + columns > width, column > 0 {
                rows.append("")
                column = 0
            }
            if offset == cursor { cursorAt = Position(x: column, y: rows.count - 1) }
            rows[rows.count - 1].append(character)
            column += columns
        }
        if cursor >= text.count {
            if column >= width {
                rows.append("")
                column = 0
            }
            cursorAt = Position(x: column, y: rows.count - 1)
        }
        return (rows, cursorAt)
    }
}
