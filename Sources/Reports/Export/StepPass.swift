import IncidentEngine

/// One pass through a step: from the flow reaching it to its completion or
/// skip. A loop makes a second pass; a step done out of turn has a pass with
/// no reaching. The review measures each pass against the step's `expect`.
struct StepPass: Equatable {
    enum Outcome: Equatable {
        case done
        case skipped
        /// Still the step being worked on.
        case open
    }

    var stepIndex: Int
    /// 1 for the first pass through the step, 2 for the second, …
    var number: Int
    var reachedAt: Timestamp?
    var closedAt: Timestamp?
    var closedBy: String?
    var outcome: Outcome

    /// Reached to done or skipped; nil when either end is unknown or the
    /// close was back-dated before the reaching.
    var durationMilliseconds: Int64? {
        guard let reachedAt, let closedAt else { return nil }
        let span = closedAt.milliseconds(since: reachedAt)
        return span >= 0 ? span : nil
    }
}
