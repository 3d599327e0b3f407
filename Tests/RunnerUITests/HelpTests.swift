@testable import RunnerUI
import TerminalCore
import Testing

/// Help is the key tables, every row, nothing else; the hints line only
/// names keys from the active table.
@Suite struct HelpTests {
    private func rows<A>(_ table: [KeyBinding<A>], _ language: UILanguage) -> [(String, String)] {
        table.map { ($0.keyName(language), $0.label(language)) }
    }

    @Test(arguments: UILanguage.allCases)
    func helpListsExactlyTheKeyTables(language: UILanguage) throws {
        var harness = try Scenes.drill(minutes: 1, language: language)
        harness.press(.character("?"))
        expectHelp(harness, height: 90, lists: incidentTables(language))
    }

    /// The tables every runner's help lists, in order: a real incident's whole help.
    func incidentTables(_ language: UILanguage) -> [(String, [(String, String)])] {
        let strings = UIStrings(language)
        return [
            (strings.helpRunner, rows(KeyTables.runner, language)),
            (strings.helpEditor, rows(KeyTables.editor, language)),
            (strings.helpChoice, rows(KeyTables.choice, language)),
            (strings.helpSearch, rows(KeyTables.search, language)),
            (strings.helpViews, rows(KeyTables.view, language)),
        ]
    }

    /// The help screen's body, tall and wide enough that nothing scrolls or
    /// wraps, is exactly these titled tables in this order.
    func expectHelp(
        _ harness: Harness, height: Int, lists tables: [(String, [(String, String)])],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let body = harness.lines(160, height).dropFirst(3).prefix(while: { !$0.hasPrefix("├") })
            .map { String($0.dropFirst(2)).replacingBorder() }
            .filter { !$0.isEmpty }
        var expected: [String] = []
        for (title, table) in tables {
            expected.append(title)
            expected += table.map { "  " + TerminalCore.DisplayWidth.padded($0.0, to: HelpView.keyColumn) + $0.1 }
        }
        #expect(body.map { $0.trimmingTrailingSpaces() } == expected.map { $0.trimmingTrailingSpaces() },
                sourceLocation: sourceLocation)
    }

    @Test(arguments: UILanguage.allCases)
    func helpInAnExerciseListsTheFacilitatorsKeysFirst(language: UILanguage) throws {
        var harness = try Scenes.exercise(language: language)
        harness.press(.character("?"))
        let strings = UIStrings(language)
        expectHelp(harness, height: 140, lists: [
            (strings.helpExercise, rows(KeyTables.exercise, language)),
            (strings.helpInjects, rows(KeyTables.injects, language)),
            (strings.helpInjectView, rows(KeyTables.injectView, language)),
        ] + incidentTables(language))
        // Esc from help goes back where it was opened.
        harness.press(.escape, .character("i"), .character("?"), .escape)
        #expect(harness.lines()[2].contains(strings.injectsTitle))
    }

    @Test func theFacilitatorsKeysAreNoRunnerKeys() {
        for binding in KeyTables.exercise {
            guard case .keys(let keys) = binding.trigger else {
                Issue.record("exercise keys are named keys")
                continue
            }
            for key in keys {
                #expect(KeyTables.runner.binding(for: key) == nil, "\(key) is a runner key too")
            }
        }
    }

    @Test func noKeyIsShadowedByAnEarlierBinding() {
        func check<A>(_ table: [KeyBinding<A>], _ name: String) {
            for binding in table {
                guard case .keys(let keys) = binding.trigger else { continue }
                for key in keys {
                    #expect(table.binding(for: key)?.action == binding.action, "\(name): \(key)")
                }
            }
        }
        check(KeyTables.runner, "runner")
        check(KeyTables.editor, "editor")
        check(KeyTables.choice, "choice")
        check(KeyTables.search, "search")
        check(KeyTables.view, "view")
        check(KeyTables.start, "start")
        check(KeyTables.exercise, "exercise")
        check(KeyTables.injects, "injects")
        check(KeyTables.injectView, "inject view")
        for digit in 1...9 {
            #expect(KeyTables.runner.binding(for: .character(Character(String(digit))))?.action == .answer)
            #expect(KeyTables.choice.binding(for: .character(Character(String(digit))))?.action == .number)
        }
    }

    @Test func everyRunnerActionHasAKey() {
        let bound = Set(KeyTables.runner.map(\.action))
        #expect(bound == Set(RunnerAction.allCases))
        #expect(Set(KeyTables.editor.map(\.action)) == Set(EditorAction.allCases))
        #expect(Set(KeyTables.choice.map(\.action)) == Set(ChoiceAction.allCases))
        #expect(Set(KeyTables.search.map(\.action)) == Set(SearchAction.allCases))
        #expect(Set(KeyTables.view.map(\.action)) == Set(ViewAction.allCases))
        #expect(Set(KeyTables.start.map(\.action)) == Set(StartAction.allCases))
        #expect(Set(KeyTables.exercise.map(\.action)) == Set(ExerciseAction.allCases))
        #expect(Set(KeyTables.injects.map(\.action)) == Set(InjectsAction.allCases))
        #expect(Set(KeyTables.injectView.map(\.action)) == Set(InjectViewAction.allCases))
    }

    @Test(arguments: UILanguage.allCases)
    func theHintsLineNamesOnlyHintedBindingsAndFits(language: UILanguage) throws {
        let harness = try Scenes.drill(minutes: 1, language: language)
        for width in [40, 64, 80, 120, 200] {
            let line = harness.lines(width, 24)[22]
            #expect(TerminalCore.DisplayWidth.of(line) <= width)
            let hints = HintsView.hints(KeyTables.runner, language: language, width: width - 4) { $0.hintRank }
            #expect(!hints.isEmpty)
            let quit = try #require(KeyTables.runner.first { $0.action == .quit }?.hint)
            #expect(hints.contains { $0.label == quit(language) }, "quitting is always shown")
        }
    }
}

extension String {
    /// Without the right border and the spaces before it.
    fileprivate func replacingBorder() -> String {
        var text = self
        if text.last == "│" { text.removeLast() }
        return text.trimmingTrailingSpaces()
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
