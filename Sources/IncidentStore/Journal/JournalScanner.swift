import Dispatch
import Glibc
import IncidentEngine

/// Reads journal lines and checks their chain, stopping at the first problem.
///
/// Two depths: `.links` (JSON, the record's fields, `seq` and `prev`) is what
/// every open does and is cheap; `.full` also recomputes each SHA-256 and
/// checks that each line is exactly the canonical encoding of its record,
/// which is what `vakt verify` does. Both report the first problem with its
/// line number, and everything before it as good.
///
/// A line's own checks do not depend on other lines, so a large journal is
/// cut into one piece per core at line boundaries and the pieces are read in
/// parallel; the links between lines are then checked in order.
public enum JournalScanner {
    public enum Depth: Sendable {
        case links
        case full
    }

    public struct Result {
        /// The records of the good lines (empty when not kept).
        public var records: [EventRecord] = []
        /// How many good lines were read.
        public var count = 0
        /// Byte offset just past the last good line's newline.
        public var goodLength: Int
        /// `seq` of the last good line (the starting seq − 1 when none).
        public var lastSeq: Int
        /// `hash` of the last good line (the starting previous hash when none).
        public var headHash: String
        public var problem: JournalProblem?
    }

    /// Below this many bytes a journal is read on one thread (a thread costs more than it saves).
    static let parallelThreshold = 1 << 20

    /// Scans `bytes[startOffset...]`, whose first line is line `firstLine` and should carry `nextSeq`.
    public static func scan(
        _ bytes: UnsafeRawBufferPointer, startOffset: Int = 0, firstLine: Int = 1, nextSeq: Int = 1,
        previousHash: String = EventRecord.zeroHash, depth: Depth, keepRecords: Bool = true
    ) -> Result {
        let pieces = split(bytes, from: startOffset)
        var partials = Array(repeating: Partial(), count: pieces.count)
        if pieces.count == 1 {
            partials[0] = readPiece(bytes, pieces[0], depth: depth)
        } else {
            partials.withUnsafeMutableBufferPointer { results in
                let shared = SharedPieces(bytes: bytes, results: results)
                DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                    shared.results[index] = readPiece(shared.bytes, pieces[index], depth: depth)
                }
            }
        }

        var result = Result(goodLength: startOffset, lastSeq: nextSeq - 1, headHash: previousHash)
        var lineNumber = firstLine
        for index in partials.indices {
            // Move each piece's records into the result (the first without a copy), then check its links.
            if keepRecords {
                if index == 0 {
                    swap(&result.records, &partials[0].records)
                } else {
                    result.records.append(contentsOf: partials[index].records)
                    partials[index].records = []
                }
            }
            let partial = partials[index]
            let records = keepRecords ? result.records[(result.count)...] : partial.records[...]
            for (position, record) in records.enumerated() {
                let reason: JournalProblem.Reason?
                if record.seq != result.lastSeq + 1 {
                    reason = .sequence(expected: result.lastSeq + 1, found: record.seq)
                } else if record.prev != result.headHash {
                    reason = .brokenLink
                } else {
                    reason = nil
                }
                if let reason {
                    result.problem = JournalProblem(line: lineNumber, offset: result.goodLength, reason: reason)
                    if keepRecords { result.records.removeSubrange(result.count...) }
                    return result
                }
                result.count += 1
                result.lastSeq = record.seq
                result.headHash = record.hash
                result.goodLength += Int(partial.lineLengths[position])
                lineNumber += 1
            }
            if let failure = partial.failure {
                result.problem = JournalProblem(line: lineNumber, offset: result.goodLength, reason: failure)
                return result
            }
        }
        return result
    }

    /// What one piece yielded: its good lines in order, and the first line that failed on its own.
    struct Partial {
        var records: [EventRecord] = []
        /// Each good line's length, newline included, to advance offsets in the link pass.
        var lineLengths: [Int32] = []
        var failure: JournalProblem.Reason?
    }

    /// What the parallel readers share: the journal's bytes (only read) and one
    /// result slot per piece (each written by exactly one thread, and read only
    /// after `concurrentPerform` has returned), hence safe to send.
    struct SharedPieces: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let results: UnsafeMutableBufferPointer<Partial>
    }

    /// Cuts `bytes[start...]` into one range per core, each ending just after a newline (the last at the end).
    static func split(_ bytes: UnsafeRawBufferPointer, from start: Int) -> [Range<Int>] {
        let length = bytes.count - start
        let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        guard length >= parallelThreshold, cores > 1, let base = bytes.baseAddress else { return [start..<bytes.count] }
        var ranges: [Range<Int>] = []
        var lower = start
        for piece in 1..<cores {
            let guess = start + length * piece / cores
            guard guess > lower, let newline = memchr(base + guess, Int32(UInt8(ascii: "\n")), bytes.count - guess)
            else { break }
            let upper = base.distance(to: UnsafeRawPointer(newline)) + 1
            ranges.append(lower..<upper)
            lower = upper
        }
        ranges.append(lower..<bytes.count)
        return ranges
    }

    /// Reads the lines of one piece, stopping at the first that fails its own checks.
    static func readPiece(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, depth: Depth) -> Partial {
        var partial = Partial()
        partial.records.reserveCapacity(range.count / 256)
        partial.lineLengths.reserveCapacity(range.count / 256)
        guard let base = bytes.baseAddress else { return partial }
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), range.upperBound - offset) else {
                partial.failure = .torn
                return partial
            }
            let lineEnd = base.distance(to: UnsafeRawPointer(found))
            switch check(UnsafeRawBufferPointer(rebasing: bytes[offset..<lineEnd]), depth: depth) {
            case .success(let record):
                partial.records.append(record)
                partial.lineLengths.append(Int32(clamping: lineEnd + 1 - offset))
                offset = lineEnd + 1
            case .failure(let reason):
                partial.failure = reason
                return partial
            }
        }
        return partial
    }

    /// The checks of one line (without its newline) that need no other line.
    ///
    /// In order: JSON, then (`.full`) the hash over the line and its own
    /// `prev`, then the record, then (`.full`) that the line is exactly the
    /// canonical encoding of that record.
    static func check(_ line: UnsafeRawBufferPointer, depth: Depth) -> Swift.Result<EventRecord, JournalProblem.Reason> {
        guard !line.isEmpty else { return .failure(.emptyLine) }
        if let record = JournalLineDecoder.decode(line, canonical: depth == .full) {
            if depth == .full {
                guard JournalLine.expectedHash(ofStoredLine: line, previous: record.prev) == record.hash else {
                    return .failure(.hashMismatch)
                }
            }
            return .success(record)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(line)
        } catch {
            return .failure(.notJSON(error.description))
        }
        guard JournalLine.hashMemberStart(line) != nil else { return .failure(.noHash) }
        if depth == .full {
            let expected = JournalLine.expectedHash(ofStoredLine: line, previous: json["prev"]?.stringValue ?? "")
            guard json["hash"]?.stringValue == expected else { return .failure(.hashMismatch) }
        }
        let record: EventRecord
        do {
            record = try EventRecord(json: json)
        } catch {
            return .failure(.notAnEvent(error.description))
        }
        if depth == .full, !isCanonical(record, line) { return .failure(.notCanonical) }
        return .success(record)
    }

    /// True when `line` is byte for byte what the store writes for `record`.
    static func isCanonical(_ record: EventRecord, _ line: UnsafeRawBufferPointer) -> Bool {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(line.count)
        CanonicalJSON.encode(record.toJSON(), into: &encoded)
        return encoded.withUnsafeBytes { JSONParser.sameBytes($0, line) }
    }
}
