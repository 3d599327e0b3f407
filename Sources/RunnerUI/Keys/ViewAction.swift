/// What a key does in the full-screen views: the timeline, the deadlines, help.
public enum ViewAction: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown, home, end
    case timeline
    case deadlines
    case help
    case close
    case quit
}
