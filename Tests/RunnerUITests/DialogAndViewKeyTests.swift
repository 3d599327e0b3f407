import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing

/// The keys of the text, choice and search dialogs and of the scrolled
/// views, each as its table says.
@Suite struct DialogAndViewKeyTests {
    private func editorText(_ harness: Harness) -> LineEditor? {
        if case .text(let dialog) = harness.app.dialog { return dialog.editor }
        return nil
    }

    @Test func theNoteEditorEditsByGraphemeWithÆøåAndEmoji() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("n"))
        harness.type("blåbær")
        harness.press(.left, .left, .left)
        harness.type("👩‍👩‍👧")  // a family: five scalars, one cluster
        #expect(editorText(harness)?.text == "blå👩‍👩‍👧bær")
        harness.press(.backspace)
        #expect(editorText(harness)?.text == "blåbær", "Backspace removes the whole emoji")
        harness.press(.home, .delete)
        #expect(editorText(harness)?.text == "låbær")
        harness.press(.ctrl("e"))
        harness.type("🇳🇴")  // a flag: two regional indicators, one cluster
        harness.press(.left)
        #expect(editorText(harness)?.cursor == 5)
        harness.press(.right, .backspace)
        #expect(editorText(harness)?.text == "låbær")
        harness.press(.ctrl("a"))
        harness.type("Æ")
        harness.press(.end)
        harness.type(" ø")
        #expect(editorText(harness)?.text == "Ælåbær ø")
        harness.press(.enter)
        #expect(harness.performed == [.note(text: "Ælåbær ø", step: "alert", lesson: false)])
        #expect(harness.lines()[21].contains("Notat: Ælåbær ø"))
    }

    @Test func escCancelsADialogWithoutAnEffect() throws {
        var harness = try Scenes.drill(minutes: 1)
        for key in ["n", "s", "b", "c", "e", "/"] {
            harness.press(.character(Character(key)))
            #expect(harness.app.dialog != nil, "\(key) opens a dialog")
            harness.type("abc")
            harness.press(.escape)
            #expect(harness.app.dialog == nil, "Esc closes \(key)")
        }
        harness.press(.enter, .escape)
        #expect(harness.effects.isEmpty)
        #expect(harness.app.state.eventCount == harness.journal.records.count)
    }

    @Test func theCursorOfTheTerminalIsInTheTextField() throws {
        var harness = try Scenes.drill(minutes: 1)
        #expect(harness.grid().cursor == nil)
        harness.press(.character("n"))
        harness.type("æø😀")
        let grid = harness.grid()
        let cursor = try #require(grid.cursor)
        let row = grid.line(cursor.y)
        #expect(row.contains("æø😀"))
        // æ ø 😀 take 1 + 1 + 2 columns: the cursor sits just after them.
        #expect(grid[cursor.x - 2, cursor.y].character == "😀")
        harness.press(.left)
        #expect(harness.grid().cursor?.x == cursor.x - 2)
    }

    @Test func aLongNoteWrapsAndKeepsTheCursorInView() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("n"))
        let text = String(repeating: "Åse ringte tilbake. ", count: 30)
        harness.type(text)
        for (width, height) in [(80, 24), (40, 12)] {
            let grid = harness.grid(width, height)
            let cursor = try #require(grid.cursor)
            #expect(cursor.x >= 0 && cursor.x < width && cursor.y >= 0 && cursor.y < height)
        }
        harness.press(.enter)
        #expect(harness.performed == [.note(text: text, step: "alert", lesson: false)])
    }

    @Test func choiceArrowsAndVimKeysMoveTheHighlight() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("e"), .character("j"), .down, .character("k"), .up, .down)
        guard case .choice(let choice) = harness.app.dialog else {
            Issue.record("no choice")
            return
        }
        #expect(choice.cursor == 1)
        #expect(harness.screen().contains("› 2 HTML med tidslinje"))
        harness.press(.character("7"))
        #expect(harness.effects.last == .bell)
        #expect(harness.screen().contains("Velg et svar fra 1 til 5"))
        harness.press(.enter)
        #expect(harness.effects.last == .export("html"))
    }

    @Test func timelineScrollsWithEveryMoveKey() throws {
        var harness = try Scenes.ransomware()
        for minute in 32..<60 {
            harness.now = Fixtures.at(minutes: minute)
            try harness.other(.note(text: "Statusmøte \(minute)", step: nil, lesson: false))
        }
        harness.press(.character("t"))
        let bottom = harness.lines()
        #expect(bottom.contains { $0.contains("Statusmøte 59") }, "the timeline opens at the newest")
        harness.press(.up)
        #expect(harness.lines() != bottom)
        harness.press(.character("j"))
        #expect(harness.lines() == bottom)
        harness.press(.pageUp)
        let pageUp = harness.lines()
        #expect(!pageUp.contains { $0.contains("Statusmøte 59") })
        harness.press(.pageDown)
        #expect(harness.lines() == bottom)
        harness.press(.home)
        #expect(harness.lines()[3].contains("2026-11-29"))
        #expect(harness.lines()[4].contains("03:10:00 kari: Hendelsen åpnet"))
        harness.press(.character("k"))
        #expect(harness.lines()[4].contains("03:10:00 kari: Hendelsen åpnet"), "stays at the top")
        harness.press(.end)
        #expect(harness.lines() == bottom)
        // New events keep the end in view while at the end.
        try harness.other(.note(text: "Nytt", step: nil, lesson: false))
        #expect(harness.screen().contains("Nytt"))
    }

    @Test func viewsSwitchWithTheirKeys() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("t"), .character("d"))
        #expect(harness.app.screen == .deadlines)
        harness.press(.character("t"))
        #expect(harness.app.screen == .timeline)
        harness.press(.character("?"))
        #expect(harness.app.screen == .help)
        harness.press(.character("?"))
        #expect(harness.app.screen == .timeline, "? again returns to where help was opened")
        harness.press(.character("?"), .escape)
        #expect(harness.app.screen == .timeline)
        harness.press(.escape)
        #expect(harness.app.screen == .runner)
    }

    @Test func helpScrollsOnSmallWindows() throws {
        var harness = try Scenes.drill(minutes: 1, size: TerminalSize(width: 40, height: 12))
        harness.press(.character("?"))
        let top = harness.lines(40, 12)
        harness.press(.pageDown)
        #expect(harness.lines(40, 12) != top)
        harness.press(.home)
        #expect(harness.lines(40, 12) == top)
        harness.press(.end)
        #expect(harness.screen(40, 12).contains("Ctrl-C"))
    }
}
