/// What a key does on the runner screen (the step list and the step).
public enum RunnerAction: Sendable, Equatable, CaseIterable {
    case up, down, pageUp, pageDown, home, end
    case switchFocus
    case complete
    case tick
    case answer
    case skip
    case note
    case backdatedNote
    case closeIncident
    case timeline
    case deadlines
    case search
    case export
    case help
    case quit
}
