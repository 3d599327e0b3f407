/// What a key does in a numbered choice (the decision, the export format).
public enum ChoiceAction: Sendable, Equatable, CaseIterable {
    case up, down
    case number
    case choose
    case cancel
    case quit
}
