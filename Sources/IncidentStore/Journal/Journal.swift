import Glibc
import IncidentEngine

/// An incident's journal on disk: read, repaired after a crash, and appended to.
///
/// The file is JSON Lines, one `EventRecord` a line, chained by SHA-256
/// (see `HashChain`). Every append takes an exclusive `flock`, first reads
/// what other processes appended since this one last looked (so two
/// responders never interleave or fork the chain), lets the caller decide
/// its events against that up-to-date history, writes all new lines in one
/// `write`, and `fsync`s before returning: what `append` returns is durable.
/// A failed write or sync cuts the file back to where it was.
public final class Journal {
    public let path: String
    /// Every record, in order.
    public private(set) var records: [EventRecord] = []
    /// The torn tail moved aside while opening or appending, if any (report it once).
    public private(set) var tornTails: [TornTail] = []

    private let file: PosixFile
    private let writable: Bool
    private let writer: PosixFile.WriteFunction
    /// Bytes of the journal known to hold good lines.
    private var knownLength = 0
    /// The head file, opened at the first append.
    private var headFile: PosixFile?

    /// The hash of the last record (`EventRecord.zeroHash` when empty).
    public var headHash: String { records.last?.hash ?? EventRecord.zeroHash }

    /// Opens an existing journal (or creates an empty one with `create`) and reads it.
    ///
    /// - Parameters:
    ///   - repair: move a torn last line aside (under the exclusive lock) and
    ///     truncate to the last good line. Without it a torn tail is left as it
    ///     is and the good lines are read (for read-only inspection).
    ///   - create: create a new, empty journal (it must not exist yet).
    ///   - writer: the `write(2)` to use; tests inject failures here.
    public init(
        path: String, create: Bool = false, repair: Bool = true,
        writer: @escaping PosixFile.WriteFunction = PosixFile.systemWrite
    ) throws(StoreError) {
        self.path = path
        self.writer = writer
        writable = repair || create
        file = try PosixFile.open(path, writable: writable, create: create, exclusive: create)
        try file.lock(exclusive: false)
        let torn: Bool
        do {
            defer { file.unlock() }
            torn = try catchUp()
        }
        if torn && repair {
            try file.lock(exclusive: true)
            defer { file.unlock() }
            _ = try catchUp(repairing: true)
        }
    }

    /// Appends the events that `build` returns, as one durable write.
    ///
    /// `build` runs under the exclusive lock and sees every record in the
    /// journal at that moment, so it can check its command against the true
    /// state. It returns records whose `seq`, `prev` and `hash` the journal
    /// fills in; returning none writes nothing. Returns the records as written.
    @discardableResult
    public func append(_ build: ([EventRecord]) throws -> [EventRecord]) throws -> [EventRecord] {
        guard writable else { throw StoreError.rejected("\(path) was opened to be read, not written") }
        try file.lock(exclusive: true)
        defer { file.unlock() }
        _ = try catchUp(repairing: true)
        let drafts = try build(records)
        guard !drafts.isEmpty else { return [] }
        var written: [EventRecord] = []
        written.reserveCapacity(drafts.count)
        var bytes: [UInt8] = []
        var seq = (records.last?.seq ?? 0)
        var previous = headHash
        for var record in drafts {
            seq += 1
            record.seq = seq
            record.prev = previous
            let (line, hash) = JournalLine.encode(record)
            record.hash = hash
            previous = hash
            bytes.append(contentsOf: line)
            written.append(record)
        }
        do {
            try file.writeAll(bytes, using: writer)
            try file.sync()
        } catch {
            // Put the journal back as it was; if even that fails, say so as well.
            do {
                try file.truncate(to: knownLength)
                try file.sync()
            } catch let cleanup {
                throw StoreError.system(
                    operation: "write (\(error.description); restoring it also failed: \(cleanup.description))",
                    path: path, errno: errnoOf(error))
            }
            throw error
        }
        knownLength += bytes.count
        records.append(contentsOf: written)
        if let last = written.last {
            // Best effort: a missing head only means the end cannot be checked.
            if headFile == nil { headFile = try? JournalHead.open(forJournal: path) }
            if let headFile { try? JournalHead(seq: last.seq, hash: last.hash).write(to: headFile) }
        }
        return written
    }

    /// Convenience: appends records already made.
    @discardableResult
    public func append(_ drafts: [EventRecord]) throws -> [EventRecord] {
        try append { _ in drafts }
    }

    /// Reads what was appended since `knownLength`. Returns true when a torn
    /// tail remains (only when not repairing). Must hold a lock.
    private func catchUp(repairing: Bool = false) throws(StoreError) -> Bool {
        let size = try file.size()
        if size < knownLength {
            throw .corrupt(path: path, line: records.count, reason: "the journal became shorter while it was open")
        }
        guard size > knownLength else { return false }
        let result = try JournalScanner.scan(
            file, from: knownLength, to: size, firstLine: records.count + 1, nextSeq: (records.last?.seq ?? 0) + 1,
            previousHash: headHash, depth: .links)
        if records.isEmpty {
            records = result.records  // no copy of a million records on open
        } else {
            records.append(contentsOf: result.records)
        }
        knownLength = result.goodLength
        guard let problem = result.problem else { return false }
        guard problem.reason == .torn else {
            throw .corrupt(path: path, line: problem.line, reason: problem.explanation)
        }
        guard repairing else { return true }
        let tail = try file.read(from: knownLength)
        let sidePath = try keepAside(tail)
        try file.truncate(to: knownLength)
        try file.sync()
        tornTails.append(TornTail(journalPath: path, line: problem.line, byteCount: tail.count, sidePath: sidePath))
        return false
    }

    /// Writes `bytes` to a new side file `journal.jsonl.torn-<UTC time>` and syncs it and its folder.
    private func keepAside(_ bytes: [UInt8]) throws(StoreError) -> String {
        let stamp = WallClock().now().withOffset(minutes: 0).rfc3339
            .replacingDashesAndColons()
        var attempt = 0
        while true {
            let sidePath = path + ".torn-" + stamp + (attempt == 0 ? "" : "-\(attempt)")
            let side: PosixFile
            do {
                side = try PosixFile.open(sidePath, writable: true, create: true, exclusive: true)
            } catch .system(_, _, EEXIST) where attempt < 1000 {
                attempt += 1
                continue
            }
            try side.writeAll(bytes)
            try side.sync()
            try PosixFile.syncDirectory(Self.folder(of: path))
            return sidePath
        }
    }

    /// The folder holding `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }
}

private func errnoOf(_ error: StoreError) -> Int32 {
    if case .system(_, _, let code) = error { return code }
    return EIO
}

private extension String {
    /// `2026-11-29T03:10:00.123Z` → `20261129T031000.123Z`: safe in any file name.
    func replacingDashesAndColons() -> String {
        String(filter { $0 != "-" && $0 != ":" })
    }
}
