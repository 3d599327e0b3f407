/// A text someone wrote during the incident, as it now reads, with the
/// original and every correction kept (events are never edited).
public struct NoteEntry: Equatable, Sendable {
    /// What kind of event carried the text.
    public enum Source: String, Hashable, Sendable {
        case note
        case completion
        case skip
        case close
        case reopen
        case evaluator
        /// Why an exercise ended (stopped for a real incident, say).
        case exerciseEnd
    }

    public var seq: Int
    public var source: Source
    public var occurred: Timestamp
    public var recorded: Timestamp
    public var actor: String
    /// The step it is about, if any (index into `Playbook.steps`).
    public var stepIndex: Int?
    public var lesson: Bool
    public var originalText: String
    public var corrections: [Correction]

    /// The text with the latest correction applied.
    public var text: String { corrections.last?.text ?? originalText }

    public var isCorrected: Bool { !corrections.isEmpty }

    public var isBackdated: Bool { occurred < recorded }

    public struct Correction: Equatable, Sendable {
        public var seq: Int
        public var recorded: Timestamp
        public var actor: String
        public var text: String
    }
}
