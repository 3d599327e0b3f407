extension PlaybookDuration {
    /// Parses `bytes` like `init?(parsing:)` (`45s`, `1h30m`, `3d`), but straight
    /// from the source buffer: that initialiser takes an array, and making one
    /// for every `expect:` and `within:` cost an allocation each.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return nil }
        var total = 0
        var number = 0
        var digits = 0
        var lastUnitRank = Int.max
        for byte in bytes {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                // Refuse absurd values instead of overflowing: 10 digits is > 300 years in seconds.
                guard digits < 9 else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                continue
            }
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
        guard digits == 0 else { return nil }  // a number without a unit
        self.init(seconds: total)
        assert(self == PlaybookDuration(utf8: Array(bytes)), "the two duration parsers disagree")
    }
}
