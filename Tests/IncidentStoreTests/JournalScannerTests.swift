import VaktTestSupport
import Glibc
import IncidentEngine
import Testing
@testable import IncidentStore

@Suite struct JournalScannerTests {
    /// A chained journal of `count` records cycling through the samples.
    static func journal(_ count: Int) -> (bytes: [UInt8], lineStarts: [Int]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var previous = EventRecord.zeroHash
        let samples = Samples.incident
        for index in 0..<count {
            var record = samples[index % samples.count]
            record.seq = index + 1
            record.prev = previous
            let (line, hash) = JournalLine.encode(record)
            starts.append(bytes.count)
            bytes += line
            previous = hash
        }
        return (bytes, starts)
    }

    @Test func theFastDecoderAndTheGeneralReaderAgreeOnEveryLine() throws {
        let (bytes, _) = Self.journal(Samples.incident.count)
        for line in Files.lines(bytes) {
            let body = Array(line.dropLast())
            let fast = body.withUnsafeBytes { JournalLineDecoder.decode($0, canonical: true) }
            let general = try EventRecord(json: JSONParser.parse(body))
            #expect(fast == general)
        }
    }

    @Test func otherSpellingsFallBackToTheGeneralReaderWithTheSameRecord() throws {
        let (bytes, _) = Self.journal(5)
        let line = Array(Files.lines(bytes)[4].dropLast())
        let text = String(decoding: line, as: UTF8.self)
        let variants = [
            text.replacingFirst(#""seq":5,"#, #""seq": 5,"#),
            text.replacingFirst(#""actor":"kari""#, #""actor":"k\u0061ri""#),
            text.replacingFirst(".000+01:00", "+01:00"),
        ]
        let expected = try EventRecord(json: JSONParser.parse(line))
        for variant in variants {
            let variantBytes = Array(variant.utf8)
            #expect(variantBytes != line)
            #expect(variantBytes.withUnsafeBytes { JournalLineDecoder.decode($0, canonical: true) } == nil)
            let links = variantBytes.withUnsafeBytes { JournalScanner.check($0, depth: .links) }
            #expect((try? links.get()) == expected, "\(variant)")
            let full = variantBytes.withUnsafeBytes { JournalScanner.check($0, depth: .full) }
            #expect(throws: JournalProblem.Reason.self) { try full.get() }
        }
    }

    @Test func aLargeJournalIsReadInPiecesWithTheSameResult() throws {
        let (bytes, starts) = Self.journal(6_000)
        #expect(bytes.count > JournalScanner.parallelThreshold)
        #expect(bytes.withUnsafeBytes { JournalScanner.split($0, from: 0) }.count >= 1)
        let whole = bytes.withUnsafeBytes { JournalScanner.scan($0, depth: .full) }
        #expect(whole.problem == nil && whole.count == 6_000 && whole.records.count == 6_000)
        #expect(whole.goodLength == bytes.count)
        #expect(whole.records.map(\.seq) == Array(1...6_000))

        // A problem late in the journal (in the last piece) is named by its line number.
        for lineIndex in [10, 2_999, 5_500] {
            var edited = bytes
            edited[starts[lineIndex] + 20] ^= 0x01
            let report = edited.withUnsafeBytes { JournalScanner.scan($0, depth: .full) }
            #expect(report.problem?.line == lineIndex + 1)
            #expect(report.problem?.offset == starts[lineIndex])
            #expect(report.count == lineIndex && report.records.count == lineIndex)
            #expect(report.goodLength == starts[lineIndex])
        }
        // A line removed from the middle breaks the link where it was.
        var removed = bytes
        removed.removeSubrange(starts[4_000]..<starts[4_001])
        let report = removed.withUnsafeBytes { JournalScanner.scan($0, depth: .links) }
        #expect(report.problem?.line == 4_001 && report.problem?.reason == .sequence(expected: 4_001, found: 4_002))
        // A torn tail after a large journal.
        let torn = bytes + Array(#"{"seq":6001,"occ"#.utf8)
        let tornReport = torn.withUnsafeBytes { JournalScanner.scan($0, depth: .links) }
        #expect(tornReport.problem?.reason == .torn && tornReport.problem?.line == 6_001 && tornReport.count == 6_000)
    }

    @Test func theHeadFileFollowsAppendsAndCatchesACutEnd() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        try journal.append(Array(Samples.incident.prefix(4)))
        try journal.append([Samples.incident[4]])
        let head = try #require(JournalHead.read(forJournal: path))
        #expect(head == JournalHead(seq: 5, hash: journal.headHash))
        #expect(Files.read(JournalHead.path(forJournal: path)).count == JournalHead.fileLength)
        #expect(Files.mode(JournalHead.path(forJournal: path)) == 0o600)

        // Cutting the last line leaves a valid but shorter chain: the head shows it.
        let lines = Files.lines(Files.read(path))
        Files.write(lines.dropLast().flatMap { $0 }, to: path)
        let report = try JournalVerifier.verify(path: path)
        #expect(report.problem?.reason == .missingTail(headSeq: 5, lastSeq: 4) && report.problem?.line == 5)
        #expect(report.endChecked)

        // Without a head file the end cannot be checked, and verify says so rather than failing.
        _ = unlink(JournalHead.path(forJournal: path))
        let unchecked = try JournalVerifier.verify(path: path)
        #expect(unchecked.isValid && !unchecked.endChecked && unchecked.count == 4)
    }
}

private extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
