import IncidentEngine

/// One deadline as the documents report it: its clock and how it ended,
/// with the margin it was met by or the time it was missed by.
struct DeadlineReport: Equatable {
    enum Outcome: Equatable {
        case notStarted
        /// Running at the moment of the report; `remaining` until due.
        case running(remainingMilliseconds: Int64)
        /// Running and inside its `warn` window.
        case warning(remainingMilliseconds: Int64)
        /// Met `margin` before the due time (nil: met before its clock started).
        case met(at: Timestamp, marginMilliseconds: Int64?)
        /// Missed by `late`: the `until` step was done late (`metLateAt`), or not at all.
        case missed(lateMilliseconds: Int64, metLateAt: Timestamp?)
        /// No longer owed: the `until` step was bypassed by the chosen path or skipped, at `at`.
        case waived(reason: DeadlineWaiverReason, at: Timestamp)

        /// The name the JSON export and the CSV use.
        var id: String {
            switch self {
            case .notStarted: "not_started"
            case .running: "running"
            case .warning: "warning"
            case .met: "met"
            case .missed: "missed"
            case .waived: "waived"
            }
        }
    }

    /// The index in `Playbook.deadlines`.
    var index: Int
    var id: String
    var title: String
    var withinSeconds: Int
    var startedAt: Timestamp?
    var due: Timestamp?
    var outcome: Outcome
}
