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
        let layout = RunnerLayout(grid.size, facilitator: exercise != nil)
        guard layout.fits else {
            TooSmallView.draw(into: &grid, strings: strings, theme: theme, banner: banner)
            return
        }
        FrameView.draw(self, into: &grid, layout: layout)
        switch screen {
        case .runner:
            // The divider under the body first, so the split joins it as ┴.
            grid.horizontalLine(x: 0, y: layout.bodyEnd, length: layout.width, style: theme.border)
            if layout.panelDivider {
                grid.horizontalLine(x: 0, y: layout.stepsEnd, length: layout.width, style: theme.border)
            }
            if layout.twoPanels {
                grid.verticalLine(x: layout.splitColumn, y: 2, length: layout.stepsEnd - 1, style: theme.border)
                StepListView.draw(self, into: &grid, layout: layout)
            }
            StepDetailView.draw(self, into: &grid, layout: layout)
            if exercise != nil { FacilitatorPanelView.draw(self, into: &grid, layout: layout) }
            EventsView.draw(self, into: &grid, layout: layout)
        case .timeline, .deadlines, .help, .inject:
            grid.horizontalLine(x: 0, y: layout.viewBodyEnd, length: layout.width, style: theme.border)
            ScrolledView.draw(self, into: &grid, layout: layout)
        case .injects:
            grid.horizontalLine(x: 0, y: layout.viewBodyEnd, length: layout.width, style: theme.border)
            InjectsView.draw(self, into: &grid, layout: layout)
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
        switch screen {
        case .runner:
            break
        case .injects:
            HintsView.draw(KeyTables.injects, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        case .inject:
            HintsView.draw(KeyTables.injectView, language: language, theme: theme, into: &grid, y: y,
                           width: layout.width)
            return
        case .timeline, .deadlines, .help:
            HintsView.draw(KeyTables.view, language: language, theme: theme, into: &grid, y: y, width: layout.width)
            return
        }
        let step = selectedStep
        let ended = state.hasEnded && !state.isClosed
        // In an exercise the facilitator's keys come first, and the
        // runner's give way to them (all but Enter, help and quit).
        let facilitating = exercise != nil
        let runner = HintsView.items(KeyTables.runner, language: language) { binding in
            let checklist = step?.checklist.isEmpty == false
            let rank: Int?
            switch binding.action {
            case .answer: rank = step?.decision != nil ? 0 : nil
            case .tick: rank = checklist ? (focus == .checklist ? 0 : binding.hintRank) : nil
            case .switchFocus: rank = checklist ? 2 : nil
            case .closeIncident: rank = ended ? 0 : binding.hintRank
            case .complete: return facilitating ? 2 : binding.hintRank
            case .help, .quit: return binding.hintRank
            default: rank = binding.hintRank
            }
            return facilitating ? rank.map { $0 + 3 } : rank
        }
        // After the end only observations (first impressions) and the list are left to hint.
        let over = exercise?.isEnded == true
        let facilitator = facilitating ? HintsView.items(KeyTables.exercise, language: language) { binding in
            switch binding.action {
            case .deliver, .pauseResume, .end, .realIncident: over ? nil : binding.hintRank
            default: binding.hintRank
            }
        } : []
        HintsView.draw(facilitator + runner, theme: theme, into: &grid, y: y, width: layout.width)
    }
}
