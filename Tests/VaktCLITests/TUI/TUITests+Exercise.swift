import Glibc
import Testing
import VaktTestSupport

/// A tabletop exercise driven by its facilitator in a real terminal: the
/// clock runs at 60×, injects come due and are delivered full screen, one
/// expectation is met and one missed, the banner is on every screen, and
/// the evaluation report names both.
extension TUITests {
    @Test(.enabled(if: tmuxAvailable)) func aFacilitatorRunsAnExerciseFromStartToEvaluation() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["exercise", "tui-ovelse", "--speed", "60", "--lang", "nb"], width: 100, height: 30)
        try ui.waitFor("Øvingsleder · 0/2 levert")
        let id = try fixture.onlyIncidentID()
        #expect(fixture.files(of: id).contains("scenario.scenario"))

        // The first inject is due at once; l shows it full screen for the room.
        try ui.waitForScreen("the first inject due") { lines in
            lines.contains { $0.contains("forfalt") && $0.contains("Brukerstøtte ringer") }
        }
        try ui.press("l")
        let shown = try ui.waitFor("INNSPILL 1 av 2")
        #expect(shown.contains { $0.contains("Mange ansatte ser filer med endelsen .locked.") })
        #expect(shown.contains { $0.contains("ØVELSE") })
        #expect(fixture.events("inject_delivered", in: id).count == 1, "recorded before it was shown")
        try ui.press("Enter")

        // The participants reach `assess` in time: the expectation is met.
        try ui.press("Enter")
        try ui.waitFor("2/7 Vurder omfanget")
        try ui.waitFor("✓ oppfylt")

        // The second comes due at T+2m (2 s); delivered, then nobody reports within a minute.
        try ui.waitForScreen("the second inject due", seconds: 30) { lines in
            lines.contains { $0.contains("forfalt") && $0.contains("Ledelsen vil ha melding") }
        }
        try ui.press("l")
        try ui.waitFor("INNSPILL 2 av 2")
        try ui.press("Enter")
        try ui.waitFor("ikke oppfylt", seconds: 30)

        // The banner is on every screen.
        for (key, marker) in [("t", "Tidslinje"), ("d", "Frister"), ("i", "Innspill"), ("?", "Hjelp")] {
            try ui.press(key)
            let screen = try ui.waitFor(marker)
            #expect(screen.contains { $0.contains("ØVELSE") }, "the banner on \(marker)")
            try ui.press("Escape")
        }

        // An observation, the end, then a first impression (the hotwash).
        try ui.press("o")
        try ui.type("Vakten fant riktig steg raskt")
        try ui.press("Enter")
        try ui.waitFor("Vakten fant riktig steg raskt")
        try ui.press("a")
        try ui.waitFor("Nei, fortsett øvelsen")
        try ui.press("1")
        try ui.waitFor("Øvelsen er avsluttet")
        try ui.press("o")
        try ui.type("Uklart hvem som skulle informere ledelsen")
        try ui.press("Enter")
        try ui.waitFor("Uklart hvem som skulle informere ledelsen")
        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)

        #expect(try fixture.vakt(["verify", id]).status == 0)
        let status = try fixture.vakt(["status", id]).stdout
        #expect(status.contains("ended · 2/2 injects delivered, 0 due · expectations: 1 met, 1 missed, 0 pending"),
                "\(status)")
        let listed = try fixture.vakt(["list"])
        #expect(listed.stdout.contains(id) && listed.stdout.contains("exercise"), "\(listed.stdout)")
        let review = try fixture.vakt(["review", id])
        #expect(review.status == 0, "\(review.stderr)")
        let report = review.stdout
        #expect(report.contains("Evalueringsrapport: Testøvelse"))
        #expect(report.contains("ØVELSE ØVELSE ØVELSE"))
        let lines = report.split(separator: "\n")
        #expect(lines.contains { $0.contains("Brukerstøtte ringer") && $0.contains("Oppfylt") }, "\(report)")
        #expect(lines.contains { $0.contains("Ledelsen vil ha melding") && $0.contains("Ikke oppfylt") }, "\(report)")
        #expect(report.contains("Vakten fant riktig steg raskt"))
        #expect(report.contains("Uklart hvem som skulle informere ledelsen"))
    }

    /// A crash mid-exercise loses no exercise time: `vakt resume` folds the
    /// journal and the clock shows where a clock that never stopped would be.
    @Test(.enabled(if: tmuxAvailable)) func anExerciseResumedAfterACrashKeepsItsTime() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["exercise", "tui-ovelse", "--speed", "60", "--lang", "nb"], width: 100, height: 30)
        try ui.waitFor("Øvingsleder · 0/2 levert")
        let id = try fixture.onlyIncidentID()
        try ui.waitForScreen("a minute of exercise time") { lines in
            lines.contains { $0.contains("T+00:01:") }
        }
        try ui.press("p")
        let pausedAt = Self.exerciseTime(in: try ui.waitFor("PAUSE"))
        kill(try fixture.pid(), SIGKILL)
        try ui.waitFor("[exit")

        let paused = try #require(fixture.events("exercise_paused", in: id).first)
        #expect(!paused.isEmpty)
        let again = try fixture.startUI(["resume", id, "--lang", "nb"], name: "again", width: 100, height: 30)
        let screen = try again.waitFor("Øvingsleder · 0/2 levert")
        // Paused before the crash: the clock shows exactly the paused time.
        #expect(pausedAt != nil && pausedAt != "T+00:00:00")
        #expect(Self.exerciseTime(in: screen) == pausedAt, "\(screen.first ?? "")")
        #expect(screen.contains { $0.contains("PAUSE") })
        try again.press("p")
        try again.waitForScreen("the clock running again") { lines in
            lines.contains { $0.contains("T+") && !$0.contains("PAUSE") }
        }
        try again.press("q")
        try Self.expectRestored(again, exit: 0)
        #expect(fixture.events("exercise_resumed", in: id).count == 1)
    }

    /// The `T+HH:MM:SS` shown in the header, if any.
    static func exerciseTime(in screen: [String]) -> String? {
        for line in screen {
            guard let range = line.range(of: "T+") else { continue }
            let time = line[range.lowerBound...].prefix(10)
            if time.count == 10 { return String(time) }
        }
        return nil
    }
}
