import IncidentEngine

/// One journal line: how a record becomes bytes, and how a stored line's hash is checked.
///
/// A stored line is the canonical encoding of `EventRecord.toJSON()` followed
/// by `\n`. Because `hash` is always the last member, the line without its
/// hash (what the hash covers) is the stored line with the 75 bytes
/// `,"hash":"<64 hex>"}` replaced by `}` — no re-encoding is needed to check
/// it, and none is needed by hand either.
public enum JournalLine {
    /// `,"hash":"` + 64 hex + `"}`.
    static let hashSuffixLength = HashChain.hashMemberPrefix.count + 64 + 2

    /// The line for `record` (its `seq` and `prev` already set), and its hash.
    public static func encode(_ record: EventRecord) -> (line: [UInt8], hash: String) {
        var body = [UInt8]()
        body.reserveCapacity(320)
        CanonicalJSON.encode(record.toJSON(includingHash: false), into: &body)
        let hash = HashChain.hash(previous: record.prev, body: body)
        body.removeLast()  // the closing brace
        body.append(contentsOf: HashChain.hashMemberPrefix)
        body.append(contentsOf: hash.utf8)
        body.append(UInt8(ascii: "\""))
        body.append(UInt8(ascii: "}"))
        body.append(UInt8(ascii: "\n"))
        return (body, hash)
    }

    /// The hash that a stored line (without its `\n`) should carry given `previous`,
    /// or nil when the line does not end with a well-formed hash member.
    public static func expectedHash(ofStoredLine line: UnsafeRawBufferPointer, previous: String) -> String? {
        guard let bodyEnd = hashMemberStart(line) else { return nil }
        return HashChain.hash(
            previous: previous, body: UnsafeRawBufferPointer(rebasing: line[0..<bodyEnd]), closingBrace: true)
    }

    /// The offset where `,"hash":"…"}` starts, if the line ends that way.
    static func hashMemberStart(_ line: UnsafeRawBufferPointer) -> Int? {
        let count = line.count
        guard count > hashSuffixLength, line[count - 1] == UInt8(ascii: "}"), line[count - 2] == UInt8(ascii: "\"")
        else { return nil }
        let start = count - hashSuffixLength
        for (offset, byte) in HashChain.hashMemberPrefix.enumerated() where line[start + offset] != byte {
            return nil
        }
        return start
    }
}
