import CSHA256

/// SHA-256 (FIPS 180-4, section 6.2): the hash of the journal's chain and of the playbook copy.
///
/// Why our own: start-up time. The only SHA-256 at hand, swift-crypto's, brings Foundation with it on Linux,
/// and with Foundation come libFoundation.so, libFoundationInternationalization.so and the ICU data
/// (lib_FoundationICU.so): 3.5–4 ms of loading before `main` in every vakt command, a quarter of the time to
/// `vakt run`'s first frame (issue 4, docs/performance.md). The algorithm is small and fixed; swift-crypto stays
/// on as the tests' independent oracle (Tests/IncidentStoreTests/SHA256Tests.swift), beside the standard's own
/// example vectors.
///
/// Incremental: `update` any number of times, then `finalize`. Whole 64-byte blocks are compressed
/// straight from the caller's buffer; only a partial block is copied, into a fixed 64-byte tail.
/// Hashing allocates nothing on the heap.
///
/// The compression function is plain Swift (about 220 MB/s on the benchmark machine) unless the CPU has the
/// x86-64 SHA instructions, which the small C target `CSHA256` uses (several times faster; it shows in
/// `vakt verify` of large journals, docs/performance.md). The tests hold both to the same digests.
struct SHA256Hasher: Sendable {
    /// The 32-byte result, in the standard's byte order.
    struct Digest: Sendable, Equatable {
        /// H0…H7 stored big-endian, so their memory is the digest's bytes in order.
        fileprivate var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

        static let byteCount = 32

        /// The 32 bytes.
        func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
            try Swift.withUnsafeBytes(of: words, body)
        }

        var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

        /// 64 lower-case hex digits.
        var hex: String {
            let digits: StaticString = "0123456789abcdef"
            return withUnsafeBytes { raw in
                String(unsafeUninitializedCapacity: Self.byteCount * 2) { out in
                    digits.withUTF8Buffer { hex in
                        for index in 0..<Self.byteCount {
                            let byte = raw[index]
                            out[index &* 2] = hex[Int(byte &>> 4)]
                            out[index &* 2 &+ 1] = hex[Int(byte & 0x0F)]
                        }
                    }
                    return Self.byteCount * 2
                }
            }
        }

