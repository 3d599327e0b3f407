/// A duration as the format writes it: `45s`, `15m`, `2h`, `1h30m`, `3d`, `1d12h`.
///
/// Units are s, m, h and d; at least one part; no spaces. Each unit may appear
/// once, largest first, so that every written duration has one obvious meaning.
public struct PlaybookDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.seconds < rhs.seconds }

    /// Parses the format's duration syntax; nil when malformed.
    public init?(parsing text: Substring) {
        self.init(utf8: Array(text.utf8))
    }

    public init?(parsing text: String) {
        self.init(utf8: Array(text.utf8))
    }

    init?(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        var total = 0
        var number = 0
        var digits = 0
        var lastUnitRank = Int.max
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Refuse absurd values instead of overflowing: 10 digits is > 300 years in seconds.
                guard digits < 9 else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                let rank: Int
                let factor: Int
                switch byte {
                case UInt8(ascii: "d"): rank = 3; factor = 86_400
                case UInt8(ascii: "h"): rank = 2; factor = 3_600
                case UInt8(ascii: "m"): rank = 1; factor = 60
                case UInt8(ascii: "s"): rank = 0; factor = 1
                default: return nil
                }
                guard digits > 0, rank < lastUnitRank else { return nil }
                total += number * factor
                number = 0
                digits = 0
                lastUnitRank = rank
            }
        }
        guard digits == 0 else { return nil }  // a number without a unit
        self.seconds = total
    }

    /// The canonical written form: `1d12h`, `1h30m`, `45s`, `0m`.
    public var description: String {
        if seconds == 0 { return "0m" }
        var rest = seconds
        var text = ""
        for (unit, factor) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= factor {
            text += "\(rest / factor)\(unit)"
            rest %= factor
        }
        return text
    }
}
