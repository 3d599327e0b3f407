/// Wraps text to a column width for plain-text reports, by display width.
///
/// Lines of the source text are kept (a text block's line breaks mean
/// something), blank lines are kept, and a word wider than the line is broken
/// rather than allowed to run past the margin: a printed page cuts it off.
struct TextWrapper {
    let width: Int
    /// The narrowest room left for text however deep the indentation.
    static let minimumRoom = 20

    init(width: Int = 80) {
        self.width = width
    }

    /// Wraps `text` with `firstIndent` before its first output line and
    /// `indent` before every other one. A source line's own leading spaces are
    /// kept after the indentation.
    func wrap(_ text: String, firstIndent: String, indent: String) -> [String] {
        var output: [String] = []
        for (number, sourceLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let prefix = number == 0 ? firstIndent : indent
            let ownIndent = sourceLine.prefix { $0 == " " }
            let words = sourceLine.split(separator: " ")
            if words.isEmpty {
                output.append(number == 0 ? firstIndent.trimmingTrailingSpaces() : "")
                continue
            }
            let lines = fill(words, first: prefix + ownIndent, rest: indent + ownIndent)
            output.append(contentsOf: lines)
        }
        return output
    }

    /// Fills words into lines, greedily.
    private func fill(_ words: [Substring], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var current = first
        var currentWidth = DisplayWidth.of(first)
        var empty = true
        let restWidth = DisplayWidth.of(rest)
        let room = { (prefixWidth: Int) in max(width - prefixWidth, Self.minimumRoom) }
        var prefixWidth = currentWidth

        func newLine() {
            lines.append(current)
            current = rest
            currentWidth = restWidth
            prefixWidth = restWidth
            empty = true
        }

        for word in words {
            let wordWidth = DisplayWidth.of(word)
            let needed = empty ? wordWidth : wordWidth + 1
            if currentWidth + needed - prefixWidth <= room(prefixWidth) {
                if !empty { current += " " }
                current += word
                currentWidth += needed
                empty = false
                continue
            }
            if !empty { newLine() }
            // The word alone: break it if it is wider than a whole line.
            var remaining = Substring(word)
            while DisplayWidth.of(remaining) > room(prefixWidth) {
                let (head, tail) = split(remaining, toWidth: room(prefixWidth))
                current += head
                remaining = tail
                newLine()
            }
            current += remaining
            currentWidth += DisplayWidth.of(remaining)
            empty = remaining.isEmpty
        }
        if !empty { lines.append(current) }
        return lines
    }

    /// The longest head of `word` that fits in `room` columns (at least one character).
    private func split(_ word: Substring, toWidth room: Int) -> (Substring, Substring) {
        var used = 0
        var end = word.startIndex
        while end < word.endIndex {
            let characterWidth = DisplayWidth.of(word[end])
            if used + characterWidth > room, end > word.startIndex { break }
            used += characterWidth
            end = word.index(after: end)
        }
        return (word[..<end], word[end...])
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
