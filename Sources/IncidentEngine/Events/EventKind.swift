/// The name of an event as the journal writes it in `kind`.
///
/// The names are part of the journal format: exports, scripts (`jq`) and old
/// journals rely on them, so a name is never changed once written.
public enum EventKind: String, CaseIterable, Hashable, Sendable {
    case incidentOpened = "incident_opened"
    case phaseEntered = "phase_entered"
    case stepReached = "step_reached"
    case stepCompleted = "step_completed"
    case stepSkipped = "step_skipped"
    case stepReopened = "step_reopened"
    case checklistTicked = "checklist_ticked"
    case checklistUnticked = "checklist_unticked"
    case decisionAnswered = "decision_answered"
    case noteAdded = "note_added"
    case correction = "correction"
    case deadlineStarted = "deadline_started"
    case deadlineMet = "deadline_met"
    case deadlineMissed = "deadline_missed"
    case deadlineWaived = "deadline_waived"
    case incidentClosed = "incident_closed"
    case incidentReopened = "incident_reopened"

    // Tabletop exercises.
    case exerciseStarted = "exercise_started"
    case exercisePaused = "exercise_paused"
    case exerciseResumed = "exercise_resumed"
    case exerciseSpeedChanged = "exercise_speed_changed"
    case injectDelivered = "inject_delivered"
    case injectPostponed = "inject_postponed"
    case evaluatorNote = "evaluator_note"
    case exerciseEnded = "exercise_ended"
}
