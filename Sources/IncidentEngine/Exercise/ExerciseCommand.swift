/// What the facilitator asks for; `plan` checks it against the exercise's
/// state and gives the event to append (or says why not).
public enum ExerciseCommand: Sendable, Equatable {
    case start(scenario: String, speed: Int, banner: String?)
    case pause
    case resume
    case setSpeed(Int)
    case deliver(inject: String)
    case postpone(inject: String, seconds: Int)
    case observe(text: String, step: String?)
    case end(reason: ExerciseEndReason, note: String?)

    /// The speeds a facilitator can choose: real time up to an hour a second.
    public static let speeds = 1...3600
    /// The longest single postponement: a day of exercise time.
    public static let maximumPostponementSeconds = 86_400

    public func plan(against state: ExerciseState) throws(ExerciseCommandError) -> IncidentEvent {
        if case .start(let scenario, let speed, let banner) = self {
            guard !state.isStarted else { throw .alreadyStarted }
            guard Self.speeds.contains(speed) else { throw .invalidSpeed(speed) }
            let banner = banner.flatMap { $0.isEmpty ? nil : $0 }
            return .exerciseStarted(scenario: scenario, speed: speed, banner: banner)
        }
        guard state.isStarted else { throw .notStarted }
        if case .observe(let text, let step) = self {
            // Observations are welcome after the end too: they are the hotwash.
            guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText }
            return .evaluatorNote(text: text, step: step)
        }
        guard !state.isEnded else { throw .ended }
        switch self {
        case .start, .observe:
            preconditionFailure("handled above")
        case .pause:
            guard !state.clock.isPaused else { throw .alreadyPaused }
            return .exercisePaused
        case .resume:
            guard state.clock.isPaused else { throw .notPaused }
            return .exerciseResumed
        case .setSpeed(let speed):
            guard Self.speeds.contains(speed) else { throw .invalidSpeed(speed) }
            return .exerciseSpeedChanged(speed: speed)
        case .deliver(let id):
            guard let i = state.injectIndex(of: id) else { throw .unknownInject(id) }
            guard !state.injects[i].isDelivered else { throw .alreadyDelivered(id) }
            return .injectDelivered(inject: id)
        case .postpone(let id, let seconds):
            guard let i = state.injectIndex(of: id) else { throw .unknownInject(id) }
            guard !state.injects[i].isDelivered else { throw .alreadyDelivered(id) }
            guard (1...Self.maximumPostponementSeconds).contains(seconds) else {
                throw .invalidPostponement(seconds)
            }
            return .injectPostponed(inject: id, seconds: seconds)
        case .end(let reason, let note):
            if reason == .realIncident, note?.allSatisfy(\.isWhitespace) ?? true { throw .emptyText }
            return .exerciseEnded(reason: reason, note: note)
        }
    }
}
