import Testing
import TerminalCore

@Suite struct KeyTests {
    @Test func rawModeControlCodesDecode() {
        #expect(Key(scalar: "\r") == .enter)
        #expect(Key(scalar: "\n") == .enter)
        #expect(Key(scalar: "\t") == .tab)
        #expect(Key(scalar: "\u{1B}") == .escape)
        #expect(Key(scalar: "\u{7F}") == .backspace)
        #expect(Key(scalar: "\u{8}") == .backspace)
        #expect(Key(scalar: "\u{3}") == .ctrl("c"))
        #expect(Key(scalar: "\u{1}") == .ctrl("a"))
        #expect(Key(scalar: "\u{1A}") == .ctrl("z"))
        #expect(Key(scalar: "\u{0}") == .ctrl("@"))
        #expect(Key(scalar: "\u{1F}") == .ctrl("_"))
        #expect(Key(scalar: "\u{85}") == .unknown)
    }

    @Test func textDecodesAsCharacters() {
        #expect(Key(scalar: "q") == .character("q"))
        #expect(Key(scalar: " ") == .character(" "))
        #expect(Key(scalar: "ø") == .character("ø"))
        #expect(Key(scalar: "🚨") == .character("🚨"))
    }

    @Test func namesForPeople() {
        #expect(Key.ctrl("c").description == "Ctrl-C")
        #expect(Key.function(5).description == "F5")
        #expect(Key.character(" ").description == "Space")
        #expect(Key.character("æ").description == "æ")
        #expect(Key.backTab.description == "Shift-Tab")
        #expect(Key.pageDown.description == "PgDn")
    }

    @Test func sizesAreNeverNegative() {
        #expect(TerminalSize(width: -1, height: 3) == TerminalSize(width: 0, height: 3))
        #expect(TerminalSize(width: 80, height: 24).description == "80x24")
        #expect(Grid(size: TerminalSize(width: 3, height: 2)).size.description == "3x2")
    }
}
