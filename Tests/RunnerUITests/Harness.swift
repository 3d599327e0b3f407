import IncidentEngine
import PlaybookFormat
import RunnerUI
import TerminalCore
import Testing

/// A runner wired to an in-memory journal the way the app loop wires it:
/// keys go to `update`, `.perform` and `.performExercise` effects are
/// appended and sent back as `.recorded`, and what those bring about is
/// carried out in turn. Time moves only when told.
struct Harness {
    var app: RunnerApp
    var journal: Journal
    var now: Timestamp
    /// Every effect so far, in order.
    private(set) var effects: [UIEffect] = []
    /// Commands the engine refused when the loop appended them (should stay empty).
    private(set) var refused: [(IncidentCommand, CommandError)] = []
    /// Exercise commands the engine refused when the loop appended them (should stay empty).
    private(set) var refusedExercise: [(ExerciseCommand, ExerciseCommandError)] = []
    /// When false, `.perform` effects are left unanswered (to see "saving…").
    var answers = true

    init(
        journal: Journal, contacts: [ContactList] = [], language: UILanguage = .nb, colors: Bool = false,
        now: Timestamp = Fixtures.at(minutes: 1), size: TerminalSize = TerminalSize(width: 80, height: 24),
        exportFormats: [ExportFormatOption] = ExportFormatOption.standard
    ) {
        self.journal = journal
        self.now = now
        app = RunnerApp(
            playbook: journal.playbook, contacts: contacts, incidentID: "20261129-drill-7k3", records: journal.records,
            actor: "kari", language: language, colors: colors, now: now, size: size, exportFormats: exportFormats,
            scenario: journal.scenario)
    }

    /// Sends one event and carries out its effects as the loop would.
    @discardableResult
    mutating func send(_ event: UIEvent) -> [UIEffect] {
        let produced = app.update(event)
        effects += produced
        guard answers else { return produced }
        var queue = produced
        while !queue.isEmpty {
            let answer: UIEvent
            switch queue.removeFirst() {
            case .perform(let command, let at):
                do {
                    answer = .recorded(try journal.append(command, at: at, now: now, actor: "kari"))
                } catch {
                    refused.append((command, error))
                    answer = .failed(String(describing: error))
                }
            case .performExercise(let command):
                do {
                    answer = .recorded(try journal.append(command, now: now, actor: "kari"))
                } catch {
                    refusedExercise.append((command, error))
                    answer = .failed(String(describing: error))
                }
            default:
                continue
            }
            let more = app.update(answer)
            effects += more
            queue += more
        }
        return produced
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [UIEffect] {
        var all: [UIEffect] = []
        for key in keys { all += send(.key(key)) }
        return all
    }

    /// Types text one scalar at a time, as a terminal delivers it.
    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { send(.key(.character(Character(scalar)))) }
    }

    mutating func advance(minutes: Int, seconds: Int = 0) {
        now = now.adding(seconds: minutes * 60 + seconds)
        send(.tick(now))
    }

    /// Another responder's command, appended straight to the journal.
    mutating func other(_ command: IncidentCommand, actor: String = "ola") throws(CommandError) {
        let new = try journal.append(command, now: now, actor: actor)
        effects += app.update(.recorded(new))
    }

    func lines(_ width: Int = 80, _ height: Int = 24) -> [String] {
        grid(width, height).lines
    }

    func grid(_ width: Int = 80, _ height: Int = 24) -> Grid {
        var grid = Grid(width: width, height: height)
        app.render(into: &grid)
        return grid
    }

    func screen(_ width: Int = 80, _ height: Int = 24) -> String {
        lines(width, height).joined(separator: "\n")
    }

    var performed: [IncidentCommand] {
        effects.compactMap { if case .perform(let command, _) = $0 { command } else { nil } }
    }

    var performedExercise: [ExerciseCommand] {
        effects.compactMap { if case .performExercise(let command) = $0 { command } else { nil } }
    }

    /// The exercise clock as the app shows it, in whole seconds.
    var exerciseSeconds: Int { app.exercise?.clock.elapsedSeconds(at: app.now) ?? 0 }
}
