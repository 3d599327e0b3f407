/// Why an exercise ended; the journal writes the raw value.
public enum ExerciseEndReason: String, Sendable, Hashable, CaseIterable {
    /// The facilitator ended it as planned; the hotwash follows.
    case completed
    /// A real incident needs the people in the room: stop at once.
    case realIncident = "real_incident"
}
