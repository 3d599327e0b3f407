import IncidentEngine
import TerminalCore

/// The left panel: phases and their steps with their state marks, the
/// selected step highlighted. Only the rows on screen are looked at.
enum StepListView {
    static func draw(_ app: RunnerApp, into grid: inout Grid, layout: RunnerLayout) {
        let theme = app.theme
        let x = 1
        let width = layout.listWidth
        let visible = layout.bodyHeight
        var title = app.strings.stepsTitle
        if app.state.hasEnded, !app.state.isClosed { title += " · " + app.strings.ended }
        grid.write(" " + TerminalCore.DisplayWidth.truncate(title, to: max(0, width - 3)) + " ", x: x, y: 2,
                   style: theme.heading)
        guard app.outline.rowCount > 0 else {
            grid.write(app.strings.noSteps, x: x + 1, y: layout.bodyTop, style: theme.faded, maxWidth: width - 1)
            return
        }
        let offset = app.outline.offset(keeping: app.selected, visible: visible, from: app.listOffset)
        for line in 0..<visible {
            let row = offset + line
            guard row < app.outline.rowCount else { break }
            let y = layout.bodyTop + line
            switch app.outline.content(ofRow: row) {
            case .phase(let phase):
                grid.write(" " + app.playbook.phases[phase].title.value, x: x, y: y, style: theme.phase,
                           maxWidth: width, truncate: true)
            case .step(let index):
                let status = app.state.steps[index].status
                // "›" marks the selection in the text too, not only by reverse video.
                let marker = index == app.selected ? "›" : " "
                let text = "\(marker) \(StepSymbol.of(status)) \(app.playbook.steps[index].title.value)"
                var style: Style
                switch status {
                case .current: style = theme.current
                case .done: style = theme.done
                case .skipped, .bypassed: style = theme.faded
                case .pending: style = .plain
                }
                if index == app.selected {
                    style = app.focus == .steps ? theme.selected : theme.selectedResting
                    grid.fill(x: x, y: y, width: width, height: 1, style: style)
                }
                grid.write(text, x: x, y: y, style: style, maxWidth: width, truncate: true)
            }
        }
    }
}
