import Testing
import TerminalCore

@Suite struct DisplayWidthTests {
    @Test func asciiAndNorwegianLettersAreOneColumnEach() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("æøå ÆØÅ") == 7)
        #expect(DisplayWidth.of(Character("ø")) == 1)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func combiningMarksAndJoinersTakeNoColumn() {
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of(Character("e\u{301}\u{302}\u{303}")) == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("\u{200D}") == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of("a\u{AD}b") == 2)
    }

    @Test func eastAsianWideIsTwoColumns() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of(Character("\u{1100}\u{1161}\u{11A8}")) == 2)  // conjoining jamo
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of(Character("🚨")) == 2)
        #expect(DisplayWidth.of("🚨 alarm") == 8)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("❤️")) == 2)
        #expect(DisplayWidth.of(Character("❤")) == 1)
        #expect(DisplayWidth.of(Character("1️⃣")) == 2)
    }

    @Test func emojiZWJSequencesAreOneWideCluster() {
        let family: Character = "👨‍👩‍👧‍👦"
        #expect(family.unicodeScalars.count == 7)
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.of("👩‍💻 ok") == 5)
        #expect(DisplayWidth.of(Character("🏳️‍🌈")) == 2)
    }

    @Test func flagsAreOneWideCluster() {
        #expect(DisplayWidth.of(Character("🇳🇴")) == 2)
        #expect(DisplayWidth.of("🇳🇴🇸🇪") == 4)
        #expect(DisplayWidth.of(Character("🏴󠁧󠁢󠁳󠁣󠁴󠁿")) == 2)  // tag sequence
    }

    @Test func controlCharactersCountAsTheirPictures() {
        #expect(DisplayWidth.of("a\u{1B}[31mb") == 7)
        #expect(DisplayWidth.of("\r\n") == 2)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 1)
        #expect(DisplayWidth.of("\u{202E}x") == 2)
    }

    @Test func truncationAddsAnEllipsisAndNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("Isoler berørte systemer", to: 10) == "Isoler be…")
        #expect(DisplayWidth.truncate("kort", to: 10) == "kort")
        #expect(DisplayWidth.truncate("kort", to: 4) == "kort")
        #expect(DisplayWidth.truncate("korte", to: 4) == "kor…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("🚨🚨", to: 3) == "🚨…")
        #expect(DisplayWidth.truncate("🚨🚨", to: 2) == "…")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
        #expect(DisplayWidth.truncate("abc", to: -3) == "")
        for width in 0...12 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("Løsepenge 日本 👨‍👩‍👧 virus", to: width)) <= width)
        }
    }

    @Test func paddingFillsAFieldExactly() {
        #expect(DisplayWidth.padded("æø", to: 4) == "æø  ")
        #expect(DisplayWidth.padded("日本語", to: 5) == "日本…")
        #expect(DisplayWidth.padded("日本語", to: 4) == "日… ")
        #expect(DisplayWidth.padded("x", to: 0) == "")
    }

    @Test func wrappingBreaksAtSpacesByDisplayWidth() {
        #expect(DisplayWidth.wrap("Noter tidspunktet og hvem som varslet", to: 16) == [
            "Noter", "tidspunktet og", "hvem som varslet",
        ])
        #expect(DisplayWidth.wrap("aa bb cc", to: 5) == ["aa bb", "cc"])
        #expect(DisplayWidth.wrap("æøå æøå æøå", to: 7) == ["æøå æøå", "æøå"])
        #expect(DisplayWidth.wrap("日本 語語 ab", to: 5) == ["日本", "語語", "ab"])
        #expect(DisplayWidth.wrap("🚨 alarm nå", to: 8) == ["🚨 alarm", "nå"])
    }

    @Test func wrappingKeepsLineBreaksAndBreaksLongWords() {
        #expect(DisplayWidth.wrap("en\n\nto", to: 10) == ["en", "", "to"])
        #expect(DisplayWidth.wrap("", to: 10) == [""])
        #expect(DisplayWidth.wrap("abcdefgh", to: 3) == ["abc", "def", "gh"])
        #expect(DisplayWidth.wrap("日本語日", to: 3) == ["日", "本", "語", "日"])
        #expect(DisplayWidth.wrap("日本", to: 1) == ["…", "…"])
        #expect(DisplayWidth.wrap("  innrykk her", to: 20) == ["  innrykk her"])
        #expect(DisplayWidth.wrap("a b", to: 0) == [])
    }

    /// Plain text takes a scalar-by-scalar fast path; it must agree with
    /// measuring cluster by cluster.
    @Test func theFastPathAgreesWithClusterByClusterMeasuring() {
        let samples = [
            "Blåbær ÆØÅ ✓ ▶ · … ─┼", "日本語 ｶﾀｶﾅ 한국어 🚨🔥", "a\u{1}b\u{7F}c\u{9B}", "e\u{301} 👍🏽 🇳🇴 ❤️",
            "🚨\u{200D}🔥", "x\r\ny", "\u{AD}soft", "ｶﾞ", "🏳️‍🌈 flag", "\u{1100}\u{1161}",
        ]
        for sample in samples {
            let byCluster = SafeText.sanitized(sample).reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(sample) == byCluster, "\(sample)")
            var grid = Grid(width: 40, height: 1)
            #expect(grid.write(sample, x: 0, y: 0) == byCluster, "\(sample)")
            for width in 0...8 {
                #expect(DisplayWidth.of(DisplayWidth.truncate(sample, to: width)) <= width, "\(sample) at \(width)")
            }
        }
    }

    @Test func everyWrappedLineFits() {
        let text = "Ta bilde av skjermen 📸 med løsepengekravet før maskinen 日本語 slås av; noter 👨‍👩‍👧 hvem\nsom varslet."
        for width in 1...30 {
            for line in DisplayWidth.wrap(text, to: width) {
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
        }
    }
}
