/// SHA-256 (FIPS 180-4, section 6.2) in plain Swift: the hash of the journal's chain and of the playbook copy.
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
/// The price: about 220 MB/s on the benchmark machine, against swift-crypto's 1.5 GB/s with the CPU's SHA
/// instructions, which shows in `vakt verify` of very large journals (docs/performance.md, "Journal").
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

    init() {}

    /// The digest of `bytes` in one go.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    static func hash(_ bytes: [UInt8]) -> Digest {
        bytes.withUnsafeBytes { hash($0) }
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
                    Self.compress(&state, UnsafeRawPointer(blockStart), schedule)
                    tailCount = 0
                }
                while remaining >= 64 {
                    Self.compress(&state, input, schedule)
                    input += 64
                    remaining &-= 64
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
                    Self.compress(&state, UnsafeRawPointer(blockStart), schedule)
                    end = 0
                }
                (blockStart + end).initializeMemory(as: UInt8.self, repeating: 0, count: 56 &- end)
                block.storeBytes(of: bitCount.bigEndian, toByteOffset: 56, as: UInt64.self)
                Self.compress(&state, UnsafeRawPointer(blockStart), schedule)
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
        roundConstants.withUnsafeBufferPointer { k in
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

    /// K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes (4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
