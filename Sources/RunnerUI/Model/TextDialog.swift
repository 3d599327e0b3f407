/// A dialog that asks for one line of text.
struct TextDialog: Equatable, Sendable {
    var purpose: TextPurpose
    var editor = LineEditor()
    /// Why the last Enter was refused (kept until the next edit or Enter).
    var error: String?

    init(_ purpose: TextPurpose) {
        self.purpose = purpose
    }
}
