/// One column of a grid: a grapheme cluster and its style.
///
/// A wide character (CJK, emoji) is stored in its left cell, with `width` 2,
/// and the cell to its right is a continuation (`width` 0) that shows
/// nothing of its own. Cells always hold printable text: controls become
/// visible pictures and zero-width clusters a space.
public struct Cell: Hashable, Sendable {
    /// The cluster, packed: a cell is a plain value, cheap to copy and compare.
    private var storage: ClusterStorage
    public var style: Style
    /// Columns taken: 1, 2 for the left half of a wide character, 0 for its right half.
    public private(set) var width: UInt8

    /// A cell showing `character`, made safe and measured.
    public init(_ character: Character, style: Style = .plain) {
        let safe = SafeText.sanitized(character)
        let shown = safe.first ?? " "
        let columns = DisplayWidth.clusterWidth(shown.unicodeScalars)
        if columns == 0 {
            self.init(scalar: " ", width: 1, style: style)
        } else {
            self.init(unchecked: shown, width: UInt8(min(columns, 2)), style: style)
        }
    }

    init(unchecked character: Character, width: UInt8, style: Style) {
        storage = ClusterStorage(character.unicodeScalars)
        self.width = width
        self.style = style
    }

    init(scalar: Unicode.Scalar, width: UInt8, style: Style) {
        storage = ClusterStorage(scalar)
        self.width = width
        self.style = style
    }

    /// The cluster shown here; a space for blank and continuation cells.
    public var character: Character {
        if storage.isSingleScalar { return Character(storage.first) }
        var text = ""
        append(to: &text)
        return text.first ?? " "
    }

    /// The scalar when the cluster is a single one (line drawing, ASCII), else nil.
    public var singleScalar: Unicode.Scalar? {
        storage.isSingleScalar ? storage.first : nil
    }

    /// The cluster's scalars, in order.
    func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
        storage.forEach(body)
    }

    /// Appends what the cell shows to a line of text.
    func append(to text: inout String) {
        storage.forEach { text.unicodeScalars.append($0) }
    }

    /// An empty cell in the default style.
    public static let blank = Cell(scalar: " ", width: 1, style: .plain)

    /// An empty cell in `style` (a background colour or reverse shows).
    public static func blank(_ style: Style) -> Cell {
        Cell(scalar: " ", width: 1, style: style)
    }

    /// The right half of a wide character.
    static func continuation(_ style: Style) -> Cell {
        Cell(scalar: " ", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
    public var isWide: Bool { width == 2 }
}
