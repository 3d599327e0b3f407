/// A small, fast, deterministic random number generator (SplitMix64), so that
/// the benchmark corpus is the same bytes on every machine and every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for `stream` (a step index, say): the seed and
    /// stream are scrambled together, so that neighbouring streams do not
    /// overlap (SplitMix64 seeded with `seed + n * increment` would only be
    /// the same sequence shifted by n).
    init(seed: UInt64, stream: UInt64) {
        var scrambler = SeededGenerator(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = scrambler.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly chosen index below `upperBound` (which must be positive).
    mutating func below(_ upperBound: Int) -> Int {
        Int(truncatingIfNeeded: next() % UInt64(upperBound))
    }

    /// True with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }
}
