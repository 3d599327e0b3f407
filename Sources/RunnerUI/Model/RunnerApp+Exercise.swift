import IncidentEngine
import PlaybookFormat
import TerminalCore

/// The facilitator's keys on the runner: delivering injects, the exercise
/// clock, observations, ending or stopping the exercise. They exist only
/// with a scenario; each checks its command against the exercise's fold
/// first and shows nothing as done before its record comes back.
extension RunnerApp {
    /// The speeds `+` and `-` step through, in exercise seconds per real second.
    static let speedSteps = [1, 2, 5, 10, 30, 60, 120, 300, 600]
    /// How far `u` postpones when nothing is typed.
    static let defaultPostponementSeconds = 300

    /// The marking on every screen of an exercise: the scenario's own
    /// banner, else ØVELSE; nil for a real incident.
    var banner: String? {
        if let exercise { return exercise.banner ?? strings.exercise }
        return state.opening?.isExercise == true ? strings.exercise : nil
    }

    /// The exercise clock at the last tick, in milliseconds since the start.
    var exerciseElapsed: Int64 { exercise?.elapsedMilliseconds(at: now) ?? 0 }

    mutating func handleExercise(_ action: ExerciseAction) -> [UIEffect] {
        guard let exercise else { return [] }
        switch action {
        case .deliver:
            return deliverDueOrNext()
        case .observe:
            let step = selectedStep == nil ? nil : selected
            openExerciseText(.observation(step: step), check: .observe(text: "-", step: stepID))
        case .pauseResume:
            return performExercise(exercise.clock.isPaused ? .resume : .pause)
        case .faster:
            guard let speed = Self.speedSteps.first(where: { $0 > exercise.clock.speed }) else {
                message = .info(strings.fastest(Self.speedSteps.last ?? 1))
                return [.bell]
            }
            return performExercise(.setSpeed(speed))
        case .slower:
            guard let speed = Self.speedSteps.last(where: { $0 < exercise.clock.speed }) else {
                message = .info(strings.slowest)
                return [.bell]
            }
            return performExercise(.setSpeed(speed))
        case .injects:
            screen = .injects
            injectsCursor = exercise.dueInjects(at: now).first ?? exercise.nextUndelivered ?? 0
            injectsOffset = 0
        case .end:
            if let refusal = exerciseRefusal(.end(reason: .completed, note: nil)) {
                message = .error(refusal)
            } else {
                dialog = .choice(ChoiceDialog(.confirm(.endExercise)))
            }
        case .realIncident:
            openExerciseText(.realIncident, check: .end(reason: .realIncident, note: "-"))
        }
        return []
    }

    /// `l`: the first inject due; with none due, the next one after asking.
    private mutating func deliverDueOrNext() -> [UIEffect] {
        guard let exercise else { return [] }
        if let due = exercise.dueInjects(at: now).first { return deliver(inject: due) }
        guard let next = exercise.nextUndelivered else {
            message = .info(strings.allDelivered)
            return []
        }
        return deliver(inject: next)
    }

    /// Delivers inject `index` if it is due, asks first if it is not, and
    /// shows it again if it was delivered already.
    mutating func deliver(inject index: Int) -> [UIEffect] {
        guard let exercise, exercise.injects.indices.contains(index) else { return [] }
        let inject = exercise.injects[index]
        if inject.isDelivered {
            show(inject: index)
            return []
        }
        let command = ExerciseCommand.deliver(inject: inject.id)
        if let refusal = exerciseRefusal(command) {
            showError(refusal)
            return []
        }
        if inject.isDue(atElapsedSeconds: exercise.clock.elapsedSeconds(at: now)) {
            return performExercise(command, then: .showInject(index))
        }
        dialog = .choice(ChoiceDialog(.confirm(.deliverEarly(inject: index))))
        return []
    }

    /// `u` on the injects screen: asks how long, unless it would be refused anyway.
    mutating func askPostponement(inject index: Int) {
        guard let exercise, exercise.injects.indices.contains(index) else { return }
        let id = exercise.injects[index].id
        openExerciseText(.postpone(inject: index),
                         check: .postpone(inject: id, seconds: Self.defaultPostponementSeconds))
    }

    /// Shows inject `index` full screen; Esc or Enter comes back here.
    mutating func show(inject index: Int) {
        switch screen {
        case .inject: break
        default: injectReturn = screen
        }
        screen = .inject(index)
        injectOffset = 0
    }

    /// Checks the command against the exercise and, if the engine accepts
    /// it, asks the loop to append it; otherwise says why.
    mutating func performExercise(_ command: ExerciseCommand, then: FollowUp = .nothing) -> [UIEffect] {
        guard let exercise else { return [] }
        do {
            let event = try command.plan(against: exercise)
            pending = PendingCommand(expected: event, then: then)
            return [.performExercise(command)]
        } catch {
            showError(errorText(error))
            return []
        }
    }

    /// Why the exercise command would be refused; nil when it would be accepted.
    func exerciseRefusal(_ command: ExerciseCommand) -> String? {
        guard let exercise else { return nil }
        do {
            _ = try command.plan(against: exercise)
            return nil
        } catch {
            return errorText(error)
        }
    }

    /// What to do once a pending command is recorded.
    mutating func follow(_ next: FollowUp) -> [UIEffect] {
        switch next {
        case .nothing:
            return []
        case .showInject(let index):
            show(inject: index)
            return []
        case .closeForRealIncident(let reason):
            // Already closed by someone else: the stop is recorded, so just leave.
            if refusal(.close(note: reason)) != nil { return follow(.leaveForRealIncident) }
            return perform(.close(note: reason), then: .leaveForRealIncident)
        case .leaveForRealIncident:
            farewell = strings.realIncidentFarewell(playbook.id.value)
            return [.quit]
        }
    }

    private func errorText(_ error: ExerciseCommandError) -> String {
        ExerciseCommandErrorText(language: language, exercise: exercise).text(error)
    }

    private mutating func openExerciseText(_ purpose: TextPurpose, check: ExerciseCommand) {
        if let refusal = exerciseRefusal(check) {
            message = .error(refusal)
            return
        }
        dialog = .text(TextDialog(purpose))
    }
}
