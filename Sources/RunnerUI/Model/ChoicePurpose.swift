/// What a numbered choice is about.
enum ChoicePurpose: Hashable, Sendable {
    /// The question of the step at this index.
    case decision(step: Int)
    case export
    /// Yes (1) or no (2).
    case confirm(Confirmation)
}
