import TerminalCore

/// Drawing the current screen: the frame every incident screen shares,
/// then the screen, then the open dialog over it, then the key hints of
/// whatever takes the keys.
extension RunnerApp {
    /// Draws the current screen into `grid`, at the grid's size. Pure: the
    /// same model and size always give the same grid.
    public func render(into grid: inout Grid) {
        grid.clear()
        grid.cursor = nil
        let layout = RunnerLayout(grid.size)
        guard layout.fits else {
            TooSmallView.draw(into: &grid, strings: strings, theme: theme, exercise: state.opening?.isExercise == true)
            return
        }
        FrameView.draw(self, into: &grid, layout: layout)
        switch screen {
        case .runner:
            // The divider under the body first, so the split joins it as ┴.
            grid.horizontalLine(x: 0, y: layout.bodyEnd, length: layout.width, style: theme.border)
            if layout.twoPanels {
                grid.verticalLine(x: layout.splitColumn, y: 2, length: layout.bodyEnd - 1, style: theme.border)
                StepListView.draw(self, into: &grid, layout: layout)
            }
            StepDetailView.draw(self, into: &grid, layout: layout)
            EventsView.draw(self, into: &grid, layout: layout)
        case .timeline, .deadlines, .help:
            grid.horizontalLine(x: 0, y: layout.viewBodyEnd, length: layout.width, style: theme.border)
            ScrolledView.draw(self, into: &grid, layout: layout)
        }
        drawHints(into: &grid, layout: layout)
        switch dialog {
        case .text(let text): TextDialogView.draw(self, text, into: &grid, layout: layout)
        case .choice(let choice): ChoiceDialogView.draw(self, choice, into: &grid, layout: layout)
        case .search(let search): SearchView.draw(self, search, into: &grid, layout: layout)
        case nil: break
        }
    }

    /// A new grid of `size` with the current screen: what a benchmark times
    /// (with `GridDiff.runs(from:to:)` against the previous frame).
    public func frame(size: TerminalSize) -> Grid {
        var grid = Grid(size: size)
        render(into: &grid)
        return grid
    }

    private func drawHints(into grid: inout Grid, layout: RunnerLayout) {
        let y = layout.hintsRow
        switch dialog {
        case .text:
            HintsView.draw(KeyTables.editor, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        case .choice:
            HintsView.draw(KeyTables.choice, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        case .search:
            HintsView.draw(KeyTables.search, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        case nil:
            break
        }
        guard screen == .runner else {
            HintsView.draw(KeyTables.view, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        }
        let step = selectedStep
        let ended = state.hasEnded && !state.isClosed
        HintsView.draw(KeyTables.runner, language: language, theme: theme, into: &grid, y: y, width: layout.width) {
            binding in
            let checklist = step?.checklist.isEmpty == false
            switch binding.action {
            case .answer: return step?.decision != nil ? 0 : nil
            case .tick: return checklist ? (focus == .checklist ? 0 : binding.hintRank) : nil
            case .switchFocus: return checklist ? 2 : nil
            case .closeIncident: return ended ? 0 : binding.hintRank
            default: return binding.hintRank
            }
        }
    }
}
