import PlaybookFormat
import Testing
@testable import Reports

/// Playbook text that tries to break out of the binder comes out escaped or
/// neutralised in every format and language.
@Suite struct HostileTextTests {
    static let cases: [(BinderFormat, ReportLanguage)] = BinderFormat.allCases.flatMap { format in
        ReportLanguage.allCases.map { (format, $0) }
    }

    func render(_ format: BinderFormat, _ language: ReportLanguage) -> String {
        PlaybookBinder.render(
            HostileFixtures.playbook, contacts: [HostileFixtures.contacts], format: format, language: language)
    }

    @Test(arguments: BinderFormat.allCases, ReportLanguage.allCases)
    func noControlOrBidiCharacterSurvives(format: BinderFormat, language: ReportLanguage) {
        let output = render(format, language)
        let unsafe = output.unicodeScalars.filter { scalar in
            scalar != "\n" && scalar != "\t" && TextSanitizer.isUnsafe(scalar)
        }
        #expect(unsafe.isEmpty, "unsafe scalars: \(unsafe.map { String($0.value, radix: 16) })")
        // The escape sequence is visible instead of acted on.
        let visible = format == .markdown ? "␛\\[31mRED␛\\[0m␛\\]0;title␇" : "␛[31mRED␛[0m␛]0;title␇"
        #expect(output.contains(visible))
        #expect(output.contains("abc\u{FFFD}cba\u{FFFD}x\u{FFFD}"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func textWrapsEverythingButCommands(language: ReportLanguage) {
        let output = render(.text, language)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let verbatim = Set(["    echo \"<script>alert(1)</script>\"", "    ```", "    ␛[31mRED␛[0m␛]0;title␇",
                            "    </code></pre><script>x</script>"].map { "   " + $0 })
        for line in lines where !verbatim.contains(String(line)) {
            #expect(DisplayWidth.of(line) <= 80, "too wide: \(line)")
        }
        // Commands stay as written, each on its own line.
        for line in verbatim { #expect(lines.contains(Substring(line)), "missing \(line)") }
        // The long word is broken, not lost.
        let joined = lines.map { $0.filter { $0 != " " } }.joined()
        #expect(joined.contains(HostileFixtures.longWord))
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlEscapesEverything(language: ReportLanguage) {
        let html = render(.html, language)
        let checker = HTMLChecker(html)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        #expect(checker.danglingLinks.isEmpty)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("onmouseover=\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot; onmouseover=&quot;alert(1)&quot; x=&#39;"))
        #expect(html.contains("Tom &amp; Jerry"))
        #expect(html.contains("&amp;amp;"))
        #expect(html.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;</code></pre>"))
        #expect(html.contains("overflow-wrap: anywhere"))
        // Only the binder's own attributes: no ids or links taken from the playbook.
        #expect(checker.ids.allSatisfy { $0 == "toc" || $0 == "roles" || $0 == "deadlines" || $0 == "contacts"
            || $0.hasPrefix("phase-") || $0.hasPrefix("step-") })
    }

    @Test(arguments: ReportLanguage.allCases)
    func markdownEscapesEverything(language: ReportLanguage) {
        let markdown = render(.markdown, language)
        let (prose, code) = Self.splitFences(markdown)
        // Outside code blocks, no character that starts markup is left unescaped.
        for line in prose.flatMap(Self.userParts) {
            var previous: Character = " "
            var escaped = false
            for character in line {
                if previous == "\\" && !escaped {
                    escaped = true
                } else {
                    if "<>[]`|&$!~".contains(character) {
                        #expect(Bool(false), "unescaped \(character) in: \(line)")
                    }
                    escaped = false
                }
                previous = character
            }
            #expect(!line.hasPrefix("#") || line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### "))
            #expect(!line.hasPrefix("    "), "indented code block: \(line)")
        }
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("\\*bold\\* \\_em\\_ \\[link\\](javascript:alert(1)) \\!\\[img\\]"))
        #expect(markdown.contains("\\# Heading?\\\n\\- list?\\\n1\\. numbered?\\\n\u{A0}\u{A0}\u{A0}\u{A0}indented code?"))
        #expect(markdown.contains("- [ ] \\- \\[x\\] pre-ticked"))
        // The command with ``` in it is fenced by four backticks and kept whole.
        #expect(code == [["echo \"<script>alert(1)</script>\"", "```", "␛[31mRED␛[0m␛]0;title␇",
                          "</code></pre><script>x</script>"]])
        #expect(markdown.contains("````text\necho"))
    }

    /// The parts of a line that come from the playbook: without the binder's
    /// own checkbox, code spans of ids and table pipes.
    static func userParts(_ line: Substring) -> [Substring] {
        if line.hasPrefix("|") {
            if line.allSatisfy({ "|-".contains($0) }) { return [] }
            return line.dropFirst(2).dropLast(2).split(separator: " | ", omittingEmptySubsequences: false)
        }
        var text = String(line)
        if text.hasPrefix("- [ ] ") { text.removeFirst(6) }
        for id in ["`first`", "`second`", "`hostile`", "`lead`"] {
            text = text.replacingFirst(id, with: "ID")
        }
        return [Substring(text)]
    }

    /// Lines outside fenced code blocks, and the bodies of the blocks.
    static func splitFences(_ markdown: String) -> (prose: [Substring], code: [[Substring]]) {
        var prose: [Substring] = []
        var code: [[Substring]] = []
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = fence {
                if line == open { fence = nil } else { code[code.count - 1].append(line) }
            } else if line.hasPrefix("```") {
                fence = line.prefix { $0 == "`" }
                code.append([])
            } else {
                prose.append(line)
            }
        }
        return (prose, code)
    }
}
