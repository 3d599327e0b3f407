import Testing
@testable import Reports

/// The shared pieces that the binder and later reports build on.
@Suite struct EscaperTests {
    @Test func sanitizerReplacesControlsWithVisibleCharacters() {
        #expect(TextSanitizer.sanitize("a\u{1B}[31mb") == "a␛[31mb")
        #expect(TextSanitizer.sanitize("\u{0}\u{7}\u{8}\u{7F}") == "␀␇␈␡")
        #expect(TextSanitizer.sanitize("x\u{9B}y\u{85}z") == "x\u{FFFD}y\u{FFFD}z")
        #expect(TextSanitizer.sanitize("a\u{202E}b\u{2067}c\u{202A}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(TextSanitizer.sanitize("line\r\nnext\rover") == "line\nnext␍over")
        #expect(TextSanitizer.sanitize("a\tb") == "a b")
        #expect(TextSanitizer.sanitize("a\tb", keepTabs: true) == "a\tb")
        #expect(TextSanitizer.sanitize("a\nb", keepLineBreaks: false) == "a b")
        #expect(TextSanitizer.sanitize("Løsepengevirus — æøå ✓") == "Løsepengevirus — æøå ✓")
    }

    @Test func htmlEscaperEscapesTheFiveCharacters() {
        #expect(HTMLEscaper.escape(#"<a href="x" title='y'>&amp;</a>"#)
            == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLEscaper.escape("Løsepengevirus") == "Løsepengevirus")
    }

    @Test func markdownInlineEscapesMarkup() {
        #expect(MarkdownEscaper.inline("*a* _b_ `c` [d](e) <f> | g ~h~ &amp; $x$ \\")
            == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\| g \\~h\\~ \\&amp; \\$x\\$ \\\\")
        #expect(MarkdownEscaper.inline("1. one") == "1\\. one")
        #expect(MarkdownEscaper.inline("2) two") == "2\\) two")
        #expect(MarkdownEscaper.inline("- item") == "\\- item")
        #expect(MarkdownEscaper.inline("+ item") == "\\+ item")
        #expect(MarkdownEscaper.inline("=== ") == "\\===")
        #expect(MarkdownEscaper.inline("# Title #") == "\\# Title \\#")
        #expect(MarkdownEscaper.inline("  a\nb  ") == "a b")
        #expect(MarkdownEscaper.inline("NSM 4.2, 72-timer") == "NSM 4.2, 72-timer")
    }

    @Test func markdownBlockKeepsLinesAndParagraphs() {
        #expect(MarkdownEscaper.block("one\ntwo\n\n\nthree") == "one\\\ntwo\n\nthree")
        #expect(MarkdownEscaper.block("    code?\n- list") == "\u{A0}\u{A0}\u{A0}\u{A0}code?\\\n\\- list")
        #expect(MarkdownEscaper.block("ends with \\") == "ends with \\\\")
    }

    @Test func markdownCodeCannotBeClosedEarly() {
        #expect(MarkdownEscaper.codeBlock("a\n```\nb", info: "text") == "````text\na\n```\nb\n````")
        #expect(MarkdownEscaper.codeBlock("plain") == "```\nplain\n```")
        #expect(MarkdownEscaper.codeSpan("triage") == "`triage`")
        #expect(MarkdownEscaper.codeSpan("a`b") == "``a`b``")
        #expect(MarkdownEscaper.codeSpan("`x") == "`` `x ``")
    }

    @Test func wrapperKeepsWithinTheWidth() {
        let wrapper = TextWrapper(width: 20)
        #expect(wrapper.wrap("one two three four five six", firstIndent: "- ", indent: "  ")
            == ["- one two three four", "  five six"])
        #expect(wrapper.wrap("a\n\n  b", firstIndent: "", indent: "") == ["a", "", "  b"])
        let long = String(repeating: "x", count: 45)
        #expect(wrapper.wrap(long, firstIndent: "", indent: "") == [
            String(repeating: "x", count: 20), String(repeating: "x", count: 20), String(repeating: "x", count: 5),
        ])
        // Wide characters count two columns.
        let wide = wrapper.wrap("漢字漢字漢字漢字漢字漢字", firstIndent: "", indent: "")
        #expect(wide == ["漢字漢字漢字漢字漢字", "漢字"])
    }

    @Test func displayWidthCountsColumns() {
        #expect(DisplayWidth.of("Løsepengevirus") == 14)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("🔥") == 2)
        #expect(DisplayWidth.of("→ ☐") == 3)
    }
}
