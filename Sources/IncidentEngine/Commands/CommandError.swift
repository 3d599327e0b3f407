import PlaybookFormat

/// Why a command was refused. Typed so the UI can say it in the user's
/// language; `description` is the English one-liner the CLI prints.
public enum CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    case notOpened
    case alreadyOpened
    /// Everything but reopening is refused on a closed incident.
    case incidentClosed
    case notClosed
    case emptyTitle
    case invalidPlaybookHash(String)
    case unknownStep(String, suggestion: String?)
    case stepAlreadyDone(String)
    case stepAlreadySkipped(String)
    /// Reopening a step that is not done or skipped.
    case stepNotClosed(String)
    case noDecision(step: String)
    /// Completing a step with a question needs the answer (`decide`).
    case decisionRequired(step: String, question: String, options: [String])
    case optionOutOfRange(step: String, option: Int, count: Int)
    case unknownOption(step: String, option: String, options: [String], suggestion: String?)
    /// Completing a step with `record:` needs a note saying it.
    case noteRequired(step: String, record: String)
    case emptyNote
    case emptyReason
    case noChecklist(step: String)
    case checklistItemOutOfRange(step: String, item: Int, count: Int)
    case itemAlreadyTicked(step: String, item: Int)
    case itemNotTicked(step: String, item: Int)
    case unknownEvent(seq: Int)
    case notCorrectable(seq: Int)
    case timeInFuture(Timestamp, now: Timestamp)
    case beforeOpening(Timestamp, openedAt: Timestamp)

    public var description: String {
        switch self {
        case .notOpened: "the incident has not been opened"
        case .alreadyOpened: "the incident is already open"
        case .incidentClosed: "the incident is closed (reopen it first)"
        case .notClosed: "the incident is not closed"
        case .emptyTitle: "the title is empty"
        case .invalidPlaybookHash(let hash): "'\(hash)' is not a SHA-256 in lower-case hex"
        case .unknownStep(let id, let suggestion):
            "unknown step '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .stepAlreadyDone(let id): "step '\(id)' is already done"
        case .stepAlreadySkipped(let id): "step '\(id)' is already skipped"
        case .stepNotClosed(let id): "step '\(id)' is not done or skipped"
        case .noDecision(let id): "step '\(id)' has no question to answer"
        case .decisionRequired(let id, let question, let options):
            "step '\(id)' asks: \(question) Answer with one of: "
                + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
        case .optionOutOfRange(let id, let option, let count):
            "step '\(id)' has no option \(option) (choose 1 to \(count))"
        case .unknownOption(let id, let option, let options, let suggestion):
            "step '\(id)' has no option '\(option)'"
                + (suggestion.map { " (did you mean '\($0)'?)" }
                    ?? " (choose one of: \(options.map { "'\($0)'" }.joined(separator: ", ")))")
        case .noteRequired(let id, let record): "step '\(id)' needs a note: \(record)"
        case .emptyNote: "the note is empty"
        case .emptyReason: "the reason is empty"
        case .noChecklist(let id): "step '\(id)' has no checklist"
        case .checklistItemOutOfRange(let id, let item, let count):
            "step '\(id)' has no checklist item \(item) (it has \(count))"
        case .itemAlreadyTicked(let id, let item): "item \(item) of step '\(id)' is already ticked"
        case .itemNotTicked(let id, let item): "item \(item) of step '\(id)' is not ticked"
        case .unknownEvent(let seq): "there is no event \(seq)"
        case .notCorrectable(let seq): "event \(seq) holds no text to correct"
        case .timeInFuture(let time, let now): "\(time.rfc3339) is in the future (now is \(now.rfc3339))"
        case .beforeOpening(let time, let openedAt):
            "\(time.rfc3339) is before the incident was opened (\(openedAt.rfc3339))"
        }
    }
}
