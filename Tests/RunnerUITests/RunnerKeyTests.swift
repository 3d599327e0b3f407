import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing

/// Each key of the runner's table does what the table says, driven
/// through `update` with the journal answering as the loop does.
@Suite struct RunnerKeyTests {
    /// The title on the detail panel's divider: which step is selected.
    private func selectedTitle(_ harness: Harness) -> String {
        harness.lines()[2]
    }

    @Test func arrowsAndVimKeysMoveTheSelection() throws {
        var harness = try Scenes.drill(minutes: 1)
        #expect(selectedTitle(harness).contains("1/7 Ta imot varselet"))
        harness.press(.down)
        #expect(selectedTitle(harness).contains("2/7 Vurder omfanget"))
        harness.press(.character("j"))
        #expect(selectedTitle(harness).contains("3/7 Isoler maskinene"))
        harness.press(.character("k"))
        #expect(selectedTitle(harness).contains("2/7"))
        harness.press(.up)
        #expect(selectedTitle(harness).contains("1/7"))
        harness.press(.up)
        #expect(selectedTitle(harness).contains("1/7"), "stays on the first step")
        harness.press(.end)
        #expect(selectedTitle(harness).contains("7/7 Tilbake i normal drift"))
        harness.press(.home)
        #expect(selectedTitle(harness).contains("1/7"))
        #expect(harness.performed.isEmpty)
    }

