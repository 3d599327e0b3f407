import TerminalCore

/// Drawn instead of a screen below its minimum size: says so, centred,
/// in whatever fits (down to one cell, or none).
enum TooSmallView {
    static func draw(
        into grid: inout Grid, strings: UIStrings, theme: Theme, banner: String?,
        minimum: TerminalSize = RunnerLayout.minimumSize
    ) {
        var lines: [(String, Style)] = [
            (strings.tooSmall, theme.heading),
            (strings.atLeast(minimum.width, minimum.height), theme.plain),
        ]
        if let banner { lines.append((banner, theme.exercise)) }
        let shown = lines.prefix(grid.height)
        let top = max(0, (grid.height - shown.count) / 2)
        for (offset, line) in shown.enumerated() {
            let text = TerminalCore.DisplayWidth.truncate(line.0, to: grid.width)
            let x = max(0, (grid.width - TerminalCore.DisplayWidth.of(text)) / 2)
            grid.write(text, x: x, y: top + offset, style: line.1, maxWidth: grid.width)
        }
    }
}
