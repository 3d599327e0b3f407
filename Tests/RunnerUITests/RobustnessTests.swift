import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing
import VaktTestSupport

/// Any size, any key, any text: the UI never crashes, never lets a control
/// character through, and only ever asks for commands the engine accepts.
@Suite struct RobustnessTests {
    /// Every screen and dialog once, so each can be drawn at odd sizes.
    private func everyScreen() throws -> [Harness] {
        let base = try Scenes.ransomware()
        var result: [Harness] = [base]
        for keys: [Key] in [
            [.enter], [.character("k"), .character("k"), .enter], [.character("s")], [.character("b")],
            [.character("n")], [.character("c")], [.character("e")], [.character("/")], [.character("t")],
            [.character("d")], [.character("?")], [.tab], [.character("k"), .character("k"), .tab],
        ] {
            var harness = base
            for key in keys { harness.press(key) }
            harness.type("æøå 😀 \u{1B}[2J")
            result.append(harness)
        }
        return result
    }

    @Test func everyScreenDrawsAtEverySizeFromZero() throws {
        let screens = try everyScreen()
        let sizes = [(0, 0), (1, 1), (0, 5), (5, 0), (2, 2), (10, 3), (39, 12), (40, 11), (40, 12), (41, 13),
                     (63, 20), (64, 20), (80, 24), (81, 25), (120, 40), (200, 60)]
        for harness in screens {
            for (width, height) in sizes {
                Self.expectSound(harness.grid(width, height), width: width, height: height)
            }
        }
        var start = StartScenes.screen(language: .nb)
        for (width, height) in sizes {
            var grid = Grid(width: width, height: height)
            start.render(into: &grid)
            _ = start.update(.resize(TerminalSize(width: width, height: height)))
        }
    }

