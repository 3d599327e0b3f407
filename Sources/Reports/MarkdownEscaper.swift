/// Escapes text for GitHub-flavoured Markdown, so that a playbook's text is
/// shown as written and can never open a link, an image, raw HTML, emphasis, a
/// table cell, a heading, a list or a code block of its own.
///
/// Input is expected to be sanitised already (see `TextSanitizer`).
public enum MarkdownEscaper {
    /// Characters that are backslash-escaped wherever they appear. The others
    /// that CommonMark lets one escape matter only at the start of a line or
    /// right after one of these, and are handled there.
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "$", "!"]

    /// One line of text inside a paragraph, a list item, a heading or a table
    /// cell. Line breaks become spaces; surrounding spaces are dropped (leading
    /// ones could start a code block, trailing ones a hard break).
    ///
    /// - Parameter atLineStart: the text may begin a line, so a leading `- `,
    ///   `1. ` or `=` is escaped too. Pass false where the text follows fixed
    ///   text on the same line (`### 1. Title`, `- **Versjon:** 2026.1`), to
    ///   keep the source readable.
    public static func inline(_ text: String, atLineStart: Bool = true) -> String {
        let oneLine = String(text.map { $0 == "\n" ? " " : $0 })
        let escaped = escapeCharacters(oneLine.trimmingSpaces())
        return atLineStart ? escapeLineStart(escaped) : escaped
    }

    /// Text with lines: each line is kept (as a hard break), blank lines
    /// separate paragraphs, and leading spaces are kept as no-break spaces so
    /// that indentation shows without turning into a code block.
    public static func block(_ text: String) -> String {
        var paragraphs: [[String]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.drop { $0 == " " }
            if content.allSatisfy({ $0 == " " }) {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                continue
            }
            let indent = String(repeating: "\u{A0}", count: line.count - content.count)
            paragraphs[paragraphs.count - 1].append(indent + escapeLine(String(content).trimmingSpaces()))
        }
        return paragraphs
            .filter { !$0.isEmpty }
            .map { $0.joined(separator: "\\\n") }
            .joined(separator: "\n\n")
    }

    /// A fenced code block whose fence is longer than any run of backticks in
    /// the text, so the text cannot close it early.
    public static func codeBlock(_ text: String, info: String = "") -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return "\(fence)\(info)\n\(body)\n\(fence)"
    }

    /// Inline code (an id): the fence is longer than any run of backticks inside.
    public static func codeSpan(_ text: String) -> String {
        let oneLine = String(text.map { $0 == "\n" ? " " : $0 })
        guard !oneLine.isEmpty else { return "" }
        var longest = 0
        var run = 0
        for character in oneLine {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = oneLine.first == "`" || oneLine.last == "`" || oneLine.first == " " ? " " : ""
        return fence + padding + oneLine + padding + fence
    }

    /// Escapes one line that starts a Markdown line.
    static func escapeLine(_ line: String) -> String {
        escapeLineStart(escapeCharacters(line))
    }

    static func escapeCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if alwaysEscaped.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Escapes what would make the line a list item, a setext underline or a
    /// numbered list: `- `, `+ `, `=`, `1. `, `1) `.
    static func escapeLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" {
            return "\\" + line
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let after = line.dropFirst(digits.count)
            if let marker = after.first, marker == "." || marker == ")" {
                return digits + "\\" + after
            }
        }
        return line
    }
}

extension String {
    /// The string without leading and trailing spaces (only U+0020, as Markdown counts them).
    fileprivate func trimmingSpaces() -> String {
        guard let start = firstIndex(where: { $0 != " " }), let end = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[start...end])
    }
}
