/// The step search: the query and the highlighted hit.
struct SearchDialog: Equatable, Sendable {
    var editor = LineEditor()
    /// The highlighted hit, 0-based.
    var cursor = 0
}