    /// A frame that fits its terminal: the asked size, the cursor inside, no line wider than the
    /// terminal, and no control character anywhere.
    private static func expectSound(_ grid: Grid, width: Int, height: Int) {
        #expect(grid.width == width && grid.height == height)
        if let cursor = grid.cursor {
            #expect(grid.contains(x: cursor.x, y: cursor.y), "cursor outside the \(width)x\(height) grid")
        }
        for line in grid.lines {
            #expect(TerminalCore.DisplayWidth.of(line) <= width)
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    /// The facilitator's screens: the panel, the injects, an inject for
    /// the room (a long text too), its dialogs.
    private func everyExerciseScreen() throws -> [Harness] {
        let base = try Scenes.exercise()
        var result: [Harness] = [base]
        for keys: [Key] in [
            [.character("i")], [.character("l")], [.character("i"), .home, .enter], [.character("i"), .character("u")],
            [.character("i"), .end, .enter], [.character("o")], [.character("!")], [.character("a")],
            [.character("a"), .enter], [.character("?")],
        ] {
            var harness = base
            for key in keys { harness.press(key) }
            result.append(harness)
        }
        var long = base
        let words = String(repeating: "Ansvarlig for øvelsen 😀 Donaudampfschifffahrtsgesellschaftskapitän ", count: 40)
        long.app = RunnerApp(
            playbook: long.journal.playbook, incidentID: "x", records: long.journal.records, actor: "kari",
            language: .nb, colors: true, now: long.now,
            scenario: try Fixtures.parseScenario(Fixtures.drillScenarioText.replacingOccurrences(
                of: "text: To maskiner til på økonomi viser den samme meldingen.", with: "text: " + words)))
        long.press(.character("i"), .up, .up, .enter)
        result.append(long)
        return result
    }

    @Test func theFacilitatorsScreensDrawAtEverySizeFromOneByOneTo200x60() throws {
        let widths = [0, 1, 2, 3, 5, 10, 20, 39, 40, 41, 63, 64, 65, 80, 81, 120, 200]
        let heights = [0, 1, 2, 3, 5, 11, 12, 13, 15, 19, 20, 21, 24, 31, 32, 40, 60]
        for harness in try everyExerciseScreen() {
            for width in widths {
                for height in heights {
                    Self.expectSound(harness.grid(width, height), width: width, height: height)
                }
            }
            // Scrolling after resizing to each size keeps every offset in range.
            var resized = harness
            for (width, height) in [(1, 1), (200, 60), (40, 12), (20, 5), (120, 40)] {
                resized.send(.resize(TerminalSize(width: width, height: height)))
                resized.press(.pageDown, .down, .end, .pageUp)
                _ = resized.grid(width, height)
            }
        }
    }

    /// Random keys, ticks and resizes in an exercise at speed 60: every
    /// exercise command the UI sends is one the engine accepts, and what
    /// it shows is the fold of exactly what the journal holds.
    @Test(arguments: [5, 6, 7])
    func randomKeysInAnExerciseAreAlwaysAccepted(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var harness = try Scenes.exerciseStart(speed: 60)
        let keys: [Key] = [.up, .down, .enter, .escape, .backspace, .pageDown, .home, .end, .tab]
            + "lopp+-iiua!kjxsn1235m😀 ".map { Key.character($0) }
        for step in 0..<1_500 {
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 8 {
                harness.advance(minutes: 0, seconds: Int.random(in: 0...20, using: &random))
            } else if roll < 9 {
                harness.send(.resize(TerminalSize(
                    width: Int.random(in: 0...130, using: &random), height: Int.random(in: 0...45, using: &random))))
            } else {
                let key = keys[Int.random(in: 0..<keys.count, using: &random)]
                if harness.press(key).contains(.quit) { break }
            }
            if step % 50 == 0 { _ = harness.grid(80, 24) }
        }
        #expect(harness.refused.isEmpty, "\(harness.refused)")
        #expect(harness.refusedExercise.isEmpty, "\(harness.refusedExercise)")
        #expect(harness.app.records == harness.journal.records)
        #expect(harness.app.exercise == harness.journal.exercise)
        #expect(!harness.performedExercise.isEmpty, "the run did something")
    }

    @Test func belowTheMinimumItSaysSoCentred() throws {
        let harness = try Scenes.drill(minutes: 1, exercise: true)
        let lines = harness.lines(39, 12)
        #expect(lines.contains { $0.contains("Vinduet er for lite") })
        #expect(lines.contains { $0.contains("minst 40x12") })
        #expect(lines.contains { $0.contains("ØVELSE") })
        #expect(harness.lines(1, 1) == ["…"])
        #expect(harness.lines(0, 0).isEmpty)
        #expect(!harness.lines(40, 12).joined().contains("Vinduet er for lite"))
    }

    @Test func resizingKeepsTheSelectionInView() throws {
        var harness = try Scenes.ransomware()
        harness.press(.end)
        for (width, height) in [(120, 40), (40, 12), (1, 1), (80, 24), (30, 8), (80, 24)] {
            harness.send(.resize(TerminalSize(width: width, height: height)))
            if width >= 64, height >= 12 {
                #expect(harness.lines(width, height).contains { $0.contains("› · Evaluer hendelsen") })
            }
        }
    }

    @Test func textFromTheJournalCannotInjectEscapes() throws {
        var harness = try Scenes.drill(minutes: 1)
        try harness.other(.note(text: "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}tekst", step: "alert", lesson: false))
        for screen in [[], [Key.character("t")]] {
            var view = harness
            for key in screen { view.press(key) }
            let text = view.screen(120, 40)
            #expect(text.contains("␛]0;pwned␇␛[2J"))
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
            #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
        }
    }

    /// Random keys, ticks and resizes on the drill and the ransomware
    /// playbooks: no crash, and every command the UI sends is one the
    /// engine accepts when the loop appends it.
    @Test(arguments: [1, 2, 3, 4])
    func randomKeysNeverCrashAndEveryCommandIsAccepted(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var harness = seed % 2 == 0 ? try Scenes.ransomware() : try Scenes.drill(minutes: 1)
        let keys: [Key] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape, .backspace,
            .delete, .character(" "), .ctrl("a"), .ctrl("e"), .function(1), .unknown, .resize,
        ] + "kjxsnbctde/?0123456789aæøå😀 :-".map { Key.character($0) } + [
            .character("\u{301}"), .character("🇳"), .character("🇴"), .character("\u{200D}"),
        ]
        var sizes = [TerminalSize(width: 80, height: 24)]
        var quits = 0
        for step in 0..<1_500 {
            let roll = Int.random(in: 0..<100, using: &random)
            if roll < 3 {
                harness.advance(minutes: Int.random(in: 0...45, using: &random))
            } else if roll < 5 {
                let size = TerminalSize(
                    width: Int.random(in: 0...130, using: &random), height: Int.random(in: 0...45, using: &random))
                sizes.append(size)
                harness.send(.resize(size))
            } else if roll < 6 {
                harness.send(.failed("feil \(step)"))
            } else {
                let key = keys[Int.random(in: 0..<keys.count, using: &random)]
                if harness.press(key).contains(.quit) { quits += 1 }
            }
            if step % 25 == 0 {
                let size = sizes.last ?? TerminalSize(width: 80, height: 24)
                _ = harness.grid(size.width, size.height)
                _ = harness.grid(80, 24)
            }
        }
        #expect(harness.refused.isEmpty, "\(harness.refused)")
        // What the UI shows is the fold of exactly what the journal holds.
        #expect(harness.app.records == harness.journal.records)
        let folded = RunState.fold(harness.journal.playbook, harness.journal.records)
        #expect(harness.app.state.steps == folded.steps)
        #expect(harness.app.state.notes == folded.notes)
        #expect(harness.app.state.isClosed == folded.isClosed)
        #expect(!harness.performed.isEmpty, "the run did something")
    }
}