    @Test func theSelectionIsMarkedInTextNotOnlyByReverseVideo() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.down)
        #expect(harness.lines().contains { $0.contains("› · Vurder omfanget") })
        #expect(harness.lines().contains { $0.contains("  ▶ Ta imot varselet") })
    }

    @Test func pageKeysScrollTheStep() throws {
        var harness = try Scenes.ransomware(size: TerminalSize(width: 40, height: 12))
        harness.press(.character("k"), .character("k"))  // triage: long instructions
        let before = harness.lines(40, 12)
        #expect(before[8].contains("↓"))
        harness.press(.pageDown)
        let after = harness.lines(40, 12)
        #expect(after[3] != before[3])
        #expect(after[8].contains("↑"))
        harness.press(.pageUp)
        #expect(harness.lines(40, 12) == before)
    }

    @Test func tabSwitchesToTheChecklistAndArrowsMoveInIt() throws {
        var harness = try Scenes.drill(minutes: 1)
        #expect(harness.app.focus == .steps)
        harness.press(.tab)
        #expect(harness.app.focus == .checklist)
        #expect(harness.lines().contains { $0.contains("›[ ] 1 Tidspunkt notert") })
        harness.press(.down)
        #expect(harness.lines().contains { $0.contains("›[ ] 2 Skjermbilde tatt") })
        #expect(selectedTitle(harness).contains("1/7"), "the step stays selected")
        harness.press(.end)
        #expect(harness.app.checklistCursor == 2)
        harness.press(.home)
        #expect(harness.app.checklistCursor == 0)
        harness.press(.backTab)
        #expect(harness.app.focus == .steps)
        harness.press(.down, .tab)
        #expect(harness.app.focus == .steps, "a step without a checklist keeps the focus on the list")
        #expect(harness.lines()[21].contains("Steget har ingen sjekkliste"))
    }

    @Test func spaceAndXTickTheHighlightedItemAndMoveOn() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character(" "))
        #expect(harness.performed == [.tick(step: "alert", item: 1)])
        #expect(harness.lines().contains { $0.contains("[x] 1 Tidspunkt notert") })
        #expect(harness.app.checklistCursor == 1)
        harness.press(.character("x"))
        #expect(harness.performed.last == .tick(step: "alert", item: 2))
        harness.press(.tab, .up, .character("x"))
        #expect(harness.performed.last == .untick(step: "alert", item: 2))
        #expect(harness.app.state.steps[0].checklist.map(\.isTicked) == [true, false, false])
        harness.press(.backTab, .down, .character(" "))
        #expect(harness.performed.count == 3, "no checklist: nothing to tick")
        #expect(harness.lines()[21].contains("Steget har ingen sjekkliste"))
    }

    @Test func enterOnAStepWithARecordAsksForTheNoteFirst() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.enter)
        guard case .text(let dialog) = harness.app.dialog else {
            Issue.record("no dialog")
            return
        }
        #expect(dialog.purpose == .recordNote(step: 0, option: nil))
        #expect(harness.screen().contains("Noter: Hvem varslet og hva de så"))
        harness.press(.enter)
        #expect(harness.performed.isEmpty, "an empty note is refused before it is sent")
        #expect(harness.screen().contains("Skriv et notat: Hvem varslet og hva de så"))
        harness.type("Åse på økonomi")
        harness.press(.enter)
        #expect(harness.performed == [.complete(step: "alert", note: "Åse på økonomi")])
        #expect(harness.app.dialog == nil)
        #expect(selectedTitle(harness).contains("2/7 Vurder omfanget"), "the selection follows the flow")
        #expect(harness.lines().contains { $0.contains("  ✓ Ta imot varselet") })
    }

    @Test func enterOnAStepWithAQuestionAsksForTheAnswer() throws {
        var harness = try Scenes.drill(minutes: 1)
        try harness.other(.complete(step: "alert", note: "ok"))
        harness.press(.enter)
        guard case .choice(let dialog) = harness.app.dialog else {
            Issue.record("no decision dialog")
            return
        }
        #expect(dialog.purpose == .decision(step: 1))
        #expect(harness.screen().contains("Er flere maskiner berørt?"))
        harness.press(.down, .enter)
        #expect(harness.performed == [.decide(step: "assess", option: "2", note: nil)])
        #expect(harness.app.dialog == nil)
        #expect(selectedTitle(harness).contains("5/7 Meld til ledelsen"), "Nei leads to report")
        #expect(harness.app.state.steps[2].status == .bypassed)
    }

    @Test func enterOnAPlainStepCompletesIt() throws {
        var harness = try Scenes.drill(minutes: 1)
        try harness.other(.complete(step: "alert", note: "ok"))
        try harness.other(.decide(step: "assess", option: "1", note: nil))
        harness.press(.enter)
        #expect(harness.performed == [.complete(step: "isolate", note: nil)])
        #expect(selectedTitle(harness).contains("4/7 Virket isoleringen?"))
    }

    @Test func digitsAnswerTheQuestionAndTheLoopGoesBack() throws {
        var harness = try Scenes.drill(minutes: 1)
        try harness.other(.complete(step: "alert", note: "ok"))
        harness.press(.character("1"))
        #expect(harness.performed == [.decide(step: "assess", option: "1", note: nil)])
        harness.press(.enter)  // isolate
        harness.press(.character("1"))  // verify: Nei -> isolate (the loop)
        #expect(harness.performed.last == .decide(step: "verify", option: "1", note: nil))
        #expect(selectedTitle(harness).contains("3/7 Isoler maskinene"))
        #expect(harness.app.state.steps[2].status == .current)
        harness.press(.character("9"))
        #expect(harness.lines()[21].contains("Steget har ikke noe spørsmål"))
        harness.press(.enter, .character("3"))
        #expect(harness.effects.last == .bell)
        #expect(harness.lines()[21].contains("Velg et svar fra 1 til 2"))
        harness.press(.character("2"))
        #expect(harness.performed.last == .decide(step: "verify", option: "2", note: nil))
        #expect(selectedTitle(harness).contains("5/7 Meld til ledelsen"))
    }

    @Test func aDigitOnAStepWithARecordAsksForTheNoteThenDecides() throws {
        let playbook = try Fixtures.ransomware()
        var journal = try Journal.opened(playbook)
        try journal.append(.complete(step: "first-alert", note: "ok"), now: Fixtures.at(minutes: 2))
        var harness = Harness(journal: journal, now: Fixtures.at(minutes: 3))
        harness.press(.character("2"))
        guard case .text(let dialog) = harness.app.dialog else {
            Issue.record("no record dialog")
            return
        }
        #expect(dialog.purpose == .recordNote(step: 1, option: 2))
        #expect(harness.screen().contains("Svar: 2 Usikker"))
        harness.type("PC-114")
        harness.press(.enter)
        #expect(harness.performed == [.decide(step: "triage", option: "2", note: "PC-114")])
    }

    @Test func sSkipsWithAReason() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("s"))
        #expect(harness.screen().contains("Hvorfor hoppes «Ta imot varselet» over?"))
        harness.press(.enter)
        #expect(harness.screen().contains("Skriv en grunn"))
        harness.type("Varselet kom på e-post")
        harness.press(.enter)
        #expect(harness.performed == [.skip(step: "alert", reason: "Varselet kom på e-post")])
        #expect(harness.lines().contains { $0.contains("  ↷ Ta imot varselet") })
    }

    @Test func nWritesANoteAboutTheSelectedStep() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.down, .character("n"))
        harness.type("Ringte NC3")
        harness.press(.enter)
        #expect(harness.performed == [.note(text: "Ringte NC3", step: "assess", lesson: false)])
        #expect(harness.lines()[21].contains("Notat: Ringte NC3"))
        #expect(harness.screen().contains("Ringte NC3"), "the step shows its notes")
    }

    @Test func bAsksWhenThenWritesABackdatedNote() throws {
        var harness = try Scenes.drill(minutes: 31)
        harness.press(.character("b"))
        harness.type("25:99")
        harness.press(.enter)
        #expect(harness.screen().contains("Skriv tiden som TT:MM eller RFC 3339"))
        for _ in 0..<5 { harness.press(.backspace) }
        harness.type("03:05")
        harness.press(.enter)
        #expect(harness.screen().contains("Skjedde: 2026-11-29 03:05"))
        harness.type("Første varsel")
        harness.press(.enter)
        let at = Fixtures.at(minutes: -5)
        #expect(harness.effects.contains(.perform(.note(text: "Første varsel", step: nil, lesson: false), at: at)))
        #expect(harness.app.state.notes.last?.occurred == at)
    }

    @Test func aBackdatedTimeInTheFutureIsRefusedBeforeTheText() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("b"))
        harness.type("2026-11-29T05:00:00+01:00")
        harness.press(.enter)
        #expect(harness.screen().contains("ligger fram i tid"))
        guard case .text(let dialog) = harness.app.dialog else {
            Issue.record("the dialog closed")
            return
        }
        #expect(dialog.purpose == .backdatedTime)
    }

    @Test func cClosesTheIncidentWithAnOptionalNote() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("c"), .enter)
        #expect(harness.performed == [.close(note: nil)])
        #expect(harness.lines()[1].contains("LUKKET"))
        harness.press(.character("n"))
        #expect(harness.app.dialog == nil, "a closed incident takes no notes")
        #expect(harness.lines()[21].contains("Hendelsen er lukket"))
    }

    @Test func viewsOpenAndEscReturns() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("t"))
        #expect(harness.app.screen == .timeline)
        #expect(harness.lines()[2].contains("Tidslinje"))
        harness.press(.escape)
        #expect(harness.app.screen == .runner)
        harness.press(.character("d"))
        #expect(harness.app.screen == .deadlines)
        harness.press(.escape, .character("?"))
        #expect(harness.app.screen == .help)
        harness.press(.escape)
        #expect(harness.app.screen == .runner)
        harness.press(.escape)
        #expect(harness.app.screen == .runner && harness.performed.isEmpty)
    }

    @Test func slashSearchesAndEnterJumps() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("/"))
        harness.type("MELD")
        #expect(harness.screen().contains("· Meld til ledelsen"))
        #expect(!harness.screen().contains("· Isoler maskinene"))
        harness.press(.enter)
        #expect(harness.app.dialog == nil)
        #expect(selectedTitle(harness).contains("5/7 Meld til ledelsen"))
        harness.press(.character("/"), .down, .down, .enter)
        #expect(selectedTitle(harness).contains("3/7 Isoler maskinene"))
        harness.press(.character("/"))
        harness.type("finnes ikke")
        #expect(harness.screen().contains("ingen treff"))
        harness.press(.enter)
        #expect(harness.effects.last == .bell)
        harness.press(.escape)
        #expect(harness.app.dialog == nil)
        #expect(selectedTitle(harness).contains("3/7"))
    }

    @Test func eExportsInTheChosenFormat() throws {
        var harness = try Scenes.drill(minutes: 1)
        harness.press(.character("e"))
        #expect(harness.screen().contains("1 Markdown (for mennesker)"))
        harness.press(.down, .enter)
        #expect(harness.effects.last == .export("html"))
        harness.press(.character("e"), .character("3"))
        #expect(harness.effects.last == .export("json"))
        harness.press(.character("e"), .escape)
        #expect(harness.effects.count == 2)

        var none = Harness(journal: harness.journal, exportFormats: [])
        none.press(.character("e"))
        #expect(none.app.dialog == nil)
        #expect(none.lines()[21].contains("Ingen eksportformater"))
    }

    @Test func qAndCtrlCLeaveFromEveryScreen() throws {
        var harness = try Scenes.drill(minutes: 1)
        #expect(harness.press(.character("q")) == [.quit])
        #expect(harness.press(.ctrl("c")) == [.quit])
        harness.press(.character("t"))
        #expect(harness.press(.character("q")) == [.quit])
        harness.press(.escape, .character("n"))
        #expect(harness.press(.character("q")).isEmpty, "q is text in a note")
        #expect(harness.press(.ctrl("c")) == [.quit])
        harness.press(.escape, .character("e"))
        #expect(harness.press(.character("q")) == [.quit])
        harness.press(.escape, .character("/"))
        #expect(harness.press(.ctrl("c")) == [.quit])
    }

    /// Every key of a binding does the same thing as its first key.
    @Test func everyKeyOfABindingActsAlike() throws {
        for binding in KeyTables.runner {
            guard case .keys(let keys) = binding.trigger, keys.count > 1, binding.action != .quit else { continue }
            var first = try Scenes.drill(minutes: 1)
            first.press(keys[0])
            for key in keys.dropFirst() {
                var other = try Scenes.drill(minutes: 1)
                other.press(key)
                #expect(other.screen() == first.screen(), "\(key) vs \(keys[0])")
                #expect(other.performed == first.performed)
            }
        }
    }
}
