import Crypto
import Testing
import VaktTestSupport
@testable import IncidentStore

/// vakt's own SHA-256 (`SHA256Hasher`) against the standard's example vectors and against
/// swift-crypto, which stays a dependency of these tests only, as an independent oracle. Each test
/// runs twice: with the Swift code (`instructions: false`) and with the CPU's SHA instructions (where
/// the machine has none, the second run is the Swift code again; `instructionsAreUsedWhereTheCPUHasThem`
/// says which).
@Suite struct SHA256Tests {
    /// FIPS 180-4's examples (NIST CSRC "Examples with intermediate values", the same as the CAVP
    /// short and long messages): the message and its digest.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test(arguments: 0..<vectors.count, [false, true])
    func standardVectors(_ index: Int, instructions: Bool) {
        let (message, digest) = Self.vectors[index]
        #expect(SHA256Hasher.hash(Array(message.utf8), instructions: instructions).hex == digest)
        // One byte at a time: every tail length on the way.
        var hasher = SHA256Hasher(instructions: instructions)
        for byte in message.utf8 {
            withUnsafeBytes(of: byte) { hasher.update($0) }
        }
        #expect(hasher.finalize().hex == digest)
    }

    @Test(arguments: [false, true])
    func oneMillionA(instructions: Bool) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let digest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256Hasher.hash(message, instructions: instructions).hex == digest)
        // In pieces of 1,000 bytes, which straddle block boundaries.
        var hasher = SHA256Hasher(instructions: instructions)
        message.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: 1_000) {
                hasher.update(UnsafeRawBufferPointer(rebasing: all[start..<(start + 1_000)]))
            }
        }
        #expect(hasher.finalize().hex == digest)
    }

    /// Every length from 0 to 300 bytes: every position of the padding's 0x80 and length,
    /// one and two final blocks, up to four whole blocks and some.
    @Test(arguments: [false, true])
    func everyLengthUpTo300MatchesSwiftCrypto(instructions: Bool) {
        var generator = SplitMix64(seed: 0x5AD2_56)
        let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for length in 0...300 {
            let message = Array(bytes.prefix(length))
            let ours = SHA256Hasher.hash(message, instructions: instructions)
            #expect(ours.bytes == Array(Crypto.SHA256.hash(data: message)), "length \(length)")
            #expect(ours.bytes.count == 32)
        }
    }

    /// Random inputs fed in random pieces (empty ones too) give the digest of the whole.
    @Test(arguments: [false, true])
    func randomChunkingsMatchSwiftCrypto(instructions: Bool) {
        var generator = SplitMix64(seed: 2026_1130)
        for round in 0..<200 {
            let length = round < 100 ? generator.next(below: 300) : generator.next(below: 5_000)
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let expected = Array(Crypto.SHA256.hash(data: message))
            var hasher = SHA256Hasher(instructions: instructions)
            message.withUnsafeBytes { all in
                var start = 0
                while start < all.count {
                    let piece = min(all.count - start, generator.next(below: 150))
                    hasher.update(UnsafeRawBufferPointer(rebasing: all[start..<(start + piece)]))
                    start += piece
                }
            }
            #expect(hasher.finalize().bytes == expected, "round \(round), \(length) bytes")
        }
    }

    /// The CPU check agrees with the kernel's: on Linux, `sha_ni` among /proc/cpuinfo's flags.
    @Test func instructionsAreUsedWhereTheCPUHasThem() {
        #if os(Linux) && arch(x86_64)
        let cpuinfo = Files.readText("/proc/cpuinfo")
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let kernelSays = flags.split(separator: " ").contains("sha_ni")
        #expect(SHA256Hasher.instructionsAvailable == kernelSays)
        #elseif !arch(x86_64)
        #expect(!SHA256Hasher.instructionsAvailable)
        #endif
    }

    /// `finalize` leaves the hasher as it was: hashing can go on after a digest was taken.
    @Test func finalizeDoesNotConsumeTheHasher() {
        var hasher = SHA256Hasher()
        let first = Array("Løsepengevirus på rådhuset, ".utf8)
        let second = Array(String(repeating: "PC-114 svarer ikke. ", count: 9).utf8)
        first.withUnsafeBytes { hasher.update($0) }
        #expect(hasher.finalize() == SHA256Hasher.hash(first))
        #expect(hasher.finalize() == hasher.finalize())
        second.withUnsafeBytes { hasher.update($0) }
        #expect(hasher.finalize().bytes == Array(Crypto.SHA256.hash(data: first + second)))
    }

    /// The chain's hash is SHA-256 of the previous hash's hex digits followed by the body, as
    /// docs/journal-format.md says; and the playbook fingerprint is the plain SHA-256.
    @Test func hashChainUsesIt() {
        let body = Array(#"{"actor":"kari","data":{"text":"PC-114 og \"PC-120\" 🔥"},"seq":2}"#.utf8)
        let previous = String(repeating: "ab", count: 32)
        let expected = Crypto.SHA256.hash(data: Array(previous.utf8) + body)
            .map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
            .joined()
        #expect(HashChain.hash(previous: previous, body: body) == expected)
        let bodyWithoutBrace = Array(body.dropLast())
        let split = bodyWithoutBrace.withUnsafeBytes {
            HashChain.hash(previous: previous, body: $0, closingBrace: true)
        }
        #expect(split == expected)
        #expect(HashChain.sha256Hex(Array("abc".utf8)) == Self.vectors[1].digest)
    }
}
