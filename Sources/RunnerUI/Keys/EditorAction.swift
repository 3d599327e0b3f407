/// What a key does while a line of text is being typed (notes, reasons, times).
public enum EditorAction: Sendable, Equatable, CaseIterable {
    case left, right, home, end, backspace, delete
    case insert
    case save
    case cancel
    case quit
}
