#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import NcursesBackend
import TerminalCore

/// The backend's pure parts, without a terminal.
@Suite struct BackendUnitTests {
    /// A stand-in for glibc's `wcwidth`, so the test does not depend on the process locale.
    static func measure(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x200D, 0x0301, 0xFE0F: 0
        case 0x1F468, 0x1F469, 0x1F467, 0x1F6A8, 0x65E5: 2
        case 0x1F1F3, 0x1F1F4, 0x2764: 1
        case 0xE0000...0xE007F: -1
        default: 1
        }
    }

    @Test func glyphsKeepEveryCellItsColumns() {
        let columns = { (character: Character, width: Int) in
            CellGlyphs.columns(for: character, width: width, measure: Self.measure)
        }
        #expect(columns("a", 1) == [[0x61]])
        #expect(columns("e\u{301}", 1) == [[0x65, 0x301]])
        #expect(columns("🚨", 2) == [[0x1F6A8], []])
        #expect(columns("日", 2) == [[0x65E5], []])
        // A ZWJ family is three wide characters to wcwidth: draw the first.
        #expect(columns("👨‍👩‍👧", 2) == [[0x1F468], []])
        // A flag is two 1-column letters to wcwidth: one per column.
        #expect(columns("🇳🇴", 2) == [[0x1F1F3], [0x1F1F4]])
        // "❤️" is 1 column to wcwidth: the heart, then a space, without VS16.
        #expect(columns("❤️", 2) == [[0x2764], [0x20]])
        // Unknown to wcwidth: a replacement character.
        #expect(columns(Character("\u{E0041}"), 1) == [[0xFFFD]])
    }

    @Test func longCombiningSequencesAreCut() {
        let zalgo = Character("e" + String(repeating: "\u{301}", count: 40))
        let glyph = CellGlyphs.columns(for: zalgo, width: 1, maxCombining: 4, measure: Self.measure)
        #expect(glyph == [[0x65, 0x301, 0x301, 0x301, 0x301]])
    }

    @Test func cursesKeyCodesDecode() {
        #expect(NcursesTerminal.decode(keyCode: 0o403) == .up)  // KEY_UP
        #expect(NcursesTerminal.decode(keyCode: 0o402) == .down)
        #expect(NcursesTerminal.decode(keyCode: 0o523) == .pageUp)  // KEY_PPAGE
        #expect(NcursesTerminal.decode(keyCode: 0o522) == .pageDown)
        #expect(NcursesTerminal.decode(keyCode: 0o410 + 5) == .function(5))  // KEY_F(5)
        #expect(NcursesTerminal.decode(keyCode: 0o541) == .backTab)  // KEY_BTAB
        #expect(NcursesTerminal.decode(keyCode: 0o632) == .resize)  // KEY_RESIZE
        #expect(NcursesTerminal.decode(keyCode: 0o777) == .unknown)
    }

    @Test func theInboxDeliversEveryMessageFromOtherThreadsInOrderPerThread() async {
        let inbox = Inbox<Int>()
        #expect(inbox.isEmpty)
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<4 {
                group.addTask {
                    for number in 0..<250 { inbox.post(thread * 1000 + number) }
                }
            }
        }
        var wake = pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&wake, 1, 0) == 1)
        let messages = inbox.drain()
        #expect(messages.count == 1000)
        for thread in 0..<4 {
            let mine = messages.filter { $0 / 1000 == thread }
            #expect(mine == mine.sorted())
        }
        wake.revents = 0
        #expect(poll(&wake, 1, 0) == 0)
        #expect(inbox.drain().isEmpty)
    }

    @Test func theSelfCheckScreenFitsEverySize() {
        for (width, height) in [(80, 24), (120, 40), (30, 8), (1, 1), (0, 0), (2, 2)] {
            let state = TerminalSelfCheck.State(size: TerminalSize(width: width, height: height), pid: 42)
            let grid = TerminalSelfCheck.render(state)
            #expect(grid.lines.count == height)
            #expect(grid.lines.allSatisfy { DisplayWidth.of($0) <= width })
        }
        let grid = TerminalSelfCheck.render(.init(size: TerminalSize(width: 80, height: 24), pid: 42))
        #expect(grid.lines[0].hasPrefix("┌ vakt terminal check ─"))
        #expect(grid.lines[1] == "│ Blåbærsyltetøy ÆØÅ æøå" + String(repeating: " ", count: 55) + "│")
        #expect(grid.lines[21].hasPrefix("├─"))
    }
}
