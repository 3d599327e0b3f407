import Testing
import TerminalCore

@Suite struct GridDiffTests {
    @Test func noOldFrameOrANewSizeRedrawsEveryRow() {
        var grid = Grid(width: 4, height: 3)
        grid.write("ab", x: 0, y: 1)
        let runs = GridDiff.runs(from: nil, to: grid)
        #expect(runs.map(\.row) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.column == 0 && $0.cells.count == 4 })
        #expect(GridDiff.runs(from: Grid(width: 5, height: 3), to: grid).count == 3)
    }

    @Test func identicalFramesHaveNoRuns() {
        var grid = Grid(width: 10, height: 4)
        grid.write("æøå 日本", x: 1, y: 1)
        #expect(GridDiff.runs(from: grid, to: grid).isEmpty)
    }

    @Test func onlyChangedRunsAreReported() {
        var old = Grid(width: 10, height: 3)
        old.write("abcdefghij", x: 0, y: 0)
        old.write("0123456789", x: 0, y: 2)
        var new = old
        new.write("XY", x: 2, y: 0)
        new.write("Z", x: 7, y: 0)
        new.restyle(x: 4, y: 2, width: 2, style: Style(bold: true))
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.map { [$0.row, $0.column, $0.cells.count] } == [[0, 2, 2], [0, 7, 1], [2, 4, 2]])
        #expect(runs[0].cells.map(\.character) == ["X", "Y"])
        #expect(runs[2].cells.allSatisfy { $0.style.bold })
    }

    @Test func runsKeepWideCharactersWhole() {
        var old = Grid(width: 8, height: 1)
        old.write("日本語", x: 0, y: 0)
        var new = old
        new.restyle(x: 3, y: 0, width: 1, style: Style(underline: true))
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs[0].column == 2)
        #expect(runs[0].cells.count == 2)
        #expect(runs[0].cells[0].character == "本")

        var changed = old
        changed.write("x", x: 2, y: 0)
        let replaced = GridDiff.runs(from: old, to: changed)
        #expect(replaced.map { [$0.column, $0.cells.count] } == [[2, 2]])
        #expect(replaced[0].cells.map(\.character) == ["x", " "])

        var widened = Grid(width: 8, height: 1)
        widened.write("ab", x: 0, y: 0)
        var wide = widened
        wide.write("日", x: 0, y: 0)
        let wideRuns = GridDiff.runs(from: widened, to: wide)
        #expect(wideRuns.map { [$0.column, $0.cells.count] } == [[0, 2]])
    }

    @Test func applyingTheRunsReproducesTheNewFrame() {
        var old = Grid(width: 12, height: 3)
        old.write("Før: 日本 🚨 x", x: 0, y: 0)
        old.box(x: 0, y: 1, width: 12, height: 2)
        var new = Grid(width: 12, height: 3)
        new.write("Etter: 語 æ", x: 1, y: 0, style: Style(foreground: .red))
        new.box(x: 0, y: 1, width: 6, height: 2)
        var screen = old
        for run in GridDiff.runs(from: old, to: new) {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                screen.write(String(cell.character), x: run.column + offset, y: run.row, style: cell.style)
            }
        }
        #expect(screen.lines == new.lines)
    }
}
