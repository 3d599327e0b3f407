/// The journal's tamper evidence: each line's `hash` covers the line before it.
///
/// `hash` = lower-case hex SHA-256 of the previous line's `hash` (64 ASCII hex
/// characters; 64 zeros before the first line) immediately followed by the
/// line's own canonical bytes without its hash, which are exactly the stored
/// line with its final `,"hash":"…"` member removed. The line's `prev` field
/// repeats the previous hash so that a removed, inserted or reordered line
/// shows up as a broken link even before any hash is computed.
/// docs/journal-format.md shows how to check this by hand with `sed` and `sha256sum`.
public enum HashChain {
    /// The `prev` of the first line.
    public static let genesis = String(repeating: "0", count: 64)

    /// The bytes that end every stored line before its hash value and the closing `"}`.
    static let hashMemberPrefix: [UInt8] = Array(",\"hash\":\"".utf8)

    /// The hash of a line whose canonical bytes without the hash member are `body`.
    public static func hash(previous: String, body: UnsafeRawBufferPointer) -> String {
        hash(previous: previous, body: body, closingBrace: false)
    }

    /// The hash of a line whose canonical bytes without the hash member are `body`,
    /// followed by `}` when `closingBrace` (so a stored line's hash is checked without copying it).
    static func hash(previous: String, body: UnsafeRawBufferPointer, closingBrace: Bool) -> String {
        var hasher = SHA256Hasher()
        var previous = previous
        previous.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        hasher.update(body)
        if closingBrace {
            withUnsafeBytes(of: UInt8(ascii: "}")) { hasher.update($0) }
        }
        return hasher.finalize().hex
    }

    public static func hash(previous: String, body: [UInt8]) -> String {
        body.withUnsafeBytes { hash(previous: previous, body: $0) }
    }

    /// Lower-case hex SHA-256 of some bytes (the playbook copy's fingerprint in `incident_opened`).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256Hasher.hash(bytes).hex
    }

    /// True for a 64-character lower-case hex string.
    public static func isWellFormed(_ hash: String) -> Bool {
        hash.utf8.count == 64 && hash.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
