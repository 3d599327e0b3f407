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
    /// Set while the deadline is not required: its `until` step was taken off
    /// the chosen path (bypassed or skipped) before the deadline was due.
    /// Cleared when the path comes back to the `until` step or it is completed.
    public internal(set) var waiver: DeadlineWaiver?
    /// Whether, after the last event, the deadline was running with its
    /// `until` step off the path: a waiver is judged only when that begins.
    var untilWasOffPath = false

    init(index: Int, id: String) {
        self.index = index
        self.id = id
    }

    /// Where the deadline stands at `now`.
    ///
    /// Met when the `until` step was completed no later than the due time
    /// (or before the clock even started); waived while the `until` step is
    /// off the chosen path and was taken off it in time; missed when the due
    /// time passed first, whether or not a `deadline_missed` event was
    /// recorded yet.
    public func condition(at now: Timestamp) -> DeadlineCondition {
        if let completedAt {
            if let due, completedAt.millisecondsSinceEpoch > due.millisecondsSinceEpoch {
                return .missed(due: due)
            }
            return .met(at: completedAt)
        }
        if let waiver { return .waived(reason: waiver.reason, at: waiver.at) }
        guard let due else { return .notStarted }
        if missedRecordedAt != nil || now.millisecondsSinceEpoch > due.millisecondsSinceEpoch {
            return .missed(due: due)
        }
        if let warnFrom, now.millisecondsSinceEpoch >= warnFrom.millisecondsSinceEpoch {
            return .warning(due: due)
        }
        return .running(due: due)
    }

    /// Milliseconds left until due at `now` (negative when overdue); nil when
    /// not running (not started, met or waived).
    public func remainingMilliseconds(at now: Timestamp) -> Int64? {
        guard completedAt == nil, waiver == nil, let due else { return nil }
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
    /// Not required: the `until` step was bypassed by the chosen path or
    /// skipped at `at`, before the deadline was due. Never missed.
    case waived(reason: DeadlineWaiverReason, at: Timestamp)

    /// Running or warning: the clock is still ticking.
    public var isRunning: Bool {
        switch self {
        case .running, .warning: true
        default: false
        }
    }
}

/// Why a started deadline is not required, as the journal's
/// `deadline_waived` event names it in `reason`.
public enum DeadlineWaiverReason: String, CaseIterable, Hashable, Sendable {
    /// The chosen path passed over the `until` step (a decision jumped past
    /// it, or the playbook ended before it).
    case untilBypassed = "until_bypassed"
    /// The `until` step was skipped, with a reason.
    case untilSkipped = "until_skipped"
}

/// A deadline that stopped being required: why, and since when (occurred time).
public struct DeadlineWaiver: Equatable, Sendable {
    public var reason: DeadlineWaiverReason
    public var at: Timestamp

    public init(reason: DeadlineWaiverReason, at: Timestamp) {
        self.reason = reason
        self.at = at
    }
}
