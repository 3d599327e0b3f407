import Foundation
import Glibc
import Testing
import VaktTestSupport

/// The terminal UI in a real terminal: the built `vakt` in tmux, typed at
/// with `send-keys`, read with `capture-pane`, and its journal checked with
/// the scriptable commands afterwards. Serialized: each test owns a tmux
/// server and the screen timing of one UI at a time.
@Suite(.serialized) struct TUITests {
    static let tmuxAvailable = access("/usr/bin/tmux", X_OK) == 0

    // MARK: - Walking a playbook

    @Test(.enabled(if: tmuxAvailable)) func walksAPlaybookWithADecisionAndALoopToTheEnd() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["run", TUIFixture.playbookID, "--lang", "en"])
        let first = try Self.waitForFrame(ui, width: 80, height: 24, showing: "1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        try Self.expectFrame(first, width: 80, height: 24, title: "Testløype · \(id)")

        // The checklist: Tab to it, tick the first item.
        try ui.press("Tab", "Space")
        try ui.waitFor("[x] 1 Tidspunkt notert")
        try ui.press("Enter")
        try ui.waitFor("2/7 Vurder omfanget")
        // 1 Ja → isolate; verify says 1 Nei → back to isolate (the loop); then 2 Ja → on.
        try ui.press("1")
        try ui.waitFor("3/7 Isoler maskinene")
        try ui.press("Enter")
        try ui.waitFor("4/7 Virket isoleringen?")
        try ui.press("1")
        try ui.waitFor("3/7 Isoler maskinene")
        try ui.press("Enter")
        try ui.waitFor("4/7 Virket isoleringen?")
        try ui.press("2")
        try ui.waitFor("5/7 Meld til ledelsen")
        // A skip, with its reason.
        try ui.press("s")
        try ui.waitFor("Why skip")
        try ui.type("Lederen var allerede varslet")
        try ui.press("Enter")
        try ui.waitFor("6/7 Avslutt")
        // A step with `record:` asks for its note first.
        try ui.press("Enter")
        try ui.waitFor("Record: Kort oppsummering")
        try ui.type("Alt er isolert og meldt")
        try ui.press("Enter")
        try ui.waitFor("7/7 Tilbake i normal drift")
        try ui.press("Enter")
        try ui.waitFor("Press c to close the incident")
        try ui.press("c")
        try ui.waitFor("A closing note")
        try ui.type("Øvelsen er ferdig")
        try ui.press("Enter")
        try ui.waitFor("CLOSED")
        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)

        let verify = try fixture.vakt(["verify", id])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let status = try fixture.vakt(["status", id, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "closed")
        #expect(json["ended"] as? Bool == true)
        let steps = try #require(json["steps"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: steps.compactMap { step in
            (step["id"] as? String).map { ($0, step) }
        })
        for done in ["alert", "assess", "isolate", "verify", "wrapup", "done"] {
            #expect(byID[done]?["status"] as? String == "done", "\(done)")
            #expect(byID[done]?["completed_by"] as? String == "kari", "\(done)")
            #expect(byID[done]?["completed"] is String, "\(done) has its time")
        }
        #expect(byID["report"]?["status"] as? String == "skipped")
        #expect(byID["report"]?["skip_reason"] as? String == "Lederen var allerede varslet")
        #expect(byID["wrapup"]?["note"] as? String == "Alt er isolert og meldt")
        #expect((byID["alert"]?["checklist"] as? [Bool]) == [true, false])
        #expect((byID["assess"]?["answer"] as? [String: Any])?["label"] as? String == "Ja")
        #expect((byID["verify"]?["answer"] as? [String: Any])?["label"] as? String == "Ja")

        // The loop is in the journal: three answers, isolate done twice, reopened once.
        #expect(fixture.events("decision_answered", in: id).count == 3)
        #expect(fixture.events("step_completed", in: id).filter { $0.contains("\"step\":\"isolate\"") }.count == 2)
        #expect(fixture.events("step_reopened", in: id).contains { $0.contains("\"step\":\"isolate\"") })
        #expect(fixture.events("incident_closed", in: id).count == 1)
    }

    @Test(.enabled(if: tmuxAvailable)) func aNoteWithNorwegianLettersAndEmojiIsShownAndRecordedExactly() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["run", TUIFixture.playbookID, "--lang", "en"])
        try ui.waitFor("1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        let note = "NC3: blåbær ÆØÅ æøå 🚨👍"

        try ui.press("n")
        try ui.waitFor("About the step")
        try ui.type(note)
        try ui.waitFor("› " + note)
        try ui.press("Enter")
        let screen = try ui.waitForScreen("the note outside the dialog") { lines in
            !lines.contains { $0.contains("About the step") } && lines.contains { $0.contains(note) }
        }
        #expect(screen.contains { $0.contains("kari: " + note) }, "the step's notes show it with its author")
        let notes = fixture.events("note_added", in: id)
        #expect(notes.count == 1)
        #expect(notes.first?.contains("\"text\":\"\(note)\"") == true, "raw UTF-8 in the journal: \(notes)")

        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)
        #expect(try fixture.vakt(["verify", id]).status == 0)
    }

    @Test(.enabled(if: tmuxAvailable)) func speaksBokmalFromTheLocaleAndExportsIntoTheIncidentFolder() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        // No --lang: a Norwegian locale gives bokmål (the locale need not be installed).
        let ui = try fixture.startUI(["run", TUIFixture.playbookID], environment: ["LANG=nb_NO.UTF-8"])
        let first = try Self.waitForFrame(ui, width: 80, height: 24, showing: "1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        try Self.expectFrame(first, width: 80, height: 24, title: "Testløype · \(id)", quitHint: "q avslutt")

        try ui.press("e")
        try ui.waitFor("Eksporter tidslinjen")
        try ui.press("1")
        var exported: String?
        try TmuxSession.waitUntil("the Markdown export in the incident's folder") {
            exported = fixture.files(of: id).first { $0.hasPrefix("timeline-") && $0.hasSuffix(".md") }
            return exported != nil
        }
        let path = fixture.home + "/incidents/\(id)/" + (exported ?? "")
        try TmuxSession.waitUntil("the export to be complete") { Files.readText(path).contains("Testløype") }
        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)
        let transcript = try ui.transcript()
        #expect(transcript.contains("timeline written to \(path)"), "\(transcript)")
        #expect(transcript.contains { $0.contains("vakt resume \(id)") }, "how to come back")
    }

    // MARK: - Helpers

    /// The screen's rows without the two that change by themselves (elapsed time, clock, countdown).
    static func steadyRows(_ screen: [String]) -> [String] {
        Array(screen.dropFirst(2))
    }

    /// Waits until the screen is a whole frame of `width`×`height` showing
    /// `text`, down to its bottom border, and returns it: a capture can fall
    /// between two of the terminal's writes and show a frame half drawn.
    static func waitForFrame(_ ui: TmuxSession, width: Int, height: Int, showing text: String) throws -> [String] {
        try ui.waitForScreen("a whole \(width)x\(height) frame showing \(text)") { lines in
            guard lines.count == height, lines.first?.count == width, let bottom = lines.last else { return false }
            return bottom.hasPrefix("└") && bottom.hasSuffix("┘") && bottom.count == width
                && lines.contains { $0.contains(text) }
        }
    }

    /// A whole frame of `width`×`height`: borders at every edge, the title in the top one.
    static func expectFrame(
        _ screen: [String], width: Int, height: Int, title: String, quitHint: String = "q quit",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(screen.count == height, "rows", sourceLocation: sourceLocation)
        let top = try #require(screen.first, sourceLocation: sourceLocation)
        let bottom = try #require(screen.last, sourceLocation: sourceLocation)
        #expect(top.hasPrefix("┌ " + title), "\(top)", sourceLocation: sourceLocation)
        #expect(top.hasSuffix("┐") && top.count == width, "\(top)", sourceLocation: sourceLocation)
        #expect(bottom.hasPrefix("└") && bottom.hasSuffix("┘") && bottom.count == width, "\(bottom)",
                sourceLocation: sourceLocation)
        for row in screen.dropFirst().dropLast() {
            #expect(row.hasPrefix("│") || row.hasPrefix("├"), "\(row)", sourceLocation: sourceLocation)
        }
        #expect(screen[height - 2].contains(quitHint), "the keys", sourceLocation: sourceLocation)
    }

    /// vakt has left with `exit`, and the terminal is back: main screen,
    /// cooked mode with echo, cursor shown.
    static func expectRestored(
        _ ui: TmuxSession, exit: Int32, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let screen = try ui.waitForScreen("[exit \(exit)] and the tty line") { lines in
            lines.contains("[exit \(exit)]") && lines.contains { $0.hasPrefix("[tty ") }
        }
        #expect(screen.contains("[tty icanon echo ]"), "cooked mode and echo: \(screen)",
                sourceLocation: sourceLocation)
        #expect(try ui.value("#{alternate_on}") == "0", "left the alternate screen", sourceLocation: sourceLocation)
        #expect(try ui.value("#{cursor_flag}") == "1", "cursor shown", sourceLocation: sourceLocation)
    }
}
