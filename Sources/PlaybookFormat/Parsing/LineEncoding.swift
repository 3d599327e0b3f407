/// What the line reader found about the bytes of a line: what making a string
/// from them needs (a check, or none).
enum LineEncoding: UInt8, Comparable {
    /// Only ASCII bytes.
    case ascii
    /// Valid UTF-8 with some characters beyond ASCII.
    case utf8
    /// Some bytes are not UTF-8 (already reported): strings made from the line are repaired.
    case invalid

    static func < (lhs: LineEncoding, rhs: LineEncoding) -> Bool { lhs.rawValue < rhs.rawValue }
}
