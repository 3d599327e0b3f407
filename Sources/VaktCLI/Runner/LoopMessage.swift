/// What other threads tell the UI loop through its inbox.
enum LoopMessage: Sendable, Equatable {
    /// The incident's journal changed on disk (another vakt process, most
    /// likely): the loop reads what was appended and shows it.
    case journalChanged
}
