import IncidentEngine
import TerminalCore

/// An inject's state and expectation in marks and words, never colour
/// alone (● forfalt, ✓ oppfylt, ✗ ikke oppfylt), as the facilitator's
/// panel and the injects screen both say them. Times are on the exercise
/// clock (T+), computed from the app's `now` so they move with each tick.
struct InjectWords {
    let app: RunnerApp
    let exercise: ExerciseState

    init?(_ app: RunnerApp) {
        guard let exercise = app.exercise else { return nil }
        self.app = app
        self.exercise = exercise
    }

    private var strings: UIStrings { app.strings }
    private var elapsed: Int64 { exercise.elapsedMilliseconds(at: app.now) }

    func inject(_ index: Int) -> InjectState { exercise.injects[index] }

    func isDue(_ index: Int) -> Bool {
        exercise.isStarted && !exercise.isEnded
            && inject(index).isDue(atElapsedSeconds: exercise.clock.elapsedSeconds(at: app.now))
    }

    /// The title of the role it goes to (`to:`), else the role's id.
    func role(_ index: Int) -> String? {
        inject(index).plan.role.map { id in app.playbook.role(id)?.name.value ?? id }
    }

    /// When it is due on the exercise clock, postponements included.
    func dueTime(_ index: Int) -> String { TimeText.elapsed(Int64(inject(index).dueSeconds) * 1000) }

    /// Exercise time left until it is due.
    func timeLeft(_ index: Int) -> String {
        TimeText.span(max(0, Int64(inject(index).dueSeconds) * 1000 - elapsed))
    }

    /// ✓ delivered, ● due, · waiting.
    func mark(_ index: Int) -> String {
        inject(index).isDelivered ? "✓" : isDue(index) ? "●" : "·"
    }

    /// "forfalt", "venter" or "levert T+00:10:00".
    func state(_ index: Int) -> String {
        if let delivery = inject(index).delivery { return strings.deliveredAt(TimeText.elapsed(delivery.elapsedMilliseconds)) }
        return isDue(index) ? strings.dueWord : strings.waitingWord
    }

    /// The title of the step it expects, else the step's id.
    func expectedStep(_ index: Int) -> String? {
        inject(index).plan.expectedStep.map { id in app.playbook.step(id)?.title.value ?? id }
    }

    /// "Forventet: Isoler maskinene innen 15 min".
    func expectationRule(_ index: Int) -> String? {
        guard let step = expectedStep(index) else { return nil }
        guard let within = inject(index).plan.withinSeconds else { return strings.expected(step) }
        return strings.expected(step) + " " + strings.within(strings.words(seconds: within))
    }

    /// Where the expectation stands once the inject is delivered: "○
    /// ventende, 00:12:00 igjen", "✓ oppfylt T+00:08:00", "✗ ikke oppfylt –
    /// nådd for sent T+00:45:00"; nil before delivery or with no expectation.
    func expectation(_ index: Int) -> (text: String, style: Style)? {
        guard let status = exercise.expectation(of: index, at: app.now) else { return nil }
        switch status {
        case .notDelivered:
            return nil
        case .pending(let remaining):
            let left = remaining.map { ", " + strings.left(TimeText.span($0)) } ?? ""
            return ("○ " + strings.expectationPending + left, .plain)
        case .met(let at):
            return ("✓ " + strings.expectationMet + " " + TimeText.elapsed(at), app.theme.done)
        case .missed(let late):
            let reached = late.map { " – " + strings.reachedLate(TimeText.elapsed($0)) } ?? ""
            return ("✗ " + strings.expectationMissed + reached, app.theme.missedExpectation)
        }
    }

    /// Delivered injects with an expectation, the most pressing first:
    /// pending (least time left first), then missed, then met, each the
    /// latest delivery first.
    func expectationsInOrder() -> [Int] {
        func order(_ index: Int) -> (Int, Int64) {
            let delivered = inject(index).delivery?.elapsedMilliseconds ?? 0
            switch exercise.expectation(of: index, at: app.now) {
            case .pending(let remaining): return (0, remaining ?? .max)
            case .missed: return (1, -delivered)
            case .met: return (2, -delivered)
            case .notDelivered, nil: return (3, 0)
            }
        }
        return exercise.injects.indices
            .filter { order($0).0 < 3 }
            .sorted { (order($0).0, order($0).1, $0) < (order($1).0, order($1).1, $1) }
    }
}
