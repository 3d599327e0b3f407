import PlaybookFormat

/// Where a tabletop exercise stands: the exercise clock, each inject (due,
/// delivered, postponed, its expectation), the observations and the ending,
/// as a pure fold of the journal over the scenario's script.
///
/// The run itself (steps, decisions, deadlines) is `RunState`'s; this fold
/// reads the same records and keeps only what the facilitator needs. Like
/// `RunState` it never fails: an event that does not fit (a pause while
/// paused, an unknown inject) is skipped and listed in `anomalies`.
public struct ExerciseState: Sendable, Equatable {
    public let scenarioID: String
    public private(set) var clock = ExerciseClock()
    /// In the order they come due in the script.
    public private(set) var injects: [InjectState]
    public private(set) var observations: [ExerciseObservation] = []
    public private(set) var ending: ExerciseEnding?
    /// The marking shown on every screen, when the exercise set its own.
    public private(set) var banner: String?
    public private(set) var anomalies: [RunAnomaly] = []

    private let injectIndex: [String: Int]
    /// Step id → the injects that expect it.
    private let expecting: [String: [Int]]

    public init(scenarioID: String, script: [InjectPlan]) {
        self.scenarioID = scenarioID
        injects = script.map(InjectState.init(plan:))
        var index: [String: Int] = [:]
        var expecting: [String: [Int]] = [:]
        for (i, plan) in script.enumerated() {
            if index[plan.id] == nil { index[plan.id] = i }
            if let step = plan.expectedStep { expecting[step, default: []].append(i) }
        }
        injectIndex = index
        self.expecting = expecting
    }

    public init(scenario: Scenario) {
        self.init(scenarioID: scenario.id.value, script: InjectPlan.script(of: scenario))
    }

    /// The state after `records`, in journal order.
    public static func fold<S: Sequence>(_ scenario: Scenario, _ records: S) -> ExerciseState
    where S.Element == EventRecord {
        var state = ExerciseState(scenario: scenario)
        for record in records { state.apply(record) }
        return state
    }

    public var isStarted: Bool { clock.isStarted }
    public var isEnded: Bool { ending != nil }

    public func elapsedMilliseconds(at now: Timestamp) -> Int64 { clock.elapsedMilliseconds(at: now) }

    public func injectIndex(of id: String) -> Int? { injectIndex[id] }

    /// Injects due and not delivered at `now`, in script order.
    public func dueInjects(at now: Timestamp) -> [Int] {
        guard isStarted, !isEnded else { return [] }
        let elapsed = clock.elapsedSeconds(at: now)
        return injects.indices.filter { injects[$0].isDue(atElapsedSeconds: elapsed) }
    }

    /// The first inject not delivered yet, due or not.
    public var nextUndelivered: Int? { injects.firstIndex { !$0.isDelivered } }

    /// The expectation of inject `i` at `now`.
    public func expectation(of i: Int, at now: Timestamp) -> ExpectationStatus? {
        injects[i].expectation(atElapsedMilliseconds: elapsedMilliseconds(at: now), exerciseEnded: isEnded)
    }

    /// The next wall time at which something on the facilitator's panel
    /// changes by itself (an inject comes due, an expectation's window
    /// closes), so a UI knows when to wake up; nil when nothing will.
    public func nextChange(after now: Timestamp) -> Timestamp? {
        guard clock.isRunning else { return nil }
        let elapsed = clock.elapsedMilliseconds(at: now)
        var soonest: Int64?
        for inject in injects {
            var candidates: [Int64] = []
            if !inject.isDelivered { candidates.append(Int64(inject.dueSeconds) * 1000) }
            if let delivery = inject.delivery, inject.reachedExpected == nil, inject.plan.expectedStep != nil,
                let within = inject.plan.withinSeconds
            {
                candidates.append(delivery.elapsedMilliseconds + Int64(within) * 1000 + 1)
            }
            for c in candidates where c > elapsed { soonest = min(soonest ?? c, c) }
        }
        guard let soonest else { return nil }
        return clock.wallTime(whenElapsedReaches: Int((soonest + 999) / 1000))
    }

    /// Applies one record.
    public mutating func apply(_ record: EventRecord) {
        let t = record.occurred
        switch record.event {
        case .exerciseStarted(let scenario, _, let banner):
            guard clock.apply(record.event, at: t) else {
                return anomaly(record, "the exercise had already started")
            }
            self.banner = banner
            if scenario != scenarioID {
                anomaly(record, "the journal's exercise runs scenario '\(scenario)', not '\(scenarioID)'")
            }
        case .exercisePaused, .exerciseResumed, .exerciseSpeedChanged:
            if !clock.apply(record.event, at: t) {
                anomaly(record, "\(record.kind.rawValue) does not fit the exercise clock's state")
            }
        case .exerciseEnded(let reason, let note):
            let elapsed = clock.elapsedMilliseconds(at: t)
            guard clock.apply(record.event, at: t) else {
                return anomaly(record, "the exercise was not running")
            }
            ending = ExerciseEnding(
                seq: record.seq, reason: reason, note: note, wall: t, elapsedMilliseconds: elapsed,
                actor: record.actor)
        case .injectDelivered(let id):
            guard let i = injectIndex[id] else { return anomaly(record, "no inject '\(id)' in the scenario") }
            guard injects[i].delivery == nil else { return anomaly(record, "inject '\(id)' was already delivered") }
            injects[i].delivery = moment(record)
        case .injectPostponed(let id, let seconds):
            guard let i = injectIndex[id] else { return anomaly(record, "no inject '\(id)' in the scenario") }
            guard injects[i].delivery == nil else { return anomaly(record, "inject '\(id)' was already delivered") }
            // The inject and every later one not yet delivered move together,
            // so the script keeps its spacing.
            for j in i..<injects.count where injects[j].delivery == nil {
                injects[j].shiftSeconds += seconds
            }
        case .evaluatorNote(let text, let step):
            observations.append(
                ExerciseObservation(
                    seq: record.seq, wall: t, elapsedMilliseconds: clock.elapsedMilliseconds(at: t),
                    actor: record.actor, text: text, step: step, isFirstImpression: isEnded))
        case .correction(let seq, let text):
            if let o = observations.firstIndex(where: { $0.seq == seq }) {
                observations[o].text = text
            } else if ending?.seq == seq, ending?.note != nil {
                ending?.note = text
            }
        case .stepReached(let step), .stepCompleted(let step, _):
            guard let waiting = expecting[step] else { return }
            for i in waiting where injects[i].reachedExpected == nil {
                injects[i].reachedExpected = moment(record)
            }
        default:
            break
        }
    }

    private func moment(_ record: EventRecord) -> InjectState.Moment {
        InjectState.Moment(
            seq: record.seq, wall: record.occurred,
            elapsedMilliseconds: clock.elapsedMilliseconds(at: record.occurred), actor: record.actor)
    }

    private mutating func anomaly(_ record: EventRecord, _ message: String) {
        anomalies.append(RunAnomaly(seq: record.seq, message: message))
    }
}
