import TerminalCore

/// An inject full screen, for the room: "INNSPILL 3 av 12" and its T+ time,
/// the title in bold, who it goes to, and the text in a column of at most
/// 72 characters with wide margins and a blank line between paragraphs,
/// so that it reads from the back of a meeting room. The scenario's line
/// breaks inside a paragraph are joined, so the text fills any width.
enum InjectView {
    /// The widest column of text: long lines are hard to follow on a wall.
    static let maximumTextWidth = 72

    static func lines(_ app: RunnerApp, inject index: Int, width: Int) -> [DetailLine] {
        guard let words = InjectWords(app), words.exercise.injects.indices.contains(index), width > 0 else { return [] }
        let strings = app.strings
        let theme = app.theme
        let inject = words.inject(index)
        let margin = width >= 60 ? width / 10 : width >= 30 ? 2 : 0
        let textWidth = max(1, min(maximumTextWidth, width - 2 * margin))
        let left = max(0, (width - textWidth) / 2)
        var lines: [DetailLine] = [.blank]
        func add(_ text: String, style: Style = .plain) {
            for row in TerminalCore.DisplayWidth.wrap(text, to: textWidth) {
                lines.append(DetailLine(text: row, style: style, indent: left))
            }
        }
        var heading = strings.injectHeading(index + 1, of: words.exercise.injects.count)
        let time = inject.delivery?.elapsedMilliseconds ?? Int64(inject.dueSeconds) * 1000
        heading += " · " + TimeText.elapsed(time)
        add(heading, style: theme.heading)
        lines.append(.blank)
        add(inject.plan.title, style: theme.title)
        if let role = words.role(index) { add(strings.to(role)) }
        if let text = inject.plan.text {
            for paragraph in paragraphs(text) {
                if paragraph.startsBlock { lines.append(.blank) }
                add(paragraph.text)
            }
        }
        lines.append(.blank)
        return lines
    }

    /// The text's paragraphs (split at blank lines), each one line with
    /// its line breaks joined; a list item ("- ", "* ", "• ") keeps its own
    /// line but no blank line before it.
    static func paragraphs(_ text: String) -> [(text: String, startsBlock: Bool)] {
        var result: [(text: String, startsBlock: Bool)] = []
        var current = ""
        var startsBlock = true
        var blankBefore = true
        func finish() {
            if !current.isEmpty { result.append((current, startsBlock)) }
            current = ""
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw).trimmingSpaces
            if line.isEmpty {
                finish()
                blankBefore = true
                continue
            }
            let item = line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ")
            if current.isEmpty || item {
                finish()
                current = line
                startsBlock = blankBefore
            } else {
                current += " " + line
            }
            blankBefore = false
        }
        finish()
        return result
    }
}
