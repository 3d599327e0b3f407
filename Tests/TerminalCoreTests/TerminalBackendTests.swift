#if canImport(Glibc)
import Glibc
#endif
import NcursesBackend
import Testing
import TerminalCore
import VaktTestSupport

/// The backend in a real terminal: `vakt-terminal-check` in tmux.
@Suite(.serialized) struct TerminalBackendTests {
    /// The check program built beside this test bundle.
    static let checkPath: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        var folder = Substring(String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            let candidate = String(folder) + "/vakt-terminal-check"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    static var tmuxAvailable: Bool { access("/usr/bin/tmux", X_OK) == 0 }

    /// Runs the check in a pane that stays open afterwards, showing its exit
    /// status and the tty modes the shell got back.
    static func start(width: Int = 80, height: Int = 24, arguments: String = "", environment: [String] = []) throws -> TmuxSession {
        let path = try #require(checkPath, "vakt-terminal-check is not built beside the tests")
        let command = "'\(path)' \(arguments); echo \"[exit $?]\"; "
            + "echo \"[tty $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' ')]\"; exec sleep 600"
        return try TmuxSession(width: width, height: height, command: command, environment: environment)
    }

    /// What the check shows at a size, as tmux shows it: the ZWJ family is
    /// drawn as its first person (see `CellGlyphs`), everything else exactly.
    static func expectedScreen(width: Int, height: Int, pid: Int32, keys: [Key] = [], keyCount: Int = 0, messages: Int = 0) -> [String] {
        var state = TerminalSelfCheck.State(size: TerminalSize(width: width, height: height), pid: pid)
        state.keys = keys
        state.keyCount = keyCount
        state.messages = messages
        return TerminalSelfCheck.render(state).lines.map { line in
            String(line.map { $0 == "👨‍👩‍👧" ? "👨" : $0 })
        }
    }

    static func pid(on screen: [String]) -> Int32? {
        for line in screen {
            guard let range = line.firstRange(of: " pid ") else { continue }
            let digits = line[range.upperBound...].prefix(while: \.isNumber)
            return Int32(digits)
        }
        return nil
    }

    /// After the program ended: its status, the normal screen back, the
    /// cursor shown, keypad mode off, and cooked tty modes for the shell.
    static func expectRestored(_ tmux: TmuxSession, exit status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.waitForScreen("[exit \(status)]") { lines in
            lines.contains("[exit \(status)]") && lines.contains { $0.hasPrefix("[tty ") }
        }
        #expect(try tmux.value("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try tmux.value("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
        #expect(try tmux.value("#{keypad_cursor_flag}") == "0", sourceLocation: sourceLocation)
        let tty = screen.first { $0.hasPrefix("[tty ") } ?? ""
        #expect(tty == "[tty isig icanon echo ]", sourceLocation: sourceLocation)
        #expect(!screen.contains { $0.contains("vakt terminal check") }, sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: tmuxAvailable)) func drawsTheScreenExactlyAndQuitRestoresTheTerminal() throws {
        let tmux = try Self.start(arguments: "--inbox 3")
        let screen = try tmux.waitForScreen("the first frame with 3 inbox messages") { $0.contains { $0.contains("inbox 3") } }
        let pid = try #require(Self.pid(on: screen))
        #expect(screen == Self.expectedScreen(width: 80, height: 24, pid: pid, messages: 3))
        try tmux.press("q")
        try Self.expectRestored(tmux, exit: 0)
        let after = try tmux.transcript()
        let stderrRow = after.firstIndex(of: TerminalSelfCheck.stderrLine)
        let exitRow = after.firstIndex(of: "[exit 0]")
        #expect(stderrRow != nil, "stderr is replayed after the screen is given back")
        #expect(stderrRow.flatMap { row in exitRow.map { row < $0 } } == true)
    }

    @Test(.enabled(if: tmuxAvailable)) func keysDecode() throws {
        let tmux = try Self.start()
        let first = try tmux.waitForScreen("the first frame") { $0.contains { $0.contains("keys 0:") } }
        let pid = try #require(Self.pid(on: first))
        var sent: [Key] = []
        let groups: [([String], [Key], String?)] = [
            (["a", "Space"], [.character("a"), .character(" ")], "æ🚨"),
            (["Up", "Down", "Left", "Right"], [.up, .down, .left, .right], nil),
            (["PPage", "NPage", "Home", "End"], [.pageUp, .pageDown, .home, .end], nil),
            (["F1", "F5", "F12"], [.function(1), .function(5), .function(12)], nil),
            (["Tab", "BTab", "Enter", "BSpace", "DC"], [.tab, .backTab, .enter, .backspace, .delete], nil),
            (["C-a", "C-c", "C-z"], [.ctrl("a"), .ctrl("c"), .ctrl("z")], nil),
            (["Escape"], [.escape], nil),
        ]
        for (names, keys, text) in groups {
            try tmux.press(names[0])
            for name in names.dropFirst() { try tmux.press(name) }
            sent += keys
            if let text {
                try tmux.type(text)
                sent += text.map { Key.character($0) }
            }
            let expected = Self.expectedScreen(width: 80, height: 24, pid: pid, keys: sent, keyCount: sent.count)
            let recent = sent.suffix(6).map(\.description).joined(separator: " ")
            let screen = try tmux.waitForScreen("keys \(recent)") { $0.count > 5 && $0[5].contains("keys \(sent.count):") }
            #expect(screen == expected, "after \(names)")
        }
        try tmux.press("q")
        try Self.expectRestored(tmux, exit: 0)
    }

    @Test(.enabled(if: tmuxAvailable)) func redrawsAfterEveryResizeDownToOneByOne() throws {
        let tmux = try Self.start()
        let first = try tmux.waitForScreen("the first frame") { $0.contains { $0.contains("size 80x24") } }
        let pid = try #require(Self.pid(on: first))
        for (width, height) in [(120, 40), (30, 8), (1, 1), (2, 2), (80, 24)] {
            try tmux.resize(width: width, height: height)
            let expected = Self.expectedScreen(width: width, height: height, pid: pid)
            // At 1x1 the only cell is the lower-right corner, which ncurses
            // cannot write on an auto-margin terminal without scrolling: blank is right too.
            let blank = width == 1 && height == 1 ? [""] : expected
            let screen = try tmux.waitForScreen("the frame at \(width)x\(height)") { $0 == expected || $0 == blank }
            #expect(screen == expected || screen == blank)
        }
        try tmux.press("x")
        try tmux.waitForScreen("a key after the resizes") { $0.contains { $0.contains("keys 1: x") } }
        try tmux.press("q")
        try Self.expectRestored(tmux, exit: 0)
    }

    @Test(.enabled(if: tmuxAvailable), arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT")])
    func terminationSignalsLeaveThroughTheNormalPath(signal: Int32, name: String) throws {
        let tmux = try Self.start()
        let screen = try tmux.waitForScreen("the first frame") { $0.contains { $0.contains("keys 0:") } }
        try tmux.type("æ")
        try tmux.waitForScreen("a typed key") { $0.contains { $0.contains("keys 1: æ") } }
        let pid = try #require(Self.pid(on: screen))
        #expect(kill(pid, signal) == 0)
        try Self.expectRestored(tmux, exit: 128 + signal)
        #expect(try tmux.transcript().contains(TerminalSelfCheck.stderrLine), "stderr replayed after \(name)")
    }

    @Test(.enabled(if: tmuxAvailable)) func aCrashStillRestoresTheTerminal() throws {
        let tmux = try Self.start(arguments: "--crash")
        try Self.expectRestored(tmux, exit: 128 + SIGILL)
        let after = try tmux.transcript()
        let stderrRow = after.firstIndex(of: TerminalSelfCheck.stderrLine)
        let crashRow = after.firstIndex { $0.contains("Fatal error: vakt-terminal-check: deliberate crash") }
        #expect(stderrRow != nil && crashRow != nil, "captured stderr and the crash report are replayed")
        #expect(stderrRow.flatMap { row in crashRow.map { row < $0 } } == true)
    }

    @Test(.enabled(if: tmuxAvailable)) func killingTheSessionEndsTheProgram() throws {
        let tmux = try Self.start()
        let screen = try tmux.waitForScreen("the first frame") { $0.contains { $0.contains("keys 0:") } }
        let pid = try #require(Self.pid(on: screen))
        try tmux.kill()
        let deadline = TmuxSession.monotonicSeconds() + 15
        while !TmuxSession.hasEnded(pid), TmuxSession.monotonicSeconds() < deadline {
            usleep(20_000)
        }
        #expect(TmuxSession.hasEnded(pid), "the check must exit when its terminal goes away, not spin")
    }

    @Test(.enabled(if: tmuxAvailable)) func noColorKeepsAttributesAndDropsColours() throws {
        let colored = try Self.start()
        try colored.waitForScreen("the first frame") { $0.contains { $0.contains("keys 0:") } }
        let withColor = try colored.styledScreen()
        #expect(withColor.contains("\u{1B}[31m"), "the alarm line is red")
        #expect(withColor.contains("\u{1B}[1m"))

        let plain = try Self.start(environment: ["NO_COLOR=1"])
        try plain.waitForScreen("the first frame") { $0.contains { $0.contains("keys 0:") } }
        let withoutColor = try plain.styledScreen()
        #expect(!withoutColor.contains("\u{1B}[31m"))
        #expect(!withoutColor.contains("\u{1B}[32m"))
        #expect(withoutColor.contains("\u{1B}[1m"), "bold stays: nothing depends on colour alone")
        #expect(withoutColor.contains("\u{1B}[7m"), "reverse stays")
        try plain.press("q")
        try Self.expectRestored(plain, exit: 0)
    }

    @Test(.enabled(if: tmuxAvailable)) func firstFrameModeExitsAfterDrawing() throws {
        let tmux = try Self.start(arguments: "--first-frame")
        try Self.expectRestored(tmux, exit: 0)
    }
}
