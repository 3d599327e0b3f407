/// What a key does in the step search: typing filters, arrows pick a hit.
public enum SearchAction: Sendable, Equatable, CaseIterable {
    case up, down
    case left, right, backspace, delete
    case insert
    case jump
    case cancel
    case quit
}
