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
/// cut into pieces at line boundaries and the pieces are read in parallel;
/// the links between lines are then checked in order. A journal file is read
/// a chunk at a time (`scan(_:from:to:…)`), never all at once. Lines in the
/// store's own spelling are decoded straight from their bytes
/// (`JournalLineDecoder`); any other line is read the general way, which
/// decides what is accepted and what every problem is called.
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

    /// A journal file is read this many bytes at a time, into one buffer that
    /// stays in the caches, rather than all at once (a million events are 300 MB).
    static let chunkLength = 4 << 20

    /// Scans `bytes[startOffset...]`, whose first line is line `firstLine` and should carry `nextSeq`.
    public static func scan(
        _ bytes: UnsafeRawBufferPointer, startOffset: Int = 0, firstLine: Int = 1, nextSeq: Int = 1,
        previousHash: String = EventRecord.zeroHash, depth: Depth, keepRecords: Bool = true
    ) -> Result {
        var chain = Chain(
            goodLength: startOffset, firstLine: firstLine, nextSeq: nextSeq, previousHash: previousHash,
            keepsRecords: keepRecords)
        for partial in readPieces(bytes, from: startOffset, depth: depth) {
            guard chain.add(partial, lastLineMayGoOn: false) else { break }
        }
        return chain.result()
    }

    /// Scans `file` from byte `offset` to byte `end` like `scan(_:…)`, reading
    /// `chunkLength` bytes at a time (tests use short chunks to cut lines
    /// anywhere). Offsets in the result are the file's.
    ///
    /// The records go from each chunk's pieces straight into one array with
    /// room for lines of 256 bytes (the store's are longer), so that the
    /// pieces' memory is used again for the next chunk while it is still in
    /// the caches; records beyond that room (very short lines) follow after.
    static func scan(
        _ file: PosixFile, from offset: Int, to end: Int, firstLine: Int, nextSeq: Int, previousHash: String, depth: Depth,
        chunkLength: Int = JournalScanner.chunkLength
    ) throws(StoreError) -> Result {
        var chain = Chain(
            goodLength: offset, firstLine: firstLine, nextSeq: nextSeq, previousHash: previousHash, keepsRecords: true)
        var failure: StoreError?
        var records = [EventRecord](unsafeUninitializedCapacity: (end - offset) / 256 + 1) { room, filled in
            filled = 0
            do throws(StoreError) {
                try readChunks(file, to: end, chunkLength: chunkLength, depth: depth, into: &chain) { chain in
                    filled += chain.moveRecords(to: UnsafeMutableBufferPointer(rebasing: room[filled...]))
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        var result = chain.result()
        records.append(contentsOf: result.records)  // what did not fit in the room
        result.records = records
        return result
    }

    /// Reads `file` from `chain.goodLength` to `end` a chunk at a time and adds
    /// its pieces to `chain`, calling `chunkDone` after each chunk.
    private static func readChunks(
        _ file: PosixFile, to end: Int, chunkLength: Int, depth: Depth, into chain: inout Chain,
        chunkDone: (inout Chain) -> Void
    ) throws(StoreError) {
        var chunk = [UInt8](repeating: 0, count: min(chunkLength, end - chain.goodLength))
        while chain.goodLength < end, chain.problem == nil {
            let start = chain.goodLength
            let wanted = min(chunk.count, end - start)
            let got = try file.read(into: &chunk, count: wanted, from: start)
            let atEnd = got < wanted || start + got == end
            let partials = chunk.withUnsafeBytes { buffer in
                readPieces(UnsafeRawBufferPointer(rebasing: buffer[..<got]), from: 0, depth: depth)
            }
            for partial in partials {
                guard chain.add(partial, lastLineMayGoOn: !atEnd) else { break }
            }
            chunkDone(&chain)
            if atEnd { break }
            if chain.goodLength == start, chain.problem == nil {
                // Not one whole line in the chunk: make room for a longer line.
                chunk.append(contentsOf: repeatElement(0, count: chunk.count))
            }
        }
    }

    /// Cuts `bytes[start...]` into pieces at line boundaries and reads them, in parallel when large.
    static func readPieces(_ bytes: UnsafeRawBufferPointer, from start: Int, depth: Depth) -> [Partial] {
        let pieces = split(bytes, from: start)
        if pieces.count == 1 { return [readPiece(bytes, pieces[0], depth: depth)] }
        var partials = Array(repeating: Partial(), count: pieces.count)
        partials.withUnsafeMutableBufferPointer { results in
            let shared = SharedPieces(bytes: bytes, results: results)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                shared.results[index] = readPiece(shared.bytes, pieces[index], depth: depth)
            }
        }
        return partials
    }

    /// The links between lines, checked piece after piece in journal order:
    /// each record must carry the next seq and the hash of the record before.
    struct Chain {
        var goodLength: Int
        let firstLine: Int
        var count = 0
        var lastSeq: Int
        var headHash: String
        var problem: JournalProblem?
        /// False when only the verdict is wanted: each piece's records are dropped once checked.
        let keepsRecords: Bool
        /// The good records, piece by piece.
        var buffers: [RecordBuffer] = []

        init(goodLength: Int, firstLine: Int, nextSeq: Int, previousHash: String, keepsRecords: Bool) {
            self.goodLength = goodLength
            self.firstLine = firstLine
            lastSeq = nextSeq - 1
            headHash = previousHash
            self.keepsRecords = keepsRecords
        }

        /// Checks and keeps the records of the next piece; false once a problem is found.
        ///
        /// `lastLineMayGoOn`: the bytes ended before the file did, so a last
        /// line without a newline is only cut, not torn (the next read starts with it).
        mutating func add(_ partial: Partial, lastLineMayGoOn: Bool) -> Bool {
            let records = partial.records
            var good = 0
            while good < records.count {
                let reason: JournalProblem.Reason?
                if records[good].seq != lastSeq + 1 {
                    reason = .sequence(expected: lastSeq + 1, found: records[good].seq)
                } else if good == 0 ? records[0].prev != headHash : records[good].prev != records[good - 1].hash {
                    reason = .brokenLink
                } else {
                    reason = nil
                }
                if let reason {
                    problem = JournalProblem(line: firstLine + count, offset: goodLength, reason: reason)
                    break
                }
                lastSeq = records[good].seq
                goodLength += Int(partial.lineLengths[good])
                count += 1
                good += 1
            }
            if good > 0 { headHash = records[good - 1].hash }
            if keepsRecords {
                records.removeSuffix(from: good)
                buffers.append(records)
            }
            if problem == nil, let failure = partial.failure, !(failure == .torn && lastLineMayGoOn) {
                problem = JournalProblem(line: firstLine + count, offset: goodLength, reason: failure)
            }
            return problem == nil && partial.failure == nil
        }

        /// Moves the records of the first buffers, in order, to `room`, as long as
        /// each buffer fits whole; returns how many it moved.
        mutating func moveRecords(to room: UnsafeMutableBufferPointer<EventRecord>) -> Int {
            var moved = 0
            var emptied = 0
            for buffer in buffers {
                guard let next = room.baseAddress, buffer.count <= room.count - moved else { break }
                let count = buffer.count
                buffer.moveAll(to: next + moved)
                moved += count
                emptied += 1
            }
            buffers.removeFirst(emptied)
            return moved
        }

        /// The verdict, with the records that are still held (moved out of their buffers).
        func result() -> Result {
            Result(
                records: [EventRecord](moving: buffers), count: count, goodLength: goodLength, lastSeq: lastSeq,
                headHash: headHash, problem: problem)
        }
    }

    /// What one piece yielded: its good lines in order, and the first line that failed on its own.
    struct Partial {
        var records = RecordBuffer(capacity: 0)
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

    /// Cuts `bytes[start...]` into four ranges per core, each ending just after a newline (the last at the end).
    ///
    /// Four rather than one: on a machine busy with other work a core is not
    /// always ours, and the threads that are running take the pieces a
    /// descheduled one has not started, instead of waiting for it.
    static func split(_ bytes: UnsafeRawBufferPointer, from start: Int) -> [Range<Int>] {
        let length = bytes.count - start
        let cores = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        guard length >= parallelThreshold, cores > 1, let base = bytes.baseAddress else { return [start..<bytes.count] }
        let pieces = cores * 4
        var ranges: [Range<Int>] = []
        var lower = start
        for piece in 1..<pieces {
            let guess = start + length * piece / pieces
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
        // Room for lines of 256 bytes; the store's lines are longer.
        var partial = Partial(records: RecordBuffer(capacity: range.count / 256))
        partial.lineLengths.reserveCapacity(range.count / 256)
        guard let base = bytes.baseAddress else { return partial }
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), range.upperBound - offset) else {
                partial.failure = .torn
                return partial
            }
            let lineEnd = base.distance(to: UnsafeRawPointer(found))
            let line = UnsafeRawBufferPointer(rebasing: bytes[offset..<lineEnd])
            if let failure = read(line, depth: depth, appendingTo: partial.records) {
                partial.failure = failure
                return partial
            }
            partial.lineLengths.append(Int32(clamping: lineEnd + 1 - offset))
            offset = lineEnd + 1
        }
        return partial
    }

    /// The checks of one line (without its newline) that need no other line;
    /// appends its record to `records` (the records of the lines before it), or says why not.
    ///
    /// In order: JSON, then (`.full`) the hash over the line and its own
    /// `prev`, then the record, then (`.full`) that the line is exactly the
    /// canonical encoding of that record.
    static func read(_ line: UnsafeRawBufferPointer, depth: Depth, appendingTo records: RecordBuffer) -> JournalProblem.Reason? {
        guard !line.isEmpty else { return .emptyLine }
        if JournalLineDecoder.decode(line, canonical: depth == .full, appendingTo: records) {
            let last = records.count - 1
            if depth == .full, JournalLine.expectedHash(ofStoredLine: line, previous: records[last].prev) != records[last].hash {
                records.removeSuffix(from: last)
                return .hashMismatch
            }
            return nil
        }
        switch checkGenerally(line, depth: depth) {
        case .success(let record):
            records.append(record)
            return nil
        case .failure(let reason):
            return reason
        }
    }

    /// The checks of one line on its own: its record, or why it has none.
    static func check(_ line: UnsafeRawBufferPointer, depth: Depth) -> Swift.Result<EventRecord, JournalProblem.Reason> {
        let records = RecordBuffer(capacity: 1)
        if let failure = read(line, depth: depth, appendingTo: records) { return .failure(failure) }
        return .success(records[0])
    }

    /// The checks of one line read the general way (`JSONParser`, then
    /// `EventRecord(json:)`), which accepts every valid spelling and names what is wrong.
    static func checkGenerally(_ line: UnsafeRawBufferPointer, depth: Depth) -> Swift.Result<EventRecord, JournalProblem.Reason> {
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
