/// Where one inject stands: its plan, how far it was postponed, whether and
/// when it was delivered, and whether its expectation was met.
public struct InjectState: Sendable, Equatable {
    public var plan: InjectPlan
    /// Exercise seconds added by postponements (of this inject or an earlier one).
    public internal(set) var shiftSeconds = 0
    public internal(set) var delivery: Delivery?
    /// When the participants first reached the expected step (any time, even
    /// before delivery); nil until they do.
    public internal(set) var reachedExpected: Moment?

    /// A point in time on both clocks.
    public struct Moment: Sendable, Equatable {
        public var seq: Int
        public var wall: Timestamp
        /// Exercise milliseconds since the start.
        public var elapsedMilliseconds: Int64
        public var actor: String
    }

    public typealias Delivery = Moment

    public init(plan: InjectPlan) { self.plan = plan }

    public var id: String { plan.id }
    public var isDelivered: Bool { delivery != nil }
    /// Exercise seconds at which it is due, postponements included.
    public var dueSeconds: Int { plan.atSeconds + shiftSeconds }

    /// True when it is due and not delivered at exercise time `elapsedSeconds`.
    public func isDue(atElapsedSeconds elapsedSeconds: Int) -> Bool {
        !isDelivered && elapsedSeconds >= dueSeconds
    }

    /// The expectation's state at exercise time `elapsedMilliseconds`; nil when
    /// the inject expects nothing. Undelivered injects' expectations wait;
    /// after delivery the participants have `within` (exercise time) to reach
    /// the step; reaching it earlier, even before delivery, meets it. An
    /// ended exercise judges a still pending expectation as missed.
    public func expectation(atElapsedMilliseconds now: Int64, exerciseEnded: Bool = false) -> ExpectationStatus? {
        guard plan.expectedStep != nil else { return nil }
        guard let delivery else { return .notDelivered }
        let deadline = plan.withinSeconds.map { delivery.elapsedMilliseconds + Int64($0) * 1000 }
        if let reached = reachedExpected {
            if let deadline, reached.elapsedMilliseconds > deadline {
                return .missed(reachedLateAtMilliseconds: reached.elapsedMilliseconds)
            }
            return .met(atMilliseconds: reached.elapsedMilliseconds)
        }
        if let deadline, now > deadline { return .missed(reachedLateAtMilliseconds: nil) }
        if exerciseEnded { return .missed(reachedLateAtMilliseconds: nil) }
        return .pending(remainingMilliseconds: deadline.map { $0 - now })
    }
}
