import VaktTestSupport
import Glibc
import IncidentEngine
import Testing
@testable import IncidentStore

@Suite struct JournalTests {
    @Test func appendedRecordsReadBackExactly() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        let written = try journal.append(Samples.incident)
        #expect(written.map(\.seq) == Array(1...Samples.incident.count))
        #expect(written.first?.prev == EventRecord.zeroHash)
        for (earlier, later) in zip(written, written.dropFirst()) { #expect(later.prev == earlier.hash) }

        let reread = try Journal(path: path)
        #expect(reread.records == written)
        #expect(reread.headHash == written.last?.hash)
        let report = try JournalVerifier.verify(path: path)
        #expect(report.isValid && report.count == written.count && report.headHash == written.last?.hash)
        #expect(report.endChecked)
    }

    @Test func eachLineIsTheCanonicalRecordAndItsHashCoversThePreviousHash() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        let written = try journal.append(Array(Samples.incident.prefix(5)))
        let lines = Files.lines(Files.read(path))
        #expect(lines.count == 5)
        for (line, record) in zip(lines, written) {
            #expect(line == CanonicalJSON.encode(record.toJSON()) + [0x0A])
            let body = CanonicalJSON.encode(record.toJSON(includingHash: false))
            #expect(record.hash == HashChain.hash(previous: record.prev, body: body))
        }
        let text = String(decoding: lines[4], as: UTF8.self)
        #expect(text.contains(#""text":"PC-114 og \"PC-120\"\u000alinje to\u0009\u001b[31m 🔥 \\ /""#))
        #expect(text.hasPrefix(#"{"seq":5,"occurred":"2026-11-29T03:12:00.000+01:00","recorded":"#))
    }

    @Test func appendSeesWhatAnotherWriterAppendedAndContinuesTheChain() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let first = try Journal(path: path, create: true)
        let second = try Journal(path: path)
        try first.append(Array(Samples.incident[0..<3]))
        var seenByBuilder = 0
        let written = try second.append { existing in
            seenByBuilder = existing.count
            return [Samples.record(.noteAdded(text: "fra ola", step: nil, lesson: false), actor: "ola")]
        }
        #expect(seenByBuilder == 3)
        #expect(written.first?.seq == 4 && written.first?.prev == first.records.last?.hash)
        try first.append([Samples.record(.noteAdded(text: "fra kari", step: nil, lesson: false))])
        #expect(first.records.count == 5)
        #expect(try JournalVerifier.verify(path: path).count == 5)
    }

    @Test func aBuilderThatThrowsWritesNothing() throws {
        struct Refused: Error {}
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        try journal.append(Array(Samples.incident.prefix(2)))
        let before = Files.read(path)
        #expect(throws: Refused.self) { try journal.append { _ in throw Refused() } }
        #expect(Files.read(path) == before)
        #expect(try journal.append { _ in [] }.isEmpty)
        #expect(Files.read(path) == before)
    }

    @Test func aSymbolicLinkJournalIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let real = folder.path + "/elsewhere.jsonl"
        let journal = try Journal(path: real, create: true)
        try journal.append(Array(Samples.incident.prefix(1)))
        let link = folder.path + "/journal.jsonl"
        symlink(real, link)
        #expect(throws: StoreError.symbolicLink(path: link)) { try Journal(path: link) }
        #expect(throws: StoreError.symbolicLink(path: link)) { try JournalVerifier.verify(path: link) }
        // A link to a file that does not exist yet is refused too (no following it into creation).
        let dangling = folder.path + "/dangling.jsonl"
        symlink(folder.path + "/nothing-here", dangling)
        #expect(throws: StoreError.symbolicLink(path: dangling)) { try Journal(path: dangling, create: true) }
        #expect(!Files.exists(folder.path + "/nothing-here"))
    }

    @Test func aFolderIsNotAJournal() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: StoreError.self) { try Journal(path: folder.path) }
    }

    @Test func aTornTailIsMovedAsideReportedAndTheJournalCutToItsLastGoodLine() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        try Journal(path: path, create: true).append(Array(Samples.incident.prefix(4)))
        let good = Files.read(path)
        let fifth = JournalLine.encode(Samples.incident[4]).line
        let torn = Array(fifth.prefix(57))
        Files.write(good + torn, to: path)

        // Looking without repairing leaves the file as it is, and verify names the torn line.
        let lookOnly = try Journal(path: path, repair: false)
        #expect(lookOnly.records.count == 4 && lookOnly.tornTails.isEmpty)
        #expect(Files.read(path) == good + torn)
        let report = try JournalVerifier.verify(path: path)
        #expect(report.problem?.line == 5 && report.problem?.reason == .torn && report.count == 4)

        let repaired = try Journal(path: path)
        #expect(repaired.records.count == 4)
        let tail = try #require(repaired.tornTails.first)
        #expect(tail.line == 5 && tail.byteCount == torn.count)
        #expect(tail.sidePath.hasPrefix(path + ".torn-"))
        #expect(Files.read(tail.sidePath) == torn)
        #expect(Files.mode(tail.sidePath) == 0o600)
        #expect(Files.read(path) == good)
        #expect(try JournalVerifier.verify(path: path).isValid)
        #expect(tail.description.contains("line 5 was torn"))

        // The chain goes on from the last good line.
        let next = try repaired.append([Samples.incident[4]])
        #expect(next.first?.seq == 5)
        #expect(try JournalVerifier.verify(path: path).count == 5)
    }

    @Test func aTornTailLeftByAnotherWriterIsRepairedBeforeAppending() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        try journal.append(Array(Samples.incident.prefix(2)))
        let good = Files.read(path)
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = Glibc.write(fd, "{\"seq\":3,\"occ", 13)
        close(fd)
        try journal.append([Samples.incident[2]])
        #expect(journal.tornTails.count == 1)
        #expect(Array(Files.read(path).prefix(good.count)) == good)
        #expect(try JournalVerifier.verify(path: path).count == 3)
    }

    @Test func aDamagedMiddleLineStopsAppendsInsteadOfExtendingABrokenChain() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        try Journal(path: path, create: true).append(Array(Samples.incident.prefix(3)))
        var lines = Files.lines(Files.read(path))
        lines[1] = Array("not json at all\n".utf8)
        Files.write(lines.flatMap { $0 }, to: path)
        #expect {
            try Journal(path: path)
        } throws: { error in
            guard case StoreError.corrupt(_, let line, _) = error else { return false }
            return line == 2
        }
    }

    @Test func aFailedWriteLeavesTheJournalAsItWas() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        try Journal(path: path, create: true).append(Array(Samples.incident.prefix(3)))
        let before = Files.read(path)
        // A disk that takes 40 bytes and then is full.
        let fullAfter40: PosixFile.WriteFunction = { fd, buffer in
            let room = 40
            if buffer.count > room {
                _ = Glibc.write(fd, buffer.baseAddress, room)
                return -Int(ENOSPC)
            }
            return Glibc.write(fd, buffer.baseAddress, buffer.count)
        }
        let journal = try Journal(path: path, writer: fullAfter40)
        #expect(throws: StoreError.system(operation: "write", path: path, errno: ENOSPC)) {
            try journal.append(Array(Samples.incident[3..<6]))
        }
        #expect(Files.read(path) == before)
        #expect(journal.records.count == 3)
        #expect(StoreError.system(operation: "write", path: path, errno: ENOSPC).description
            == "cannot write \(path): No space left on device")

        // An I/O error on the first byte is the same story.
        let failing: PosixFile.WriteFunction = { _, _ in -Int(EIO) }
        #expect(throws: StoreError.self) { try Journal(path: path, writer: failing).append([Samples.incident[3]]) }
        #expect(Files.read(path) == before)

        // And the journal goes on as if nothing happened.
        try Journal(path: path).append(Array(Samples.incident[3..<6]))
        #expect(try JournalVerifier.verify(path: path).count == 6)
    }

    @Test func aFullDiskLeavesTheJournalAsItWas() throws {
        // A real full disk: a tiny tmpfs (needs root and a kernel that allows the mount).
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let mountPoint = folder.path + "/tiny"
        mkdir(mountPoint, 0o700)
        guard mount("tmpfs", mountPoint, "tmpfs", 0, "size=16k,mode=0700") == 0 else { return }
        defer { umount2(mountPoint, Int32(MNT_DETACH)) }
        let path = mountPoint + "/journal.jsonl"
        let journal = try Journal(path: path, create: true)
        var failure: StoreError?
        var before: [UInt8] = []
        for round in 0..<10_000 {
            before = Files.read(path)
            do {
                try journal.append([Samples.record(.noteAdded(text: String(repeating: "ø", count: 700) + "\(round)", step: nil, lesson: false))])
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        #expect(failure == .system(operation: "write", path: path, errno: ENOSPC))
        #expect(Files.read(path) == before)
        let report = try JournalVerifier.verify(path: path)
        #expect(report.isValid && report.count == journal.records.count)
    }
}
