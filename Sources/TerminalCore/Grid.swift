/// A terminal on paper: `width`×`height` cells that screens render into.
///
/// Rendering into a grid instead of into curses makes every screen testable
/// line by line (`lines`), and lets the backend send only what changed
/// (`GridDiff`). Everything written is clipped to the grid and made safe:
/// no position, size or text can crash it or reach the terminal as a
/// control sequence, and a wide character is never cut in half.
public struct Grid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Where the backend shows the cursor (text input); nil hides it.
    public var cursor: Position?
    private var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    public init(size: TerminalSize, style: Style = .plain) {
        self.init(width: size.width, height: size.height, style: style)
    }

    public var size: TerminalSize { TerminalSize(width: width, height: height) }

    /// The cell at a position; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * width + x] : .blank
    }

    /// The cells of one row (empty outside the grid).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    // MARK: - What a person sees

    /// Each row as text, trailing spaces trimmed: what tests compare.
    public var lines: [String] {
        (0..<height).map(line)
    }

    /// One row as text, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        let cells = row(y)
        guard let last = cells.lastIndex(where: { $0.singleScalar != " " }) else { return "" }
        var text = String.UnicodeScalarView()
        for cell in cells[...last] where !cell.isContinuation {
            if let scalar = cell.singleScalar {
                text.append(scalar)
            } else {
                cell.forEachScalar { text.append($0) }
            }
        }
        return String(text)
    }

    // MARK: - Writing

    /// Writes text from (x, y) in one style and returns the columns it took.
    ///
    /// The text is clipped at the grid's right edge and after `maxWidth`
    /// columns; a wide character that would not fit whole is left out. With
    /// `truncate`, clipped text ends in "…" instead. Control characters
    /// become visible pictures; zero-width clusters that start the text are
    /// dropped. Columns left of the grid count but are not drawn.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, truncate: Bool = false
    ) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
        guard x < limit else { return 0 }
        if !truncate, DisplayWidth.printableASCIICount(text) != nil {
            return writeASCII(text, x: x, y: y, style: style, limit: limit)
        }
        var safe = SafeText.sanitized(text)
        if truncate { safe = DisplayWidth.truncate(safe, to: limit - x) }
        if DisplayWidth.isSimple(safe) {
            return writeSimple(safe, x: x, y: y, style: style, limit: limit)
        }
        var column = x
        for character in safe {
            let columns = DisplayWidth.clusterWidth(character.unicodeScalars)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                place(Cell(unchecked: character, width: UInt8(min(columns, 2)), style: style), x: column, y: y)
            } else if column + columns > 0 {
                place(.blank(style), x: 0, y: y)
            }
            column += columns
        }
        return column - x
    }

    /// Puts one character at (x, y); returns the columns it took (0 when it
    /// does not fit whole).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain) -> Int {
        let cell = Cell(character, style: style)
        guard contains(x: x, y: y), x + Int(cell.width) <= width else { return 0 }
        place(cell, x: x, y: y)
        return Int(cell.width)
    }

    /// Fills a rectangle (clipped) with a character, a space by default.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, with character: Character = " ", style: Style = .plain) {
        let cell = Cell(character, style: style)
        let step = Int(cell.width)
        let left = max(0, x)
        let right = min(self.width, x + width)
        for row in max(0, y)..<max(max(0, y), min(self.height, y + height)) {
            var column = left
            while column + step <= right {
                place(cell, x: column, y: row)
                column += step
            }
            if column < right { place(.blank(style), x: column, y: row) }
        }
    }

    /// Blanks the whole grid in a style.
    public mutating func clear(style: Style = .plain) {
        for index in cells.indices { cells[index] = .blank(style) }
    }

    /// Changes the style of the cells in a rectangle, keeping their text:
    /// highlighting the selected row, for instance.
    public mutating func restyle(x: Int, y: Int, width: Int, height: Int = 1, style: Style) {
        for row in max(0, y)..<max(max(0, y), min(self.height, y + height)) {
            for column in max(0, x)..<max(max(0, x), min(self.width, x + width)) {
                cells[row * self.width + column].style = style
            }
        }
    }

    // MARK: - Lines and boxes

    /// A horizontal line; where it meets existing lines it joins them (├ ┼ ┤).
    public mutating func horizontalLine(x: Int, y: Int, length: Int, style: Style = .plain) {
        guard length > 0 else { return }
        for column in x..<(x + length) {
            var arms: BoxGlyph = [.left, .right]
            if column == x, hasLine(x: column, y: y) { arms = length > 1 ? [.right] : [] }
            if column == x + length - 1, length > 1, hasLine(x: column, y: y) { arms = [.left] }
            addArms(arms, x: column, y: y, style: style)
        }
    }

    /// A vertical line; where it meets existing lines it joins them (┬ ┼ ┴).
    public mutating func verticalLine(x: Int, y: Int, length: Int, style: Style = .plain) {
        guard length > 0 else { return }
        for row in y..<(y + length) {
            var arms: BoxGlyph = [.up, .down]
            if row == y, hasLine(x: x, y: row) { arms = length > 1 ? [.down] : [] }
            if row == y + length - 1, length > 1, hasLine(x: x, y: row) { arms = [.up] }
            addArms(arms, x: x, y: row, style: style)
        }
    }

    /// A box's border, joined to lines already there; the inside is left as
    /// it is. A title is written into the top border: "┌ Title ───┐". A box
    /// one cell high or wide is a line.
    public mutating func box(x: Int, y: Int, width: Int, height: Int, style: Style = .plain, title: String? = nil) {
        guard width > 0, height > 0 else { return }
        if height == 1 || width == 1 {
            if height == 1 { horizontalLine(x: x, y: y, length: width, style: style) }
            if width == 1, height > 1 { verticalLine(x: x, y: y, length: height, style: style) }
            return
        }
        let right = x + width - 1
        let bottom = y + height - 1
        for row in Set([y, bottom]) {
            for column in x...right {
                var arms: BoxGlyph = []
                if column > x { arms.insert(.left) }
                if column < right { arms.insert(.right) }
                addArms(arms, x: column, y: row, style: style)
            }
        }
        for column in Set([x, right]) {
            for row in y...bottom {
                var arms: BoxGlyph = []
                if row > y { arms.insert(.up) }
                if row < bottom { arms.insert(.down) }
                addArms(arms, x: column, y: row, style: style)
            }
        }
        if let title, width >= 5 {
            let text = DisplayWidth.truncate(title, to: width - 4)
            write(" " + text + " ", x: x + 1, y: y, style: style, maxWidth: width - 2)
        }
    }

    // MARK: - Internals

    /// Text whose every scalar is its own cluster, without grapheme breaking.
    private mutating func writeSimple(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        for scalar in text.unicodeScalars {
            let columns = DisplayWidth.simpleWidth(scalar)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                place(Cell(scalar: scalar, width: UInt8(columns), style: style), x: column, y: y)
            } else if column + columns > 0 {
                place(.blank(style), x: 0, y: y)
            }
            column += columns
        }
        return column - x
    }

    /// The common case, without grapheme breaking: one byte, one cell.
    private mutating func writeASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        for byte in text.utf8 {
            if column >= limit { break }
            if column >= 0 {
                place(Cell(scalar: Unicode.Scalar(byte), width: 1, style: style), x: column, y: y)
            }
            column += 1
        }
        return column - x
    }

    private func existingArms(x: Int, y: Int) -> BoxGlyph? {
        self[x, y].singleScalar.flatMap { BoxGlyph(scalar: $0) }
    }

    private func hasLine(x: Int, y: Int) -> Bool {
        existingArms(x: x, y: y) != nil
    }

    private mutating func addArms(_ arms: BoxGlyph, x: Int, y: Int, style: Style) {
        guard contains(x: x, y: y), !arms.isEmpty else { return }
        let merged = arms.union(existingArms(x: x, y: y) ?? [])
        if let scalar = merged.scalar {
            place(Cell(scalar: scalar, width: 1, style: style), x: x, y: y)
        }
    }

    /// Stores a measured cell, keeping wide characters whole: a wide
    /// character partly overwritten becomes blank in its remaining half.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.isWide, x + 1 < width, !cell.isWide {
            cells[index + 1] = .blank(old.style)
        }
        cells[index] = cell
        if cell.isWide, x + 1 < width {
            if cells[index + 1].isWide, x + 2 < width {
                cells[index + 2] = .blank(cells[index + 2].style)
            }
            cells[index + 1] = .continuation(cell.style)
        }
    }
}
