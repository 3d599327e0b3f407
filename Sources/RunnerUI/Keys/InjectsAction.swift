/// What a key does on an exercise's injects screen.
public enum InjectsAction: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown, home, end
    case deliver
    case postpone
    case help
    case close
    case quit
}
