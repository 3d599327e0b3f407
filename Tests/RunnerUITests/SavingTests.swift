import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing

/// An action shows as recorded only when its records come back; a failed
/// append keeps what was typed; other responders' events appear.
@Suite struct SavingTests {
    @Test func aDialogShowsSavingUntilTheRecordsArrive() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.answers = false
        harness.press(.character("n"))
        harness.type("Ringte NC3")
        let effects = harness.press(.enter)
        #expect(effects == [.perform(.note(text: "Ringte NC3", step: "alert", lesson: false))])
        #expect(harness.screen().contains("lagrer…"))
        #expect(harness.app.isSaving)
        // Keys wait while saving; only leaving works.
        #expect(harness.press(.character("x"), .enter, .escape).isEmpty)
        #expect(harness.press(.ctrl("c")) == [.quit])
        #expect(!harness.screen().contains("Notat: Ringte NC3"))
        let new = try harness.journal.append(
            .note(text: "Ringte NC3", step: "alert", lesson: false), now: harness.now, actor: "kari")
        harness.send(.recorded(new))
        #expect(harness.app.dialog == nil)
        #expect(!harness.app.isSaving)
        #expect(harness.lines()[21].contains("Notat: Ringte NC3"))
    }

    @Test func aRunnerActionShowsSavingOnTheEventsLine() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.answers = false
        harness.press(.character(" "))
        #expect(harness.lines()[21].contains("lagrer…"))
        #expect(harness.lines().contains { $0.contains("[ ] 1 Tidspunkt notert") }, "not shown ticked yet")
        let new = try harness.journal.append(.tick(step: "alert", item: 1), now: harness.now, actor: "kari")
        harness.send(.recorded(new))
        #expect(harness.lines().contains { $0.contains("[x] 1 Tidspunkt notert") })
    }

    @Test func aFailedAppendKeepsTheTextAndSaysWhy() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.answers = false
        harness.press(.character("n"))
        harness.type("Viktig: ikke slå av serveren")
        harness.press(.enter)
        harness.send(.failed("kunne ikke skrive journalen: disken er full"))
        #expect(!harness.app.isSaving)
        #expect(harness.screen().contains("disken er full"))
        guard case .text(let dialog) = harness.app.dialog else {
            Issue.record("the dialog closed")
            return
        }
        #expect(dialog.editor.text == "Viktig: ikke slå av serveren")
        harness.answers = true
        harness.press(.enter)
        #expect(harness.app.dialog == nil)
        #expect(harness.app.state.notes.last?.text == "Viktig: ikke slå av serveren")
    }

    @Test func aFailureOutsideADialogShowsOnTheEventsLine() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.send(.failed("journalen er låst"))
        #expect(harness.lines()[21].contains("journalen er låst"))
        harness.press(.down)
        #expect(!harness.lines()[21].contains("journalen er låst"), "gone at the next key")
    }

    @Test func aNoticeFromTheLoopShowsOnTheStatusLineWithoutControlCharacters() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.send(.notice("Eksportert til /tmp/x\u{1B}[2J\u{9B}\u{202E}.md\nslutt"))
        let line = harness.lines()[21]
        #expect(line.contains("Eksportert til /tmp/x␛[2J\u{FFFD}\u{FFFD}.md␊slutt"))
        #expect(!harness.screen().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
        #expect(harness.effects.isEmpty)
        harness.press(.down)
        #expect(!harness.lines()[21].contains("Eksportert"), "gone at the next key")
        #expect(harness.app.exportNotice(path: "/tmp/x.md") == "Eksportert til /tmp/x.md")
    }

    @Test func anotherResponderMovesTheFlowAndTheSelectionFollows() throws {
        var harness = try Scenes.drill(minutes: 1)
        try harness.other(.complete(step: "alert", note: "Ola tok den"))
        #expect(harness.lines()[2].contains("2/7 Vurder omfanget"))
        #expect(harness.lines()[21].contains("Fullført: Ta imot varselet"))
        // A selection away from the flow stays where the responder put it.
        harness.press(.end)
        try harness.other(.decide(step: "assess", option: "2", note: nil))
        #expect(harness.lines()[2].contains("7/7"))
    }

    @Test func recordsAlreadyFoldedAreIgnored() throws {
        var harness = try Scenes.drill(minutes: 1)
        let count = harness.app.records.count
        harness.send(.recorded(harness.journal.records))
        #expect(harness.app.records.count == count)
        #expect(harness.app.state.anomalies.isEmpty)
    }

    @Test func aPassedDeadlineIsRecordedOnce() throws {
        var harness = try Scenes.drill(minutes: 119)
        harness.advance(minutes: 2)
        #expect(harness.performed == [.recordMissedDeadlines])
        #expect(harness.app.state.deadlines[0].missedRecordedAt != nil)
        harness.advance(minutes: 1)
        #expect(harness.performed.count == 1)
    }
}
