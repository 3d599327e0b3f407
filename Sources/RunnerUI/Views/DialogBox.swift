import TerminalCore

/// A box centred over the body, below the header (so the title, the
/// clocks and the exercise banner stay visible) and above the key hints
/// (which show the dialog's keys).
struct DialogBox {
    let x: Int
    let y: Int
    let width: Int
    let height: Int

    /// The most rows a dialog's content can have at this size.
    static func maximumContentHeight(_ layout: RunnerLayout) -> Int {
        max(1, layout.height - 5 - 2)
    }

    init(contentHeight: Int, layout: RunnerLayout, maximumWidth: Int = 72) {
        width = max(5, min(layout.width - 4, maximumWidth))
        height = min(contentHeight + 2, layout.height - 5)
        x = max(0, (layout.width - width) / 2)
        let top = 3
        let bottom = layout.height - 2
        y = top + max(0, (bottom - top - height) / 2)
    }

    var innerX: Int { x + 2 }
    var innerWidth: Int { max(1, width - 4) }
    var innerTop: Int { y + 1 }

    /// Blanks the box's area and draws its border with the title in it.
    func draw(into grid: inout Grid, title: String, theme: Theme) {
        grid.fill(x: x, y: y, width: width, height: height)
        grid.box(x: x, y: y, width: width, height: height, style: theme.border)
        grid.write(" " + TerminalCore.DisplayWidth.truncate(title, to: max(0, width - 6)) + " ", x: x + 2, y: y,
                   style: theme.title)
    }
}
