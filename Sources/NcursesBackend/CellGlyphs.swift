import CNcursesw

/// Turns a grid cell into what ncurses can place, keeping columns exact.
///
/// ncurses measures every wide character with the C library's `wcwidth`,
/// one scalar at a time; a grid measures grapheme clusters by Unicode. Where
/// they disagree (a ZWJ family is one 2-column emoji to the grid but three
/// to `wcwidth`; "❤️" is 2 to the grid and 1 to `wcwidth`), drawing the
/// cluster as it is would shift the rest of the row. So each cell becomes
/// exactly `cell.width` columns for ncurses: the whole cluster when the two
/// agree, otherwise its first character (the man of the family), or one
/// column per scalar (a flag's two letters), or U+FFFD, padded with spaces.
enum CellGlyphs {
    /// The scalars to write at each of the cell's columns; an empty entry is
    /// the right half of the wide character before it.
    static func columns(
        for character: Character, width: Int, maxCombining: Int = 4,
        measure: (UInt32) -> Int = CellGlyphs.wcwidthOf
    ) -> [[UInt32]] {
        let scalars = character.unicodeScalars.map(\.value)
        guard let base = scalars.first, width > 0 else { return [] }
        if scalars.count == 1, width == 1, isOneColumn(base, measure: measure) { return [[base]] }
        let baseWidth = measure(base)
        if baseWidth == width {
            var glyph = [base]
            for scalar in scalars.dropFirst() {
                guard scalar != 0x200D, measure(scalar) == 0, glyph.count <= maxCombining else { break }
                glyph.append(scalar)
            }
            return width == 2 ? [glyph, []] : [glyph]
        }
        if scalars.count == width, scalars.allSatisfy({ measure($0) == 1 }) {
            return scalars.map { [$0] }
        }
        if baseWidth == 1 {
            return [[base]] + Array(repeating: [0x20], count: width - 1)
        }
        return [[0xFFFD]] + Array(repeating: [0x20], count: width - 1)
    }

    /// True for a scalar that is a whole one-column character to the grid
    /// and to `wcwidth` alike (text, box lines): drawn as it is. The drawing
    /// loop asks this first, so that most cells never build `columns`.
    @inline(__always)
    static func isOneColumn(_ scalar: UInt32, measure: (UInt32) -> Int = CellGlyphs.wcwidthOf) -> Bool {
        (scalar >= 0x20 && scalar < 0x7F) || measure(scalar) == 1
    }

    /// The C library's width of one scalar (-1 for unprintable ones).
    static func wcwidthOf(_ scalar: UInt32) -> Int {
        Int(vakt_wcwidth(wchar_t(bitPattern: scalar)))
    }
}
