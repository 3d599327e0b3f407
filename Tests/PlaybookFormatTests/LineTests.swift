import Testing
@testable import PlaybookFormat

/// The rules for lines: encoding, endings, comments and indentation.
@Suite struct LineTests {
    @Test func emptyFileIsAnError() {
        expectOne(.emptyFile, at: 1, 1, in: parse(""))
        expectOne(.emptyFile, at: 1, 1, in: parse("\n\n# only a comment\n   \n"))
    }

    @Test func byteOrderMarkIsIgnored() {
        let result = parse("\u{FEFF}" + playbook(coreStages))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(result.playbook?.id.value == "test")
    }

    @Test func crlfLineEndingsParseLikeLF() {
        let text = playbook(coreStages).replacingAll("\n", with: "\r\n")
        let result = parse(text)
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(result.playbook?.steps.map(\.instructions?.value) == ["Se på varselet.", "Koble fra nettet.",
                                                                      "Hent tilbake fra kopi.", "Følg med i 14 dager."])
    }

    @Test func crlfTextBlockKeepsNoCarriageReturns() {
        let text = "playbook: t\r\ntitle: T\r\nsummary: |\r\n  a\r\n\r\n  b\r\n"
        #expect(parse(text).playbook?.summary?.value == "a\n\nb")
    }

    @Test func nulByteIsNamedWithLineAndColumn() {
        // A NUL after the first 8 KiB is not taken for a binary file: it is reported where it is.
        let padding = String(repeating: "# kommentar\n", count: 800)
        let result = parse(padding + "title: A\u{0}B\n")
        expectOne(.nulByte, at: 801, 9, in: result)
    }

    @Test func binaryFileGivesOneDiagnostic() {
        let result = parse(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00])
        #expect(result.diagnostics.count == 1)
        expectOne(.binaryFile, at: 1, 8, in: result)
        #expect(result.document == nil)
    }

    @Test func invalidUTF8IsNamedWithLineAndColumn() {
        var bytes = Array("playbook: t\ntitle: Bl".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array("\n".utf8)
        let result = parse(bytes: bytes)
        expectOne(.invalidUTF8, at: 2, 10, in: result)
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for sequence: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            let result = parse(bytes: Array("title: ".utf8) + sequence + [0x0A])
            #expect(result.diagnostics.contains { $0.code == .invalidUTF8 && $0.line == 1 && $0.column == 8 },
                    "\(sequence): \(positions(result))")
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        // 'æøå' are two bytes each; the unknown key after them is at column 8 in characters.
        let result = parse("playbook: t\ntitle: æøå\n  stuff: x\n")
        expectOne(.unexpectedIndentation, at: 3, 1, in: result)
        let text = parse("playbook: t\ntitle: T\nphase detection: Æøå\n  step a: Å\n    do: x\n    rôle: y\n")
        expectOne(.invalidKey, at: 6, 5, in: text)
    }

    @Test func controlCharactersAreErrors() {
        let result = parse("playbook: t\ntitle: Rød \u{1B}[31mtekst\n")
        let diagnostic = expectOne(.controlCharacter, at: 2, 12, in: result)
        #expect(diagnostic?.message.contains("U+001B") == true)
        expectOne(.controlCharacter, at: 1, 7, in: parse("title:\u{7}x\n"))
        expectOne(.controlCharacter, at: 1, 8, in: parse("title: \u{85}x\n"))
        expectOne(.controlCharacter, at: 1, 8, in: parse("title: a\rb\n".replacingAll("a", with: "")))
    }

    @Test func bidiOverridesAreWarned() {
        let result = parse(playbook(coreStages + "# x\n").replacingAll("Overvåk", with: "Over\u{202E}våk"))
        #expect(result.diagnostics.map(\.code) == [.bidiControl])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func commentsAndHashesInText() {
        let result = parse(playbook(coreStages + "phase lessons: Lære\n  # en kommentar\n  step call: Ring vakttelefon #2\n    do: Ring #2\n"))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(result.playbook?.step("call")?.title.value == "Ring vakttelefon #2")
        #expect(result.playbook?.step("call")?.instructions?.value == "Ring #2")
    }

    @Test func tabInIndentationIsAnError() {
        let result = parse("playbook: t\ntitle: T\nphase detection: D\n\tstep a: A\n")
        expectOne(.tabIndentation, at: 4, 1, in: result)
        let mixed = parse("playbook: t\ntitle: T\nphase detection: D\n  step a: A\n  \tdo: x\n")
        expectOne(.tabIndentation, at: 5, 3, in: mixed)
    }

    @Test func tabInsideAValueIsText() {
        let result = parse(playbook(coreStages).replacingAll("Se på varselet.", with: "Se\tpå varselet."))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
    }

    @Test func inconsistentDedentIsAnError() {
        let text = """
            playbook: t
            title: T
            phase detection: D
                step a: A
                  do: x
              step b: B
                do: y

            """
        let result = parse(text)
        let diagnostic = expectOne(.inconsistentDedent, at: 6, 1, in: result)
        #expect(diagnostic?.help?.contains("4") == true)
    }

    @Test func unexpectedIndentationIsAnError() {
        expectOne(.unexpectedIndentation, at: 2, 1, in: parse("playbook: t\n  title: T\n"))
        let result = parse("playbook: t\ntitle: T\n    owner: x\n      y: z\n")
        expectOne(.unexpectedIndentation, at: 3, 1, in: result)
    }

    @Test func twoHundredLevelsOfNestingGiveOneDiagnostic() {
        var text = "playbook: t\ntitle: T\n"
        for level in 1...200 { text += String(repeating: " ", count: level * 2) + "k\(level): v\n" }
        let result = parse(text)
        #expect(result.diagnostics.filter(\.isError).map(\.code) == [.unexpectedIndentation])
        expectOne(.unexpectedIndentation, at: 3, 1, in: result)
    }

    @Test func oneMegabyteLineParses() {
        let long = String(repeating: "lang tekst ", count: 100_000)
        let result = parse(playbook(coreStages).replacingAll("Se på varselet.", with: long))
        #expect(result.diagnostics.isEmpty)
        #expect(result.playbook?.steps.first?.instructions?.value.utf8.count == long.utf8.count - 1)
        let broken = parse("playbook: t\ntitle: T\nowner: " + long + "\n" + long + "\n")
        let diagnostic = expectOne(.expectedEntry, at: 4, 1, in: broken)
        let rendered = DiagnosticRenderer().render(diagnostic!, source: SourceFile(path: "x", text: long))
        #expect(rendered.utf8.count < 2_000, "a long line is echoed as a window")
    }

    @Test func fileOverTheSizeLimitIsRefusedWithoutParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: DocumentParser.maximumFileSize + 1)
        let result = parse(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
        #expect(result.diagnostics.first?.message.contains("64 MiB") == true)
    }

    @Test func tooManyErrorsStopReading() {
        let text = "playbook: t\ntitle: T\n" + String(repeating: "Dette er ikke et felt\n", count: 500)
        let result = parse(text)
        #expect(result.diagnostics.count == DocumentReader.maximumErrors + 1)
        #expect(result.diagnostics.last?.code == .tooManyErrors)
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free, for tests).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
