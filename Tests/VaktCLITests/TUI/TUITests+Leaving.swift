import Glibc
import Testing
import VaktTestSupport

/// Every way out of the UI (Ctrl-C, SIGTERM, the terminal hanging up)
/// restores the terminal, keeps the journal whole, and `resume` shows the
/// incident exactly as it was.
extension TUITests {
    @Test(.enabled(if: tmuxAvailable)) func ctrlCWhileTypingANoteLeavesCleanlyAndResumes() throws {
        try leaveWhileTypingANote(exit: 0) { ui, _ in try ui.press("C-c") }
    }

    @Test(.enabled(if: tmuxAvailable)) func sigtermWhileTypingANoteLeavesCleanlyAndResumes() throws {
        try leaveWhileTypingANote(exit: 128 + SIGTERM) { _, pid in
            #expect(kill(pid, SIGTERM) == 0)
        }
    }

    @Test(.enabled(if: tmuxAvailable)) func aHangUpWhileTypingANoteEndsTheUIAndTheIncidentResumes() throws {
        // The SSH connection drops: tmux closes the pane's terminal and vakt gets SIGHUP.
        try leaveWhileTypingANote(exit: nil) { ui, _ in try ui.kill() }
    }

    /// Opens an incident, completes a step, starts a note, leaves with `leave`,
    /// and checks the terminal (unless it hung up: `exit` nil), the journal
    /// and the resumed screen.
    private func leaveWhileTypingANote(exit: Int32?, leave: (TmuxSession, Int32) throws -> Void) throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["run", TUIFixture.playbookID, "--lang", "en"])
        try ui.waitFor("1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        try ui.press("Tab", "Space")
        try ui.waitFor("[x] 1 Tidspunkt notert")
        try ui.press("Tab", "Enter")
        // A capture can land mid-frame: wait for the frame's last row and the event it shows.
        let steady = try ui.waitForScreen("the whole frame at step 2") { lines in
            lines.contains { $0.contains("2/7 Vurder omfanget") } && lines.last?.hasPrefix("└") == true
                && lines.contains { $0.contains("Done: Ta imot varselet") }
        }
        let journal = fixture.journal(id)

        try ui.press("n")
        try ui.waitFor("About the step")
        try ui.type("ikke ferdig skrevet æøå")
        try ui.waitFor("› ikke ferdig skrevet æøå")
        let pid = try fixture.pid()
        try leave(ui, pid)
        if let exit {
            try Self.expectRestored(ui, exit: exit)
        } else {
            try TmuxSession.waitUntil("vakt to end after the hang-up") { TmuxSession.hasEnded(pid) }
        }

        #expect(fixture.journal(id) == journal, "the unsaved note is not recorded; nothing else changed")
        #expect(try fixture.vakt(["verify", id]).status == 0)
        // By a unique prefix of the ID, or (after the hang-up) as the most recent open incident.
        let reference = exit == nil ? [] : [String(id.prefix(12))]
        let resumed = try fixture.startUI(["resume"] + reference + ["--lang", "en"], name: "resume")
        // Waits for the same rows (the clock rows aside); times out with the last screen if they never come.
        try resumed.waitForScreen("resume to show the same state") { Self.steadyRows($0) == Self.steadyRows(steady) }
        try resumed.press("q")
        try Self.expectRestored(resumed, exit: 0)
    }
}
