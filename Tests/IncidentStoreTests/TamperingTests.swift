import VaktTestSupport
import IncidentEngine
import Testing
@testable import IncidentStore

/// `vakt verify` must catch every single-byte edit, deleted line, swapped
/// pair and inserted line of a sample journal.
@Suite struct TamperingTests {
    /// The sample journal's bytes and its head, written once through the store.
    static let sample: (bytes: [UInt8], head: JournalHead) = {
        var bytes: [UInt8] = []
        var previous = EventRecord.zeroHash
        var head = JournalHead(seq: 1, hash: previous)
        for (index, var record) in Samples.incident.enumerated() {
            record.seq = index + 1
            record.prev = previous
            let (line, hash) = JournalLine.encode(record)
            bytes += line
            previous = hash
            head = JournalHead(seq: record.seq, hash: hash)
        }
        return (bytes, head)
    }()

    static func verdict(_ bytes: [UInt8]) -> JournalVerifier.Report {
        JournalVerifier.verify(bytes: bytes, head: sample.head)
    }

    @Test func theSampleVerifies() {
        let report = Self.verdict(Self.sample.bytes)
        #expect(report.isValid && report.count == Samples.incident.count && report.headHash == Self.sample.head.hash)
    }

    /// The first six lines (opening, phase, step, tick, a note full of escapes and non-ASCII text, a
    /// decision) with their own head: every byte of every kind of field, at a size a debug build
    /// can check byte by byte in seconds.
    static let short: (bytes: [UInt8], head: JournalHead) = {
        let lines = Files.lines(sample.bytes).prefix(6)
        let bytes = lines.flatMap { $0 }
        let hash = JournalVerifier.hashOfLine(6, in: bytes.withUnsafeBytes { $0 })?.1 ?? ""
        return (bytes, JournalHead(seq: 6, hash: hash))
    }()

    @Test func everySingleByteSubstitutionIsCaught() {
        let original = Self.short.bytes
        #expect(JournalVerifier.verify(bytes: original, head: Self.short.head).isValid)
        var missed: [String] = []
        var bytes = original
        for index in original.indices {
            // Each bit flipped (every byte value differs from the original in at least one of these
            // ways), plus the bytes that change a line's structure.
            var replacements: Set<UInt8> = [0x0A, 0x22, 0x5C, 0x00]
            for bit in 0..<8 { replacements.insert(original[index] ^ (1 << UInt8(bit))) }
            for replacement in replacements where replacement != original[index] {
                bytes[index] = replacement
                if JournalVerifier.verify(bytes: bytes, head: Self.short.head).isValid {
                    missed.append("byte \(index) → \(replacement)")
                }
            }
            bytes[index] = original[index]
        }
        #expect(missed.isEmpty, "not caught: \(missed.prefix(10))")
    }

    @Test func everySingleByteDeletionAndInsertionIsCaught() {
        let original = Self.short.bytes
        var missed: [String] = []
        for index in original.indices {
            var deleted = original
            deleted.remove(at: index)
            if JournalVerifier.verify(bytes: deleted, head: Self.short.head).isValid { missed.append("deleting byte \(index)") }
            var inserted = original
            inserted.insert(0x20, at: index)
            if JournalVerifier.verify(bytes: inserted, head: Self.short.head).isValid { missed.append("a space at \(index)") }
        }
        #expect(missed.isEmpty, "not caught: \(missed.prefix(10))")
    }

    @Test func everyDeletedLineIsCaughtAndNamed() {
        let lines = Files.lines(Self.sample.bytes)
        for index in lines.indices {
            var edited = lines
            edited.remove(at: index)
            let report = Self.verdict(edited.flatMap { $0 })
            #expect(!report.isValid, "deleting line \(index + 1) was not caught")
            if index == lines.count - 1 {
                #expect(report.problem?.reason == .missingTail(headSeq: lines.count, lastSeq: lines.count - 1))
            } else {
                #expect(report.problem?.line == index + 1)
                #expect(report.problem?.reason == .sequence(expected: index + 1, found: index + 2))
            }
        }
    }

