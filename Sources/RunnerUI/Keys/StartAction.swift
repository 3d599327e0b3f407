/// What a key does on the start screen: typing filters the list.
public enum StartAction: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown
    case backspace
    case insert
    case choose
    case clearOrQuit
    case quit
}
