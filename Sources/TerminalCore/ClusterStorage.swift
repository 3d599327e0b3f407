/// A grapheme cluster packed into three words: up to nine scalars of 21 bits.
///
/// Cells must be plain values with no reference counting: a frame is copied,
/// compared and diffed on every key press, and a `String` in each cell made
/// that several times slower. Nine scalars hold every emoji sequence in
/// common use (a ZWJ family of four is seven); longer clusters (stacked
/// combining marks) keep their first nine, more than a terminal can draw.
struct ClusterStorage: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64)

    static let capacity = 9
    private static let mask: UInt64 = 0x1F_FFFF

    init(_ scalar: Unicode.Scalar) {
        words = (UInt64(scalar.value), 0, 0)
    }

    init(_ scalars: Character.UnicodeScalarView) {
        words = (0, 0, 0)
        var index = 0
        for scalar in scalars where index < Self.capacity {
            set(index, UInt64(scalar.value))
            index += 1
        }
    }

    static func == (lhs: ClusterStorage, rhs: ClusterStorage) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
    }

    var first: Unicode.Scalar {
        Unicode.Scalar(UInt32(words.0 & Self.mask)) ?? " "
    }

    var isSingleScalar: Bool {
        words.0 >> 21 == 0 && words.1 == 0 && words.2 == 0
    }

    /// The scalars, in order (a stored zero ends them: U+0000 never reaches a cell).
    func forEach(_ body: (Unicode.Scalar) -> Void) {
        for index in 0..<Self.capacity {
            let value = get(index)
            guard value != 0, let scalar = Unicode.Scalar(UInt32(value)) else { return }
            body(scalar)
        }
    }

    private func get(_ index: Int) -> UInt64 {
        let shift = UInt64(index % 3 * 21)
        switch index / 3 {
        case 0: return words.0 >> shift & Self.mask
        case 1: return words.1 >> shift & Self.mask
        default: return words.2 >> shift & Self.mask
        }
    }

    private mutating func set(_ index: Int, _ value: UInt64) {
        let shifted = (value & Self.mask) << UInt64(index % 3 * 21)
        switch index / 3 {
        case 0: words.0 |= shifted
        case 1: words.1 |= shifted
        default: words.2 |= shifted
        }
    }
}
