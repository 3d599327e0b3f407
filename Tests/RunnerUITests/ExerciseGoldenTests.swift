import IncidentEngine
import RunnerUI
import TerminalCore
import Testing

/// The facilitator's screens rendered into grids and compared line by line
/// with the text files in Golden/ (VAKT_UPDATE_GOLDEN=1 rewrites them).
@Suite struct ExerciseGoldenTests {
    @Test func theRunnerWithTheFacilitatorsPanel() throws {
        let harness = try Scenes.exercise()
        for (width, height) in GoldenScreenTests.sizes {
            Golden.check(harness.lines(width, height), "exercise-panel-nb-\(width)x\(height)")
        }
        let english = try Scenes.exercise(language: .en)
        Golden.check(english.lines(), "exercise-panel-en-80x24")
    }

    @Test(arguments: UILanguage.allCases)
    func theInjectsScreen(language: UILanguage) throws {
        var harness = try Scenes.exercise(language: language)
        harness.press(.character("i"))
        Golden.check(harness.lines(), "exercise-injects-\(language)-80x24")
        Golden.check(harness.lines(120, 40), "exercise-injects-\(language)-120x40")
    }

    @Test(arguments: UILanguage.allCases)
    func aDeliveredInjectFullScreen(language: UILanguage) throws {
        var harness = try Scenes.exercise(language: language)
        harness.press(.character("l"))
        for (width, height) in GoldenScreenTests.sizes {
            Golden.check(harness.lines(width, height), "exercise-inject-\(language)-\(width)x\(height)")
        }
    }

    @Test(arguments: UILanguage.allCases)
    func helpInAnExercise(language: UILanguage) throws {
        var harness = try Scenes.exercise(language: language)
        harness.press(.character("?"))
        Golden.check(harness.lines(120, 40), "exercise-help-\(language)-120x40")
    }

    @Test func theFacilitatorsDialogs() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("i"), .down, .down, .down, .down, .enter)
        Golden.check(harness.lines(), "exercise-dialog-deliver-early-nb-80x24")
        harness.press(.escape, .character("u"))
        Golden.check(harness.lines(), "exercise-dialog-postpone-nb-80x24")
        harness.press(.escape, .escape, .character("o"))
        Golden.check(harness.lines(), "exercise-dialog-observation-nb-80x24")
        harness.press(.escape, .character("!"))
        Golden.check(harness.lines(), "exercise-dialog-real-incident-nb-80x24")
        harness.press(.escape, .character("a"))
        Golden.check(harness.lines(), "exercise-dialog-end-nb-80x24")
        harness.press(.enter)
        Golden.check(harness.lines(), "exercise-ended-nb-80x24")
        harness.press(.character("o"))
        Golden.check(harness.lines(), "exercise-dialog-first-impression-nb-80x24")
    }
}
