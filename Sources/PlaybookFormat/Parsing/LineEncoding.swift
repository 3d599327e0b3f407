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

    /// A string of `text`, taken from lines with this encoding: valid UTF-8 is not
    /// checked again (see `String(checkedUTF8:isASCII:)`); in invalid UTF-8 the
    /// invalid bytes become U+FFFD, as always.
    @inline(__always)
    func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .ascii: String(checkedUTF8: text, isASCII: true)
        case .utf8: String(checkedUTF8: text, isASCII: nil)
        case .invalid: String(decoding: text, as: UTF8.self)
        }
    }
}
