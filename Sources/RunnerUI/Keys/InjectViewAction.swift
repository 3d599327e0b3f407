/// What a key does while an inject is shown full screen to the room.
public enum InjectViewAction: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown
    case close
    case quit
}
