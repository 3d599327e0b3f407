/// A dialog offering numbered options: ↑ ↓ and Enter, or a digit.
struct ChoiceDialog: Equatable, Sendable {
    var purpose: ChoicePurpose
    /// The highlighted option, 0-based.
    var cursor = 0
    var error: String?

    init(_ purpose: ChoicePurpose) {
        self.purpose = purpose
    }
}