        static func == (left: Digest, right: Digest) -> Bool {
            left.withUnsafeBytes { l in right.withUnsafeBytes { r in l.elementsEqual(r) } }
        }
    }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// H(0): the first 32 bits of the fractional parts of the square roots of the first eight primes (5.3.3).
    private var state: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// The bytes of a block not yet complete (the first `tailCount` of these 64).
    private var tail: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var tailCount = 0
    /// Bytes hashed so far (the message length the padding ends with, in bits, is 8 times this, mod 2^64).
    private var byteCount: UInt64 = 0

    /// Compress with the CPU's SHA instructions (else the Swift code).
    private let usesInstructions: Bool

    /// Whether this CPU has the SHA instructions (asked once).
    static let instructionsAvailable = vakt_sha256_has_instructions() != 0

    /// A new hasher; `instructions: false` keeps to the Swift code even where the CPU could do it (for the tests).
    init(instructions: Bool = true) {
        usesInstructions = instructions && Self.instructionsAvailable
    }

    /// The digest of `bytes` in one go.
    static func hash(_ bytes: UnsafeRawBufferPointer, instructions: Bool = true) -> Digest {
        var hasher = SHA256Hasher(instructions: instructions)
        hasher.update(bytes)
        return hasher.finalize()
    }

    static func hash(_ bytes: [UInt8], instructions: Bool = true) -> Digest {
        bytes.withUnsafeBytes { hash($0, instructions: instructions) }
    }

    /// Adds `bytes` to the message.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        byteCount &+= UInt64(truncatingIfNeeded: remaining)
        var state = self.state
        var tail = self.tail
        var tailCount = self.tailCount
        Self.withSchedule { schedule in
            withUnsafeMutableBytes(of: &tail) { block in
                let blockStart = block.baseAddress!
                if tailCount > 0 {
                    let taken = min(64 &- tailCount, remaining)
                    (blockStart + tailCount).copyMemory(from: input, byteCount: taken)
                    tailCount &+= taken
                    input += taken
                    remaining &-= taken
                    guard tailCount == 64 else { return }
                    compress(&state, UnsafeRawPointer(blockStart), blocks: 1, schedule)
                    tailCount = 0
                }
                let blocks = remaining / 64
                if blocks > 0 {
                    compress(&state, input, blocks: blocks, schedule)
                    input += blocks &* 64
                    remaining &-= blocks &* 64
                }
                if remaining > 0 {
                    blockStart.copyMemory(from: input, byteCount: remaining)
                    tailCount = remaining
                }
            }
        }
        self.state = state
        self.tail = tail
        self.tailCount = tailCount
    }

    /// The digest of everything added so far (5.1.1's padding, then the last block or two).
    /// The hasher itself is left as it was.
    func finalize() -> Digest {
        var state = self.state
        var tail = self.tail
        let tailCount = self.tailCount
        let bitCount = byteCount &<< 3
        Self.withSchedule { schedule in
            withUnsafeMutableBytes(of: &tail) { block in
                let blockStart = block.baseAddress!
                block[tailCount] = 0x80
                var end = tailCount &+ 1
                if end > 56 {
                    (blockStart + end).initializeMemory(as: UInt8.self, repeating: 0, count: 64 &- end)
                    compress(&state, UnsafeRawPointer(blockStart), blocks: 1, schedule)
                    end = 0
                }
                (blockStart + end).initializeMemory(as: UInt8.self, repeating: 0, count: 56 &- end)
                block.storeBytes(of: bitCount.bigEndian, toByteOffset: 56, as: UInt64.self)
                compress(&state, UnsafeRawPointer(blockStart), blocks: 1, schedule)
            }
        }
        return Digest(words: (
            state.0.bigEndian, state.1.bigEndian, state.2.bigEndian, state.3.bigEndian,
            state.4.bigEndian, state.5.bigEndian, state.6.bigEndian, state.7.bigEndian
        ))
    }

    // MARK: The compression function (6.2.2)

    /// Runs `body` with room for the 64-word message schedule W on the stack.
    @inline(__always)
    private static func withSchedule<Result>(_ body: (UnsafeMutablePointer<UInt32>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { body($0.baseAddress!) }
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }

    /// Folds `blocks` consecutive 64-byte blocks at `data` (any alignment) into `state`, with the CPU's SHA
    /// instructions when this hasher uses them; `schedule` is scratch for the Swift code.
    @inline(__always)
    private func compress(
        _ state: inout State, _ data: UnsafeRawPointer, blocks: Int, _ schedule: UnsafeMutablePointer<UInt32>
    ) {
        if usesInstructions {
            withUnsafeMutableBytes(of: &state) { words in
                vakt_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self), data, blocks)
            }
            return
        }
        for index in 0..<blocks {
            Self.compress(&state, data + index &* 64, schedule)
        }
    }

    /// Folds one 64-byte block at `block` (any alignment) into `state`; `w` is scratch for the schedule.
    private static func compress(_ state: inout State, _ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>) {
        for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
        }
        for t in 16..<64 {
            let w15 = w[t &- 15]
            let w2 = w[t &- 2]
            let sigma0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 &>> 3)
            let sigma1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 &>> 10)
            w[t] = sigma1 &+ w[t &- 7] &+ sigma0 &+ w[t &- 16]
        }
        var (a, b, c, d, e, f, g, h) = state
        // K (4.2.2), the table the C target's instructions read too.
        let k = vakt_sha256_constants()!
        // Eight rounds per pass, the working variables' roles rotating through the arguments
        // instead of being moved (h = g, g = f, … in the standard's text).
        var t = 0
        while t < 64 {
            round(a, b, c, &d, e, f, g, &h, k[t], w[t])
            round(h, a, b, &c, d, e, f, &g, k[t &+ 1], w[t &+ 1])
            round(g, h, a, &b, c, d, e, &f, k[t &+ 2], w[t &+ 2])
            round(f, g, h, &a, b, c, d, &e, k[t &+ 3], w[t &+ 3])
            round(e, f, g, &h, a, b, c, &d, k[t &+ 4], w[t &+ 4])
            round(d, e, f, &g, h, a, b, &c, k[t &+ 5], w[t &+ 5])
            round(c, d, e, &f, g, h, a, &b, k[t &+ 6], w[t &+ 6])
            round(b, c, d, &e, f, g, h, &a, k[t &+ 7], w[t &+ 7])
            t &+= 8
        }
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
        state.4 &+= e
        state.5 &+= f
        state.6 &+= g
        state.7 &+= h
    }

    /// One round (6.2.2 step 3) with T1 and T2 folded in: `d` becomes the new e and `h` the new a.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ k: UInt32, _ w: UInt32
    ) {
        // Ch(e, f, g) and Maj(a, b, c), each in one operation fewer than the standard's spelling.
        let choose = g ^ (e & (f ^ g))
        let majority = (a & b) | (c & (a | b))
        let t1 = h &+ (rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)) &+ choose &+ k &+ w
        d &+= t1
        h = t1 &+ (rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)) &+ majority
    }
}
