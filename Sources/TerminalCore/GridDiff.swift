/// What changed between two frames, so a backend redraws only that.
///
/// After a keypress usually one or two rows change; sending the whole screen
/// again would be slow over SSH and wasteful on every tick.
public enum GridDiff {
    /// Cells to write on `row` from `column` on. A run never starts on the
    /// right half of a wide character and never ends on its left half.
    public struct Run: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var cells: [Cell]

        public init(row: Int, column: Int, cells: [Cell]) {
            self.row = row
            self.column = column
            self.cells = cells
        }
    }

    /// The runs that turn `old` into `new`: every row in full when there is
    /// no old frame or its size differs.
    public static func runs(from old: Grid?, to new: Grid) -> [Run] {
        guard let old, old.width == new.width, old.height == new.height else {
            return (0..<new.height).map { Run(row: $0, column: 0, cells: Array(new.row($0))) }
        }
        var runs: [Run] = []
        let width = new.width
        for row in 0..<new.height {
            let before = old.row(row)
            let after = new.row(row)
            if before == after { continue }
            let base = after.startIndex
            let oldBase = before.startIndex
            var column = 0
            while column < width {
                if before[oldBase + column] == after[base + column] {
                    column += 1
                    continue
                }
                var start = column
                if after[base + start].isContinuation, start > 0 { start -= 1 }
                var end = column
                while end + 1 < width, before[oldBase + end + 1] != after[base + end + 1] { end += 1 }
                if after[base + end].isWide, end + 1 < width { end += 1 }
                runs.append(Run(row: row, column: start, cells: Array(after[(base + start)...(base + end)])))
                column = end + 1
            }
        }
        return runs
    }
}
