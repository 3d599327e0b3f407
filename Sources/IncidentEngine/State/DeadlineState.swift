/// One deadline's clock in this run. All times are `occurred` times, so a
/// back-dated entry counts from when it happened.
public struct DeadlineState: Equatable, Sendable {
    /// The index of the deadline in `Playbook.deadlines`.
    public let index: Int
    public let id: String
    public internal(set) var startedAt: Timestamp?
    public internal(set) var due: Timestamp?
    /// The start of the `warn` window, if the deadline has one.
    public internal(set) var warnFrom: Timestamp?
    /// The earliest completion of the `until` step.
    public internal(set) var completedAt: Timestamp?
    /// When a `deadline_missed` event said the deadline passed.
    public internal(set) var missedRecordedAt: Timestamp?

    init(index: Int, id: String) {
        self.index = index
        self.id = id
    }

    /// Where the deadline stands at `now`.
    ///
    /// Met when the `until` step was completed no later than the due time
    /// (or before the clock even started); missed when the due time passed
    /// first, whether or not a `deadline_missed` event was recorded yet.
    public func condition(at now: Timestamp) -> DeadlineCondition {
        if let completedAt {
            if let due, completedAt.millisecondsSinceEpoch > due.millisecondsSinceEpoch {
                return .missed(due: due)
            }
            return .met(at: completedAt)
        }
        guard let due else { return .notStarted }
        if missedRecordedAt != nil || now.millisecondsSinceEpoch > due.millisecondsSinceEpoch {
            return .missed(due: due)
        }
        if let warnFrom, now.millisecondsSinceEpoch >= warnFrom.millisecondsSinceEpoch {
            return .warning(due: due)
        }
        return .running(due: due)
    }

    /// Milliseconds left until due at `now` (negative when overdue); nil when not running.
    public func remainingMilliseconds(at now: Timestamp) -> Int64? {
        guard completedAt == nil, let due else { return nil }
        return due.milliseconds(since: now)
    }
}

/// A deadline's condition at some moment.
public enum DeadlineCondition: Equatable, Sendable {
    case notStarted
    case running(due: Timestamp)
    /// Running, and inside its `warn` window.
    case warning(due: Timestamp)
    case met(at: Timestamp)
    case missed(due: Timestamp)

    /// Running or warning: the clock is still ticking.
    public var isRunning: Bool {
        switch self {
        case .running, .warning: true
        default: false
        }
    }
}
