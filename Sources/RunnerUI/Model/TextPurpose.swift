import IncidentEngine

/// What a text dialog's line is for, and so which command Enter plans.
/// Steps are indices into `Playbook.steps`, injects into `ExerciseState.injects`.
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
    /// How long to postpone an inject ("5m"; empty means the default).
    case postpone(inject: Int)
    /// The facilitator's observation (a first impression once the exercise has ended).
    case observation(step: Int?)
    /// Why the exercise stops for a real incident (required).
    case realIncident
}
