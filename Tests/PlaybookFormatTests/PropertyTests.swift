import Testing
@testable import PlaybookFormat

/// Any bytes in, a document or diagnostics out — never a crash, never a hang.
///
/// Seeded, so a failure can be replayed: the case number is in the message.
@Suite struct PropertyTests {
    /// A small, fast, seedable generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that the mutations splice in: the format's own syntax and its troublemakers.
    static let fragments: [[UInt8]] = [
        "\n", "\r\n", "\t", "  ", "    ", ":", ": |", " -> ", "- ", "#", "\u{FEFF}", "æøå", "🚨", "\u{0}", "\u{1B}[31m",
        "step x: X", "phase detection: D", "ask: ?", "- Ja -> end", "- Nei -> next", "deadline d: D", "within: 72h",
        "expect: 1h30m", "check:", "next", "end", "x-a: b", "\u{202E}", "inject i: I", "contact c: C", "scenario: s",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x9A], [0xED, 0xA0, 0x80]]

    static let seeds: [[UInt8]] = {
        var texts = [playbook(coreStages)]
        texts.append(playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Kryptert?\n      - Ja -> isolate\n      - Nei -> end\n    check:\n      - A\n      - B\n    record: Hva\n    do: |\n      Linje 1\n\n      Linje 2"))
        texts.append("scenario: s\ntitle: S\nplaybook: p\ninject a: A\n  at: 5m\n  text: |\n    Hei\n  expect: x\n  within: 10m\n")
        texts.append("contacts: k\ntitle: K\ncontact ncsc: NCSC\n  phone: 02497\n")
        return texts.map { Array($0.utf8) }
    }()

    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty && position < bytes.count:
                bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &random))
                if position < end { bytes.removeSubrange(position..<end) }
            case 2:
                bytes.insert(contentsOf: fragments.randomElement(using: &random) ?? [], at: position)
            case 3 where !bytes.isEmpty:
                // Duplicate a slice: repeated keys, ids and blocks.
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...80, using: &random))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                // Re-indent: insert or remove spaces at a line start.
                let lineStart = bytes[..<min(position, bytes.count)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                if Bool.random(using: &random) {
                    bytes.insert(contentsOf: [UInt8](repeating: 0x20, count: Int.random(in: 1...5, using: &random)), at: lineStart)
                } else if lineStart < bytes.count, bytes[lineStart] == 0x20 {
                    bytes.remove(at: lineStart)
                }
            default:
                bytes.insert(UInt8.random(in: 0...127, using: &random), at: position)
            }
        }
        return bytes
    }

    /// Checks what must hold for every result.
    static func checkInvariants(_ result: ParseResult, input: [UInt8], label: String) {
        for diagnostic in result.diagnostics {
            #expect(diagnostic.span.start >= 0 && diagnostic.span.start <= input.count, "\(label): span out of range")
            #expect(diagnostic.span.end <= input.count, "\(label): span end out of range")
            #expect(diagnostic.line >= 0 && diagnostic.column >= 0, "\(label)")
        }
        if result.document == nil {
            #expect(result.hasErrors, "\(label): no document and no error")
        }
        // Rendering every diagnostic must work too, and stay free of raw escapes.
        let source = SourceFile(path: "fuzz", bytes: input)
        for diagnostic in result.diagnostics.prefix(3) {
            let text = DiagnosticRenderer().render(diagnostic, source: source)
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x00 }, "\(label): raw escape in output")
        }
    }

    @Test func mutatedValidFilesNeverCrash() {
        var random = SeededGenerator(state: 20_261_129)
        for index in 0..<8_000 {
            let seed = Self.seeds[index % Self.seeds.count]
            let input = Self.mutate(seed, &random)
            let kind = DocumentKind.allCases[index % 3]
            let result = DocumentParser.parse(SourceFile(path: "case-\(index)", bytes: input), as: index % 4 == 0 ? nil : kind)
            Self.checkInvariants(result, input: input, label: "mutation case \(index)")
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SeededGenerator(state: 42)
        for index in 0..<4_000 {
            let count = Int.random(in: 0...600, using: &random)
            var input = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Half the cases avoid NUL, so they get past the binary-file check into the parser.
            if index % 2 == 0 { input = input.map { $0 == 0 ? 0x0A : $0 } }
            // And a quarter are mostly printable ASCII with line breaks and spaces.
            if index % 4 == 1 { input = input.map { 0x20 + $0 % 0x5F == 0x7E ? 0x0A : 0x20 + $0 % 0x5F } }
            let result = DocumentParser.parse(SourceFile(path: "bytes-\(index)", bytes: input))
            Self.checkInvariants(result, input: input, label: "random case \(index)")
        }
    }
}
