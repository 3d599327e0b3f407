/// Greedy word wrapping of one paragraph (no line breaks, already safe text)
/// by display width: the worker behind `DisplayWidth.wrap`.
struct LineWrapper {
    let width: Int
    private var lines: [String] = []
    private var line = ""
    private var lineWidth = 0
    private var pendingSpaces = 0

    init(width: Int) {
        self.width = max(1, width)
    }

    mutating func add(_ paragraph: String) {
        var word = ""
        for character in paragraph {
            if character == " " {
                if !word.isEmpty {
                    addWord(word)
                    word = ""
                }
                pendingSpaces += 1
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { addWord(word) }
    }

    mutating func finish() -> [String] {
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private mutating func addWord(_ word: String) {
        let wordWidth = DisplayWidth.of(word)
        let spaces = pendingSpaces
        pendingSpaces = 0
        if lineWidth + spaces + wordWidth <= width {
            line += String(repeating: " ", count: spaces) + word
            lineWidth += spaces + wordWidth
            return
        }
        if lineWidth > 0 { breakLine() }
        if wordWidth <= width {
            line = word
            lineWidth = wordWidth
            return
        }
        for character in word {
            var piece = character
            var columns = DisplayWidth.clusterWidth(character.unicodeScalars)
            if columns > width {
                piece = "…"
                columns = 1
            }
            if lineWidth + columns > width { breakLine() }
            line.append(piece)
            lineWidth += columns
        }
    }

    private mutating func breakLine() {
        lines.append(line)
        line = ""
        lineWidth = 0
    }
}
