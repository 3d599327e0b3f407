import IncidentEngine
@testable import RunnerUI
import TerminalCore
import Testing

/// The facilitator's keys, driven through `update` with the journal
/// answering as the loop does, checked on what the screen shows.
@Suite struct ExerciseKeyTests {
    /// The facilitator's panel: the rows between its divider and the events'.
    private func panel(_ harness: Harness, _ width: Int = 80, _ height: Int = 24) -> [String] {
        let lines = harness.lines(width, height)
        guard let top = lines.firstIndex(where: { $0.hasPrefix("├ Øvingsleder") || $0.hasPrefix("├ Facilitator") })
        else { return [] }
        return Array(lines[(top + 1)...].prefix { !$0.hasPrefix("├") })
    }

    private func header(_ harness: Harness) -> String { harness.lines()[0] }

    @Test func deliveringADueInjectRecordsItAndShowsItFullScreenOnlyOnceRecorded() throws {
        var harness = try Scenes.exerciseStart(seconds: 30)
        #expect(panel(harness).first?.contains("● forfalt  T+00:00:00  Servicedesk ringer · til IKT-vakt") == true)
        harness.answers = false
        let effects = harness.press(.character("l"))
        #expect(effects == [.performExercise(.deliver(inject: "call"))])
        #expect(!harness.screen().contains("INNSPILL"), "not shown before it is recorded")
        #expect(harness.lines()[21].contains("lagrer…"))
        let new = try harness.journal.append(.deliver(inject: "call"), now: harness.now)
        harness.send(.recorded(new))
        #expect(harness.journal.records.last?.kind == .injectDelivered)
        let screen = harness.screen()
        #expect(screen.contains("INNSPILL 1 av 6 · T+00:00:30"))
        #expect(screen.contains("Servicedesk ringer"))
        #expect(screen.contains("Til: IKT-vakt"))
        #expect(screen.contains("Hun har ikke slått av maskinen."))
        // The text's line breaks inside a paragraph are joined for the room.
        #expect(harness.screen(120, 40).contains("Klokka 03:05 ringer servicedesk. En ansatt på økonomi melder at filene"))
        harness.press(.enter)
        #expect(harness.lines()[2].contains("Faser og steg"), "Enter goes back to the runner")
        #expect(panel(harness).first?.contains("Neste T+00:10:00, om 00:09:30  Flere maskiner") == true)
    }

    @Test func withNothingDueDeliveringTheNextOneAsksFirst() throws {
        var harness = try Scenes.exerciseStart(seconds: 60)
        harness.press(.character("l"), .escape)
        harness.press(.character("l"))
        #expect(harness.screen().contains("Lever innspill før tiden?"))
        #expect(harness.screen().contains("«Flere maskiner» forfaller T+00:10:00, om 00:09:00."))
        harness.press(.character("2"))
        #expect(harness.app.dialog == nil)
        #expect(harness.performedExercise == [.deliver(inject: "call")], "no is no")
        harness.press(.character("l"), .enter)
        #expect(harness.performedExercise == [.deliver(inject: "call"), .deliver(inject: "spread")])
        #expect(harness.screen().contains("INNSPILL 2 av 6 · T+00:01:00"))
        harness.press(.escape)
        harness.press(.character("i"))
        #expect(harness.screen().contains("levert T+00:01:00"))
    }

