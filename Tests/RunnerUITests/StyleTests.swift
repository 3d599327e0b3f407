import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing

/// What colour adds is also said without it: the countdown's states and
/// the banner carry marks and words, and reverse/bold with NO_COLOR.
@Suite struct StyleTests {
    private func countdownStyle(_ harness: Harness) -> Style {
        harness.grid()[4, 1].style
    }

    @Test func theCountdownIsHighlightedInTheWarnWindowAndReversedWhenOverdue() throws {
        let running = try Scenes.drill(minutes: 1)
        #expect(running.lines()[1].contains("│ Melding til ledelsen 01:58:50 igjen"))
        #expect(countdownStyle(running) == .plain)

        let warning = try Scenes.drill(minutes: 100)
        #expect(warning.lines()[1].contains("│ ! Melding til ledelsen 00:19:50 igjen"))
        #expect(countdownStyle(warning).bold && countdownStyle(warning).underline)

        let overdue = try Scenes.drill(minutes: 130)
        #expect(overdue.lines()[1].contains("│ !! Melding til ledelsen OVERSKREDET 00:10:10"))
        #expect(countdownStyle(overdue).reverse)

        var coloured = try Scenes.drill(minutes: 130)
        coloured.app = RunnerApp(
            playbook: coloured.journal.playbook, incidentID: "x", records: coloured.journal.records, actor: "kari",
            language: .en, colors: true, now: Fixtures.at(minutes: 130))
        #expect(coloured.grid()[4, 1].style.background == .red)
        #expect(coloured.lines()[1].contains("!! Melding til ledelsen OVERDUE 00:10:00"))
    }

    @Test func theExerciseBannerIsOnEveryScreen() throws {
        let harness = try Scenes.drill(minutes: 1, language: .en, exercise: true)
        for keys: [Key] in [[], [.character("t")], [.character("d")], [.character("?")], [.character("n")],
                            [.character("e")], [.character("/")]] {
            var view = harness
            for key in keys { view.press(key) }
            for (width, height) in [(80, 24), (40, 12), (120, 40)] {
                #expect(view.lines(width, height)[1].contains("EXERCISE"), "\(keys) at \(width)x\(height)")
            }
        }
    }

    /// A scenario's own banner, on every screen of the facilitator too: the
    /// panel, the injects, an inject for the room, each dialog, too small.
    @Test func aScenariosOwnBannerIsOnEveryScreen() throws {
        let banner = "ØVELSE ØVELSE ØVELSE"
        let harness = try Scenes.exercise(banner: banner)
        for keys: [Key] in [[], [.character("t")], [.character("d")], [.character("?")], [.character("n")],
                            [.character("e")], [.character("/")], [.character("i")], [.character("l")],
                            [.character("i"), .character("u")], [.character("i"), .end, .enter], [.character("o")],
                            [.character("!")], [.character("a")], [.character("a"), .enter]] {
            var view = harness
            for key in keys { view.press(key) }
            for (width, height) in [(80, 24), (40, 12), (120, 40)] {
                #expect(view.lines(width, height)[1].contains(banner), "\(keys) at \(width)x\(height)")
                #expect(!view.lines(width, height)[1].contains("· ØVELSE │"), "the default gives way")
            }
            #expect(view.lines(39, 24).contains { $0.contains(banner) }, "too small, \(keys)")
        }
        // The banner is reversed and bold without colours: not by colour alone.
        let grid = harness.grid()
        let x = try #require(grid.line(1).firstRange(of: banner)).lowerBound
        let column = grid.line(1).distance(from: grid.line(1).startIndex, to: x)
        #expect(grid[column, 1].style.reverse && grid[column, 1].style.bold)
    }

    @Test func nothingIsColouredWithoutColours() throws {
        var harness = try Scenes.ransomware()
        harness.press(.tab)
        var exercise = try Scenes.exercise()
        exercise.press(.tab)
        for (harness, keys): (Harness, [Key]) in [
            (harness, []), (harness, [.character("t")]), (harness, [.character("n")]), (exercise, []),
            (exercise, [.character("i")]), (exercise, [.character("l")]),
        ] {
            var view = harness
            for key in keys { view.press(key) }
            let grid = view.grid(120, 40)
            for y in 0..<grid.height {
                for cell in grid.row(y) {
                    #expect(cell.style.foreground == .default && cell.style.background == .default)
                }
            }
        }
    }
}
