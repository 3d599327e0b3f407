import Testing
@testable import PlaybookFormat

/// What a person sees when something is wrong.
@Suite struct DiagnosticRendererTests {
    @Test func escapeSequencesInTheFileNeverReachTheTerminal() throws {
        let source = SourceFile(path: "evil\u{1B}]0;x\u{7}.playbook", text: "playbook: t\ntitle: \u{1B}[2J\u{1B}[31mRød\u{9B}1m \u{202E}abc\n")
        let result = DocumentParser.parse(source)
        let rendered = DiagnosticRenderer().render(result.diagnostics, sources: [source.path: source])
        #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(rendered.contains("\u{241B}[2J"))
    }

    @Test func caretFollowsTabsAndWideCharacters() throws {
        let source = SourceFile(path: "p", text: "title: 漢字 \u{9}x\n")
        let span = SourceSpan(start: 15, end: 16, line: 1)  // the 'x' after the tab
        let diagnostic = Diagnostic(.error, .expectedEntry, "m", in: source, at: span)
        #expect(diagnostic.column == 12)
        let (line, caret) = DiagnosticRenderer().excerpt(for: diagnostic, in: source)
        #expect(line == "title: 漢字 \tx")
        // 7 characters, two wide ones (two columns each) and a space, then the tab mirrored.
        #expect(caret == String(repeating: " ", count: 12) + "\t^")
    }

    @Test func colorsOnlyWhenAsked() throws {
        let source = SourceFile(path: "p", text: "title T\n")
        let diagnostic = try #require(DocumentParser.parse(source).diagnostics.first)
        #expect(!DiagnosticRenderer(colors: false).render(diagnostic, source: source).contains("\u{1B}"))
        #expect(DiagnosticRenderer(colors: true).render(diagnostic, source: source).contains("\u{1B}[1;31merror:"))
    }

    @Test func fileLevelDiagnosticHasNoPosition() {
        let diagnostic = Diagnostic(fileError: .unreadableFile, "cannot read: No such file or directory", path: "x.playbook")
        #expect(DiagnosticRenderer().render(diagnostic, source: nil) == "x.playbook: error: cannot read: No such file or directory\n")
    }

    @Test func jsonCarriesTheSameDiagnostics() throws {
        let source = SourceFile(path: "a \"b\".playbook", text: "playbook: t\ntitle: T\nchekc: x\n")
        let result = DocumentParser.parse(source)
        let json = DiagnosticJSON.encode(result.diagnostics, files: 1)
        #expect(json.hasPrefix("{\"files\":1,\"errors\":1,\"warnings\":1,\"diagnostics\":[{\"path\":\"a \\\"b\\\".playbook\",\"line\":1,"))
        #expect(json.contains("{\"path\":\"a \\\"b\\\".playbook\",\"line\":3,\"column\":1,\"endColumn\":6,\"severity\":\"error\",\"code\":\"unknown-key\",\"message\":\"unknown key 'chekc' in a playbook\",\"help\":\"keys here: "))
        #expect(DiagnosticJSON.quote("a\u{1B}b\nc") == "\"a\\u001bb\\nc\"")
    }
}