    @Test func everySwappedPairIsCaught() {
        let lines = Files.lines(Self.sample.bytes)
        for first in lines.indices {
            for second in lines.indices where second > first {
                var edited = lines
                edited.swapAt(first, second)
                let report = Self.verdict(edited.flatMap { $0 })
                #expect(report.problem?.line == first + 1, "swapping lines \(first + 1) and \(second + 1)")
            }
        }
    }

    @Test func everyInsertedLineIsCaught() {
        let lines = Files.lines(Self.sample.bytes)
        for position in 0...lines.count {
            // A copy of any existing line.
            for copied in lines.indices {
                var edited = lines
                edited.insert(lines[copied], at: position)
                #expect(!Self.verdict(edited.flatMap { $0 }).isValid, "copy of line \(copied + 1) at \(position + 1)")
            }
            // A blank line.
            var blank = lines
            blank.insert([0x0A], at: position)
            #expect(Self.verdict(blank.flatMap { $0 }).problem?.line == position + 1)
        }
        // A forged line that is itself perfectly chained: the line after it no longer fits.
        for position in 0..<lines.count {
            let previous = position == 0
                ? EventRecord.zeroHash
                : (JournalVerifier.hashOfLine(position, in: Self.sample.bytes.withUnsafeBytes { $0 })?.1 ?? "")
            var forged = Samples.record(.noteAdded(text: "ingenting skjedde", step: nil, lesson: false))
            forged.seq = position + 1
            forged.prev = previous
            var edited = lines
            edited.insert(JournalLine.encode(forged).line, at: position)
            let report = Self.verdict(edited.flatMap { $0 })
            #expect(report.problem?.line == position + 2, "forged line at \(position + 1)")
        }
    }

    @Test func aRewrittenHashIsCaughtAsAnEdit() {
        var lines = Files.lines(Self.sample.bytes)
        // Replace line 3's text and leave its hash: an edit.
        let text = String(decoding: lines[2], as: UTF8.self).replacingOccurrences("triage", "isolate")
        lines[2] = Array(text.utf8)
        let report = Self.verdict(lines.flatMap { $0 })
        #expect(report.problem?.line == 3 && report.problem?.reason == .hashMismatch)
    }

    @Test func aReencodedLineWithAFixedHashIsCaughtAsNotCanonical() throws {
        var lines = Files.lines(Self.sample.bytes)
        // Same meaning, other spelling (a space after a colon), hash recomputed over the new bytes.
        var text = String(decoding: lines[0].dropLast(), as: UTF8.self)
        text = text.replacingOccurrences(#""seq":1"#, #""seq": 1"#)
        let bytes = Array(text.utf8)
        let hash = try #require(bytes.withUnsafeBytes { JournalLine.expectedHash(ofStoredLine: $0, previous: EventRecord.zeroHash) })
        let rehashed = String(text.dropLast(66)) + hash + "\"}\n"
        lines[0] = Array(rehashed.utf8)
        let report = JournalVerifier.verify(bytes: lines.flatMap { $0 }, head: nil)
        #expect(report.problem?.line == 1 && report.problem?.reason == .notCanonical)
    }

    @Test func problemsReadAsOneLineSayingWhatHappened() {
        let torn = JournalProblem(line: 7, offset: 0, reason: .torn)
        #expect(torn.description == "line 7: torn: the last line is incomplete (a write that did not finish)")
        let moved = JournalProblem(line: 3, offset: 0, reason: .sequence(expected: 3, found: 4))
        #expect(moved.description.contains("removed, inserted or reordered"))
        #expect(JournalProblem(line: 2, offset: 0, reason: .hashMismatch).description.contains("edited"))
    }
}

private extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
