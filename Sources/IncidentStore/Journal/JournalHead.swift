import Glibc
import IncidentEngine

/// The last event a journal is known to have had, kept beside it (`journal.jsonl.head`).
///
/// A hash chain cannot show that lines were cut from its end: a shorter
/// chain is still a valid chain. After each append the store writes the new
/// last `seq` and `hash` here, and `vakt verify` checks that the journal still
/// reaches that event. The file is one fixed-size JSON line overwritten in
/// place (one small `pwrite` into one sector: no new file, no rename, so it
/// adds next to nothing to an append), after the journal's fsync and not
/// synced itself: after a power cut it can only lag behind the journal, never
/// run ahead of it. A head that lags is fine; a missing or unreadable one only
/// means the end cannot be checked.
public struct JournalHead: Equatable, Sendable {
    public var seq: Int
    public var hash: String

    /// Every head file is exactly this long: `{"seq":N,"hash":"…"}`, spaces, `\n`.
    static let fileLength = 128

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// The head file's path for a journal.
    public static func path(forJournal journalPath: String) -> String {
        journalPath + ".head"
    }

    /// The head recorded for a journal; nil when missing or unreadable.
    public static func read(forJournal journalPath: String) -> JournalHead? {
        guard let file = try? PosixFile.open(path(forJournal: journalPath), writable: false),
              let bytes = try? file.read(from: 0), bytes.count <= fileLength,
              let json = try? JSONParser.parse(bytes),
              let seq = json["seq"]?.intValue, seq >= 1, let hash = json["hash"]?.stringValue,
              HashChain.isWellFormed(hash)
        else { return nil }
        return JournalHead(seq: Int(seq), hash: hash)
    }

    /// Opens (creating if needed) the head file of a journal for `write(to:)`.
    static func open(forJournal journalPath: String) throws(StoreError) -> PosixFile {
        try PosixFile.open(path(forJournal: journalPath), writable: true, appending: false, create: true)
    }

    /// Overwrites the head file with this head.
    func write(to file: PosixFile) throws(StoreError) {
        var bytes = CanonicalJSON.encode(.object([(key: "seq", value: .int(Int64(seq))), (key: "hash", value: .string(hash))]))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, Self.fileLength - 1 - bytes.count)))
        bytes.append(UInt8(ascii: "\n"))
        try file.overwrite(bytes)
    }
}
