import Glibc
import Testing
import VaktTestSupport

/// Several responders on one incident, and the start screen.
extension TUITests {
    @Test(.enabled(if: tmuxAvailable)) func twoUIsOnOneIncidentSeeEachOthersActions() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let kari = try fixture.startUI(["run", TUIFixture.playbookID, "--lang", "en"], name: "kari", actor: "kari")
        try kari.waitFor("1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        let ola = try fixture.startUI(["resume", id, "--lang", "en"], name: "ola", actor: "ola")
        try ola.waitFor("1/7 Ta imot varselet")

        // Kari writes a note: it appears on Ola's screen without a key pressed there.
        try kari.press("n")
        try kari.waitFor("About the step")
        try kari.type("Kari ringte NC3")
        try kari.press("Enter")
        try kari.waitFor("kari: Kari ringte NC3")
        let started = TmuxSession.monotonicSeconds()
        try ola.waitFor("kari: Kari ringte NC3", seconds: 5)
        let latency = TmuxSession.monotonicSeconds() - started
        #expect(latency < 2.0, "shown in the other UI after \(latency) s (polled every 250 ms)")

        // Ola completes the step: Kari's UI follows the flow to the next one.
        try ola.press("Enter")
        try ola.waitFor("2/7 Vurder omfanget")
        try kari.waitFor("2/7 Vurder omfanget", seconds: 5)

        // A scriptable command from a third process shows up in both.
        let note = try fixture.vakt(["note", id, "Fra kommandolinjen"], actor: "per")
        #expect(note.status == 0, "\(note.stderr)")
        try kari.waitFor("Fra kommandolinjen", seconds: 5)
        try ola.waitFor("Fra kommandolinjen", seconds: 5)

        try kari.press("q")
        try ola.press("q")
        try Self.expectRestored(kari, exit: 0)
        try Self.expectRestored(ola, exit: 0)
        #expect(try fixture.vakt(["verify", id]).status == 0)
        let journal = fixture.journal(id)
        #expect(journal.contains("\"actor\":\"kari\",\"kind\":\"note_added\""))
        #expect(journal.contains("\"actor\":\"ola\",\"kind\":\"step_completed\""))
        #expect(journal.contains("\"actor\":\"per\",\"kind\":\"note_added\""))
    }

    @Test(.enabled(if: tmuxAvailable)) func theStartScreenResumesAnIncidentAndStartsAPlaybook() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let opened = try fixture.vakt(["open", TUIFixture.playbookID, "--title", "Mistenkelig PC på Rådhuset"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let id = opened.stdout.filter { !$0.isWhitespace }

        let ui = try fixture.startUI(["--lang", "en"])
        // A capture may catch tmux mid-frame: wait for the whole list, not its heading.
        try ui.waitForScreen("the incident and the playbook listed") { lines in
            lines.contains { $0.contains("Open incidents") }
                && lines.contains { $0.contains(id) && $0.contains("Mistenkelig PC på Rådhuset") }
                && lines.contains { $0.contains("tui-drill") && $0.contains("Testløype") }
        }

        // The open incident comes first: Enter resumes it.
        try ui.press("Enter")
        try ui.waitFor("Mistenkelig PC på Rådhuset · \(id)")
        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)

        // Typing filters (only the incident has this title); Esc clears; ↓ Enter opens the playbook.
        let again = try fixture.startUI(["--lang", "en"], name: "again")
        try again.waitFor("Open incidents")
        try again.type("Mistenk")
        try again.waitForScreen("only the incident left") { lines in
            !lines.contains { $0.contains("Testløype") } && lines.contains { $0.contains(id) }
        }
        try again.press("Escape")
        try again.waitFor("Testløype")
        try again.press("Down")
        try again.press("Enter")
        try again.waitFor("1/7 Ta imot varselet")
        try again.waitFor("Testløype · ")
        #expect(fixture.incidentIDs().count == 2)
        try again.press("q")
        try Self.expectRestored(again, exit: 0)
    }
}
