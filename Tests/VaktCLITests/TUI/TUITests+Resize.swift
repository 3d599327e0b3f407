import Glibc
import Testing
import VaktTestSupport

/// The UI follows every resize: a whole frame at any usable size, "too
/// small" below it, and no crash at 1x1.
extension TUITests {
    @Test(.enabled(if: tmuxAvailable)) func redrawsAtEverySizeDownToOneByOneAndBack() throws {
        let fixture = TUIFixture()
        defer { fixture.remove() }
        let ui = try fixture.startUI(["run", TUIFixture.playbookID, "--lang", "en"])
        try ui.waitFor("1/7 Ta imot varselet")
        let id = try fixture.onlyIncidentID()
        let title = "Testløype · \(id)"
        let pid = try fixture.pid()

        for (width, height) in [(120, 40), (30, 8), (1, 1), (80, 24)] {
            try ui.resize(width: width, height: height)
            switch (width, height) {
            case (1, 1):
                // "Window too small" shortened to one cell ("…"); ncurses cannot write the
                // lower-right cell of an auto-margin terminal, so a blank cell is right too.
                let screen = try ui.waitForScreen("the 1x1 frame") { $0 == ["…"] || $0 == [""] || $0.isEmpty }
                #expect(screen.count <= 1)
            case (30, 8):
                let screen = try ui.waitForScreen("too small at 30x8") { lines in
                    lines.contains { $0.contains("Window too small") }
                        && lines.contains { $0.contains("at least 40x12") }
                }
                #expect(screen.count == 8)
            default:
                let screen = try Self.waitForFrame(ui, width: width, height: height, showing: "1/7 Ta imot varselet")
                try Self.expectFrame(screen, width: width, height: height, title: title)
            }
            #expect(!TmuxSession.hasEnded(pid), "still running at \(width)x\(height)")
        }
        // Still answering keys after all that.
        try ui.press("Enter")
        try ui.waitFor("2/7 Vurder omfanget")
        try ui.press("q")
        try Self.expectRestored(ui, exit: 0)
    }
}
