import IncidentEngine

/// What the UI asks the app loop to do; the UI does none of it itself.
public enum UIEffect: Sendable, Equatable {
    /// Append the command's events to the journal (planned at the loop's
    /// own now; `at` is when it happened, for a back-dated note), then send
    /// `.recorded` with the new records, or `.failed` with why not.
    /// The UI has already checked the command with `plan`.
    case perform(IncidentCommand, at: Timestamp? = nil)
    /// Append the exercise command's event (planned with `plan(against:)` on
    /// the fold of the journal at the loop's own now), then answer with
    /// `.recorded` or `.failed` exactly as for `.perform`. The UI has
    /// already checked it against its own `exercise`.
    case performExercise(ExerciseCommand)
    /// Leave: restore the terminal and exit; the incident stays open.
    case quit
    /// Export the timeline in the format with this id.
    case export(String)
    /// Ring the terminal bell: a key that does nothing here.
    case bell
    /// Start screen: open a new incident from the playbook with this id.
    case open(playbookID: String)
    /// Start screen: walk the open incident with this id.
    case resume(incidentID: String)
}
