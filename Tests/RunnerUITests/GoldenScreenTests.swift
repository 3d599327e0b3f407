import IncidentEngine
import RunnerUI
import TerminalCore
import Testing

/// Every screen rendered into a grid and compared line by line with the
/// text files in Golden/ (VAKT_UPDATE_GOLDEN=1 rewrites them).
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    @Test(arguments: UILanguage.allCases)
    func runnerOnTheRansomwarePlaybook(language: UILanguage) throws {
        let harness = try Scenes.ransomware(language: language)
        for (width, height) in Self.sizes {
            Golden.check(harness.lines(width, height), "runner-ransomware-\(language)-\(width)x\(height)")
        }
    }

    @Test(arguments: UILanguage.allCases)
    func headerCountdownRunningWarningAndOverdue(language: UILanguage) throws {
        for (minutes, name) in [(1, "running"), (100, "warning"), (130, "overdue")] {
            let harness = try Scenes.drill(minutes: minutes, language: language)
            Golden.check(harness.lines(), "countdown-\(name)-\(language)-80x24")
            Golden.check(harness.lines(40, 12), "countdown-\(name)-\(language)-40x12")
        }
    }

    @Test(arguments: UILanguage.allCases)
    func exerciseBanner(language: UILanguage) throws {
        let harness = try Scenes.drill(minutes: 12, language: language, exercise: true)
        for (width, height) in Self.sizes {
            Golden.check(harness.lines(width, height), "exercise-\(language)-\(width)x\(height)")
        }
    }

    @Test(arguments: UILanguage.allCases)
    func dialogs(language: UILanguage) throws {
        var harness = try Scenes.drill(minutes: 5, language: language)
        harness.press(.enter)
        Golden.check(harness.lines(), "dialog-record-\(language)-80x24")
        harness.type("Servicedesk ringte – Åse på økonomi 😀")
        harness.press(.left, .left)
        Golden.check(harness.lines(), "dialog-record-typed-\(language)-80x24")
        Golden.check(harness.lines(40, 12), "dialog-record-typed-\(language)-40x12")
        harness.press(.escape, .character("j"), .enter)
        Golden.check(harness.lines(), "dialog-decision-\(language)-80x24")
        Golden.check(harness.lines(40, 12), "dialog-decision-\(language)-40x12")
        harness.press(.escape, .character("s"))
        Golden.check(harness.lines(), "dialog-skip-\(language)-80x24")
        harness.press(.escape, .character("b"))
        Golden.check(harness.lines(), "dialog-backdated-time-\(language)-80x24")
        harness.type("03:05")
        harness.press(.enter)
        Golden.check(harness.lines(), "dialog-backdated-note-\(language)-80x24")
        harness.press(.escape, .character("n"))
        harness.type("Ringte NC3")
        Golden.check(harness.lines(), "dialog-note-\(language)-80x24")
        harness.press(.escape, .character("e"))
        Golden.check(harness.lines(), "dialog-export-\(language)-80x24")
        harness.press(.escape, .character("/"))
        harness.type("isol")
        Golden.check(harness.lines(), "dialog-search-\(language)-80x24")
        harness.press(.escape, .character("c"))
        Golden.check(harness.lines(), "dialog-close-\(language)-80x24")
    }

    @Test(arguments: UILanguage.allCases)
    func views(language: UILanguage) throws {
        var harness = try Scenes.ransomware(language: language)
        try harness.other(
            .note(text: "Første varsel kom 02:55 fra nattevakten", step: nil, lesson: false))
        // A back-dated note shows when it happened and when it was recorded.
        _ = try harness.journal.append(
            .note(text: "Antivirus varslet allerede 02:40", step: nil, lesson: false), at: Fixtures.at(minutes: -30),
            now: harness.now, actor: "kari")
        harness.send(.recorded(Array(harness.journal.records.suffix(1))))
        harness.press(.character("t"))
        for (width, height) in Self.sizes {
            Golden.check(harness.lines(width, height), "timeline-\(language)-\(width)x\(height)")
        }
        harness.press(.home)
        Golden.check(harness.lines(), "timeline-top-\(language)-80x24")
        harness.press(.character("d"))
        Golden.check(harness.lines(), "deadlines-ransomware-\(language)-80x24")
        harness.press(.character("?"))
        Golden.check(harness.lines(), "help-\(language)-80x24")
        Golden.check(harness.lines(120, 40), "help-\(language)-120x40")

        var drill = try Scenes.drill(minutes: 100, language: language)
        drill.press(.character("d"))
        Golden.check(drill.lines(), "deadlines-warning-\(language)-80x24")
    }

    @Test(arguments: UILanguage.allCases)
    func tooSmall(language: UILanguage) throws {
        let harness = try Scenes.drill(minutes: 1, language: language, exercise: true)
        Golden.check(harness.lines(39, 24), "too-small-\(language)-39x24")
        Golden.check(harness.lines(20, 5), "too-small-\(language)-20x5")
        Golden.check(harness.lines(1, 1), "too-small-\(language)-1x1")
    }

    @Test(arguments: UILanguage.allCases)
    func startScreen(language: UILanguage) throws {
        var start = StartScenes.screen(language: language)
        for (width, height) in Self.sizes {
            var grid = Grid(width: width, height: height)
            start.render(into: &grid)
            Golden.check(grid.lines, "start-\(language)-\(width)x\(height)")
        }
        for character in "tje" { _ = start.update(.key(.character(character))) }
        var grid = Grid(width: 80, height: 24)
        start.render(into: &grid)
        Golden.check(grid.lines, "start-filtered-\(language)-80x24")
    }
}
