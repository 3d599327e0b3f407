/// A light box-drawing character (U+2500…) described by the arms it has.
///
/// Lines and boxes drawn into a grid merge with the lines already there, so a
/// divider that meets a panel's border becomes ├ or ┬ instead of cutting it.
public struct BoxGlyph: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let up = BoxGlyph(rawValue: 1)
    public static let down = BoxGlyph(rawValue: 2)
    public static let left = BoxGlyph(rawValue: 4)
    public static let right = BoxGlyph(rawValue: 8)

    /// The arms of a light box-drawing character; nil for any other character.
    public init?(_ character: Character) {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.count == 1 else { return nil }
        self.init(scalar: first)
    }

    init?(scalar: Unicode.Scalar) {
        guard (0x2500...0x257F).contains(scalar.value),
              let index = Self.characters.firstIndex(of: scalar), index > 0 else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// The character with exactly these arms; nil for no arms.
    public var character: Character? {
        scalar.map(Character.init)
    }

    var scalar: Unicode.Scalar? {
        rawValue == 0 || rawValue > 15 ? nil : Self.characters[Int(rawValue)]
    }

    /// Indexed by arms: up 1, down 2, left 4, right 8.
    private static let characters: [Unicode.Scalar] = [
        " ", "╵", "╷", "│", "╴", "┘", "┐", "┤", "╶", "└", "┌", "├", "─", "┴", "┬", "┼",
    ]
}
