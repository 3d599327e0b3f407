import IncidentEngine

/// What a text dialog's line is for, and so which command Enter plans.
/// Steps are indices into `Playbook.steps`.
enum TextPurpose: Hashable, Sendable {
    case note(step: Int?)
    /// The first half of a back-dated note: when it happened.
    case backdatedTime
    case backdatedNote(at: Timestamp)
    case skipReason(step: Int)
    /// The `record:` note asked before completing a step; `option` is the
    /// decision's answer already chosen, if the step has a question.
    case recordNote(step: Int, option: Int?)
    case closeNote
}