    @Test func enterOnTheInjectsScreenDeliversTheSelectedOneAndShowsADeliveredOneAgain() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("i"))
        #expect(harness.lines().contains { $0.contains("› ● T+00:20:00  Sikkerhetskopien") })
        harness.press(.enter)
        #expect(harness.performedExercise == [.deliver(inject: "backup")])
        #expect(harness.screen().contains("INNSPILL 4 av 6 · T+00:22:10"))
        harness.press(.escape)
        #expect(harness.lines()[2].contains("Innspill · 4 av 6 levert"), "back where it was delivered from")
        harness.press(.home, .enter)
        #expect(harness.screen().contains("INNSPILL 1 av 6 · T+00:00:30"))
        #expect(harness.performedExercise.count == 1, "showing it again records nothing")
    }

    @Test func postponingAsksHowLongAndShiftsThisAndTheLaterInjects() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("i"), .character("u"))
        #expect(harness.screen().contains("Utsett innspill"))
        #expect(harness.screen().contains("Hvor lenge skal «Sikkerhetskopien» og alle senere innspill utsettes?"))
        harness.type("fem")
        harness.press(.enter)
        #expect(harness.screen().contains("Skriv en varighet som 5m, 10m eller 1h"))
        #expect(harness.performedExercise.isEmpty)
        for _ in 0..<3 { harness.press(.backspace) }
        harness.type("10m")
        harness.press(.enter)
        #expect(harness.performedExercise == [.postpone(inject: "backup", seconds: 600)])
        #expect(harness.app.dialog == nil)
        let lines = harness.lines(120, 40)
        #expect(lines.contains { $0.contains("T+00:30:00  Sikkerhetskopien") })
        #expect(lines.contains { $0.contains("Til: IKT-vakt · venter · utsatt 10 min") })
        #expect(lines.contains { $0.contains("T+00:40:00  Ordføreren vil vite mer") })
        #expect(lines.contains { $0.contains("T+00:55:00  Øvelsen nærmer seg slutten") })
        #expect(lines.contains { $0.contains("T+00:15:00  Journalisten ringer") }, "a delivered one stays")
        // Nothing typed: five minutes.
        harness.press(.character("u"), .enter)
        #expect(harness.performedExercise.last == .postpone(inject: "backup", seconds: 300))
        #expect(harness.lines(120, 40).contains { $0.contains("T+00:35:00  Sikkerhetskopien") })
    }

    @Test func pauseResumeAndSpeedRunTheExerciseClock() throws {
        var harness = try Scenes.exerciseStart(seconds: 60)
        #expect(header(harness).contains(" T+00:01:00 ┐"))
        harness.press(.character("p"))
        #expect(harness.performedExercise == [.pause])
        #expect(header(harness).contains(" T+00:01:00 PAUSE ┐"))
        harness.advance(minutes: 1)
        #expect(header(harness).contains(" T+00:01:00 PAUSE ┐"), "paused time stands still")
        harness.press(.character("p"))
        #expect(harness.performedExercise.last == .resume)
        harness.advance(minutes: 1)
        #expect(header(harness).contains(" T+00:02:00 ┐"))
        harness.press(.character("+"))
        #expect(harness.performedExercise.last == .setSpeed(2))
        #expect(header(harness).contains(" T+00:02:00 2× ┐"))
        for _ in 0..<4 { harness.press(.character("+")) }
        #expect(header(harness).contains(" T+00:02:00 60× ┐"))
        harness.advance(minutes: 1)
        #expect(header(harness).contains(" T+01:02:00 60× ┐"))
        for _ in 0..<3 { harness.press(.character("+")) }
        #expect(harness.app.exercise?.clock.speed == 600)
        #expect(harness.press(.character("+")) == [.bell])
        #expect(harness.lines()[21].contains("Raskeste fart er 600×"))
        harness.press(.character("-"))
        #expect(harness.performedExercise.last == .setSpeed(300))
        for _ in 0..<7 { harness.press(.character("-")) }
        #expect(header(harness).contains(" T+01:02:00 ┐"), "1× shows no speed")
        #expect(harness.press(.character("-")) == [.bell])
        #expect(harness.lines()[21].contains("Sanntid (1×) er saktest"))
        #expect(harness.performedExercise.map { if case .setSpeed(let s) = $0 { s } else { 0 } }.filter { $0 > 0 }
            == [2, 5, 10, 30, 60, 120, 300, 600, 300, 120, 60, 30, 10, 5, 2, 1])
    }

    @Test func anObservationIsAnEvaluatorNoteAboutTheSelectedStep() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("o"))
        #expect(harness.screen().contains("┌─ Observasjon "))
        harness.type("Godt samarbeid 👍")
        harness.press(.enter)
        #expect(harness.performedExercise == [.observe(text: "Godt samarbeid 👍", step: "isolate")])
        #expect(harness.journal.records.last?.event == .evaluatorNote(text: "Godt samarbeid 👍", step: "isolate"))
        #expect(harness.lines()[21].contains("Observasjon: Godt samarbeid 👍"))
        #expect(harness.app.exercise?.observations.last?.isFirstImpression == false)
    }

    @Test func endingAsksFirstThenObservationsAreFirstImpressionsAndNothingIsDelivered() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("a"))
        #expect(harness.screen().contains("Avslutt øvelsen?"))
        harness.press(.escape)
        #expect(harness.performedExercise.isEmpty)
        harness.press(.character("a"), .enter)
        #expect(harness.performedExercise == [.end(reason: .completed, note: nil)])
        #expect(panel(harness).first?.contains("Øvelsen er avsluttet – skriv førsteinntrykk med o") == true)
        #expect(!panel(harness).joined().contains("forfalt"), "nothing is due once it has ended")
        harness.press(.character("o"))
        #expect(harness.screen().contains("┌─ Førsteinntrykk "))
        harness.type("Pressen ble glemt")
        harness.press(.enter)
        #expect(harness.app.exercise?.observations.last?.isFirstImpression == true)
        harness.press(.character("l"))
        #expect(harness.lines()[21].contains("Øvelsen er avsluttet"))
        harness.press(.character("i"), .enter)
        #expect(harness.screen().contains("Øvelsen er avsluttet"))
        #expect(harness.performedExercise.count == 2, "no delivery after the end")
        let english = try Scenes.exercise(language: .en)
        var ended = english
        ended.press(.character("a"), .enter, .character("o"))
        #expect(ended.screen().contains("┌─ First impression "))
        ended.press(.escape)
        #expect(panel(ended).first?.contains("Exercise ended – record first impressions with o") == true)
    }

    @Test func aRealIncidentStopsTheExerciseThenClosesTheIncidentThenQuits() throws {
        var harness = try Scenes.exercise()
        harness.press(.character("!"))
        #expect(harness.screen().contains("Reell hendelse – stopp øvelsen"))
        harness.press(.enter)
        #expect(harness.screen().contains("Skriv hva som har skjedd"), "the reason is required")
        #expect(harness.effects.isEmpty)
        harness.answers = false
        harness.type("Brann i rådhuset")
        #expect(harness.press(.enter) == [.performExercise(.end(reason: .realIncident, note: "Brann i rådhuset"))])
        #expect(harness.app.farewell == nil)
        let ended = try harness.journal.append(.end(reason: .realIncident, note: "Brann i rådhuset"), now: harness.now)
        #expect(harness.send(.recorded(ended)) == [.perform(.close(note: "Brann i rådhuset"))])
        #expect(!harness.effects.contains(.quit), "not before the incident is closed")
        let closed = try harness.journal.append(.close(note: "Brann i rådhuset"), now: harness.now)
        #expect(harness.send(.recorded(closed)) == [.quit])
        #expect(harness.app.farewell == "Øvelsen er stoppet. Start den reelle hendelsen med: vakt run drill")
        #expect(harness.journal.records.suffix(2).map(\.kind) == [.exerciseEnded, .incidentClosed])

        // The same, with the loop answering: end, then close, then quit.
        var answered = try Scenes.exercise(language: .en)
        answered.press(.character("!"))
        answered.type("Real fire")
        answered.press(.enter)
        #expect(answered.effects == [
            .performExercise(.end(reason: .realIncident, note: "Real fire")), .perform(.close(note: "Real fire")),
            .quit,
        ])
        #expect(answered.app.farewell == "The exercise is stopped. Start the real incident with: vakt run drill")
        #expect(answered.refused.isEmpty && answered.refusedExercise.isEmpty)
    }

    @Test func aDueInjectStandsOutOnceTicksBringItDueAtSpeed60() throws {
        var harness = try Scenes.exerciseStart(speed: 60)
        harness.press(.character("l"), .enter)
        #expect(panel(harness).first?.contains("Neste T+00:10:00, om 00:10:00  Flere maskiner") == true)
        for _ in 0..<9 { harness.advance(minutes: 0, seconds: 1) }
        #expect(header(harness).contains(" T+00:09:00 60× ┐"))
        #expect(!panel(harness).joined().contains("forfalt"))
        harness.advance(minutes: 0, seconds: 1)
        #expect(header(harness).contains(" T+00:10:00 60× ┐"))
        let row = try #require(panel(harness).first)
        #expect(row.contains("● forfalt  T+00:10:00  Flere maskiner · til IKT-vakt"))
        let grid = harness.grid()
        let y = try #require(grid.lines.firstIndex { $0.contains("● forfalt") })
        #expect(grid[2, y].style.reverse && grid[2, y].style.bold, "reversed and bold, not by colour alone")
        #expect(harness.lines(40, 12)[7].contains("● 1 forfalt: Flere maskiner"))
    }

    @Test func oneExpectationShowsMetAndOneMissed() throws {
        var harness = try Scenes.exerciseStart(speed: 1)
        harness.press(.character("l"), .enter)
        #expect(panel(harness).contains { $0.contains("○ ventende, 00:10:00 igjen · Servicedesk ringer: Vurder omfanget") })
        harness.advance(minutes: 2)
        harness.press(.enter)
        harness.type("Servicedesk ringte")
        harness.press(.enter)  // the alert is done: "Vurder omfanget" is reached
        #expect(panel(harness).contains { $0.contains("✓ oppfylt T+00:02:00 · Servicedesk ringer: Vurder omfanget") })
        harness.advance(minutes: 8)
        harness.press(.character("l"), .enter)
        #expect(panel(harness).contains { $0.contains("○ ventende, 00:05:00 igjen · Flere maskiner: Isoler maskinene") })
        harness.advance(minutes: 5, seconds: 1)
        #expect(panel(harness).contains { $0.contains("✗ ikke oppfylt · Flere maskiner: Isoler maskinene") })
        harness.press(.character("i"))
        let screen = harness.screen(120, 40)
        #expect(screen.contains("Forventet: Vurder omfanget innen 10 min · ✓ oppfylt T+00:02:00"))
        #expect(screen.contains("Forventet: Isoler maskinene innen 5 min · ✗ ikke oppfylt"))
    }

    @Test func theFacilitatorsKeysDoNothingWithoutAScenario() throws {
        var harness = try Scenes.drill(minutes: 1, exercise: true)
        #expect(harness.press(.character("l"), .character("o"), .character("p"), .character("+"), .character("i"),
                              .character("a"), .character("!")).isEmpty)
        #expect(harness.app.dialog == nil && harness.lines()[2].contains("Faser og steg"))
        #expect(!harness.lines()[22].contains("lever"))
    }

    @Test func theHintsLineNamesTheFacilitatorsMainKeys() throws {
        for language in UILanguage.allCases {
            let harness = try Scenes.exercise(language: language)
            let hints = harness.lines()[22]
            for key in ["l ", "o ", "p ", "i ", "? "] {
                #expect(hints.contains("│ \(key)") || hints.contains("  \(key)"), "\(key) in \(hints)")
            }
        }
    }
}
