import IncidentEngine
import PlaybookFormat

/// An exercise under test: a `Run` of the linear playbook plus the exercise
/// fold over the same records; exercise commands become records as the
/// store would write them. Time moves only when told, in real seconds.
struct ExerciseRun {
    var run: Run
    var exercise: ExerciseState

    /// Three injects: `alarm` at 0 expecting `a` within 10 min, `press` at
    /// 20 min expecting `report` within 30 min, `mayor` at 40 min expecting
    /// nothing.
    static let script = [
        InjectPlan(id: "alarm", title: "Alarm", atSeconds: 0, expectedStep: "a", withinSeconds: 600),
        InjectPlan(id: "press", title: "Pressen ringer", atSeconds: 1200, expectedStep: "report", withinSeconds: 1800),
        InjectPlan(id: "mayor", title: "Ordføreren", atSeconds: 2400),
    ]

    init(speed: Int = 1, script: [InjectPlan] = Self.script) throws {
        run = try Run(Fixtures.linearText)
        exercise = ExerciseState(scenarioID: "drill", script: script)
        for record in run.records { exercise.apply(record) }
        try perform(.start(scenario: "drill", speed: speed, banner: nil))
    }

    var now: Timestamp { run.now }

    mutating func wait(seconds: Int) { run.now = run.now.adding(seconds: seconds) }

    /// Exercise seconds now.
    var elapsed: Int { exercise.clock.elapsedSeconds(at: run.now) }

    mutating func perform(_ command: ExerciseCommand) throws(ExerciseCommandError) {
        let event = try command.plan(against: exercise)
        append(event)
    }

    /// Appends any event as the store would (used to write odd journals too).
    mutating func append(_ event: IncidentEvent) {
        let record = EventRecord(
            seq: run.state.nextSeq, occurred: run.now, recorded: run.now, actor: run.actor, event: event)
        run.state.apply(record)
        run.records.append(record)
        exercise.apply(record)
    }

    /// A playbook command: its records go to both folds.
    mutating func perform(_ command: IncidentCommand) throws(CommandError) {
        for record in try run.perform(command) { exercise.apply(record) }
    }

    func expectation(_ id: String) -> ExpectationStatus? {
        exercise.expectation(of: exercise.injectIndex(of: id)!, at: run.now)
    }

    func due() -> [String] { exercise.dueInjects(at: run.now).map { exercise.injects[$0].id } }

    /// A fresh fold of every record so far, as `vakt resume` would do after a crash.
    func refolded() -> ExerciseState {
        var state = ExerciseState(scenarioID: "drill", script: Self.script)
        for record in run.records { state.apply(record) }
        return state
    }
}
