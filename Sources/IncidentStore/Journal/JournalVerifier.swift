import Glibc
import IncidentEngine

/// `vakt verify`: checks every line of a journal — its JSON, its record,
/// its canonical spelling, its SHA-256 and its link to the line before —
/// and that the journal still reaches the event its head file records.
///
/// Read-only: a torn tail is reported (as the first line that does not
/// verify), never repaired here, so the verdict is about the file as it is.
public enum JournalVerifier {
    public struct Report: Sendable, Equatable {
        /// Good events before the problem (all of them when there is none).
        public var count: Int
        /// Hash of the last good event.
        public var headHash: String
        /// The first line that does not verify; nil when the journal verifies.
        public var problem: JournalProblem?
        /// False when there was no readable head file, so a cut end could not be seen.
        public var endChecked: Bool

        public var isValid: Bool { problem == nil }
    }

    /// Verifies the journal at `path` (a symbolic link is refused).
    public static func verify(path: String) throws(StoreError) -> Report {
        let file = try PosixFile.open(path, writable: false)
        try file.lock(exclusive: false)
        defer { file.unlock() }
        let bytes = try file.read(from: 0)
        return verify(bytes: bytes, head: JournalHead.read(forJournal: path))
    }

    /// Verifies journal bytes against an optional head.
    public static func verify(bytes: [UInt8], head: JournalHead?) -> Report {
        bytes.withUnsafeBytes { buffer in
            let scan = JournalScanner.scan(buffer, depth: .full, keepRecords: false)
            var report = Report(count: scan.count, headHash: scan.headHash, problem: scan.problem, endChecked: false)
            guard scan.problem == nil, let head else { return report }
            report.endChecked = true
            if head.seq > scan.lastSeq {
                report.problem = JournalProblem(
                    line: scan.count + 1, offset: buffer.count,
                    reason: .missingTail(headSeq: head.seq, lastSeq: scan.lastSeq))
            } else if let (offset, hash) = hashOfLine(head.seq, in: buffer), hash != head.hash {
                report.problem = JournalProblem(line: head.seq, offset: offset, reason: .headMismatch(seq: head.seq))
            }
            return report
        }
    }

    /// The start offset and stored hash of 1-based line `number` (in a chain that verified, line n is seq n).
    static func hashOfLine(_ number: Int, in bytes: UnsafeRawBufferPointer) -> (Int, String)? {
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        for _ in 1..<number {
            guard let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            start = base.distance(to: UnsafeRawPointer(newline)) + 1
        }
        guard let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
        let end = base.distance(to: UnsafeRawPointer(newline))
        let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard let hashStart = JournalLine.hashMemberStart(line) else { return nil }
        let digits = UnsafeRawBufferPointer(rebasing: line[(hashStart + HashChain.hashMemberPrefix.count)..<(line.count - 2)])
        return (start, String(decoding: digits, as: UTF8.self))
    }
}
