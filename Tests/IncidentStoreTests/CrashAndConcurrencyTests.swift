import VaktTestSupport
import Dispatch
import Glibc
import IncidentEngine
import Synchronization
import Testing
@testable import IncidentStore

/// What a crash or a second responder must never do: lose an event reported
/// as recorded, interleave lines, or fork the chain.
@Suite(.serialized) struct CrashAndConcurrencyTests {
    /// `recorded SEQ: note: "TEXT"` lines that `vakt note` printed (complete lines only).
    static func recordedNotes(_ output: String) -> [(seq: Int, text: String)] {
        output.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            guard line.hasPrefix("recorded "), line.hasSuffix("\"") else { return nil }
            let rest = line.dropFirst("recorded ".count)
            guard let colon = rest.firstIndex(of: ":"), let seq = Int(rest[..<colon]) else { return nil }
            let marker = ": note: \""
            guard let start = rest.range(of: marker) else { return nil }
            return (seq, String(rest[start.upperBound...].dropLast()))
        }
    }

    static func notes(in journal: Journal) -> [Int: String] {
        var result: [Int: String] = [:]
        for record in journal.records {
            if case .noteAdded(let text, _, _) = record.event { result[record.seq] = text }
        }
        return result
    }

    @Test func appendersKilledAtRandomMomentsNeverLoseARecordedEvent() throws {
        let bench = CommandLineTests.Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let script = #"i=0; while :; do i=$((i+1)); "$VAKT" note "$ID" "r$ROUND-n$i" --home "$VAKT_TEST_HOME" --as crash; done"#
        var recorded: [(seq: Int, text: String)] = []
        var kills = 0
        var generator = SystemRandomNumberGenerator()
        // At least 60 kills; more rounds while too few notes were recorded to judge (a loaded machine
        // starts processes slowly), up to 200.
        var round = -1
        while round < 59 || (recorded.count < 20 && round < 199) {
            round += 1
            let output = bench.folder.path + "/round-\(round).out"
            let child = try ChildProcess(
                "/bin/sh", ["-c", script],
                environment: ChildProcess.environment([
                    "VAKT": ChildProcess.vaktPath, "ID": id, "ROUND": "\(round)", "VAKT_TEST_HOME": bench.home,
                ]),
                outputPath: output, errorPath: bench.folder.path + "/round-\(round).err", newGroup: true)
            usleep(UInt32.random(in: 1_000...300_000, using: &generator))
            kill(-child.pid, SIGKILL)
            let outcome = child.wait()
            if outcome.signal == SIGKILL { kills += 1 }
            recorded += Self.recordedNotes(outcome.stdout)
            #expect(!outcome.stderr.contains("cannot"), "round \(round): \(outcome.stderr)")
        }
        #expect(kills >= 50)
        #expect(recorded.count >= 20, "too few notes were recorded to judge (\(recorded.count))")

        // Opening the journal repairs (and reports) a torn tail if a kill left one.
        let journal = try Journal(path: bench.journal(id))
        let notes = Self.notes(in: journal)
        for (seq, text) in recorded {
            #expect(notes[seq] == text, "event \(seq) '\(text)' was reported as recorded but is not in the journal")
        }
        #expect(Set(notes.values).count == notes.count, "a note was written twice")
        let report = try JournalVerifier.verify(path: bench.journal(id))
        #expect(report.isValid, "\(report.problem?.description ?? "")")
        #expect(report.count == journal.records.count)
    }

    @Test func twoProcessesAppending500EventsEachMakeOneChainOf1000() throws {
        let bench = CommandLineTests.Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let before = try Journal(path: bench.journal(id)).records.count
        let script = #"i=0; while [ $i -lt 500 ]; do i=$((i+1)); "$VAKT" note "$ID" "$WHO-$i" --home "$VAKT_TEST_HOME" --as "$WHO" >/dev/null || exit 1; done"#
        let writers = try ["anne", "bjorn"].map { who in
            try ChildProcess(
                "/bin/sh", ["-c", script],
                environment: ChildProcess.environment([
                    "VAKT": ChildProcess.vaktPath, "ID": id, "WHO": who, "VAKT_TEST_HOME": bench.home,
                ]),
                outputPath: bench.folder.path + "/\(who).out", errorPath: bench.folder.path + "/\(who).err")
        }
        for writer in writers {
            let outcome = writer.wait()
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let journal = try Journal(path: bench.journal(id))
        #expect(journal.records.count == before + 1_000)
        #expect(journal.records.map(\.seq) == Array(1...(before + 1_000)))
        for who in ["anne", "bjorn"] {
            let mine = journal.records.filter { $0.actor == who }.compactMap { record -> String? in
                if case .noteAdded(let text, _, _) = record.event { return text }
                return nil
            }
            #expect(mine == (1...500).map { "\(who)-\($0)" })
        }
        let report = try JournalVerifier.verify(path: bench.journal(id))
        #expect(report.isValid && report.count == before + 1_000)
    }

    @Test func twoWritersInOneProcessShareTheLockLikeTwoProcesses() throws {
        // Each writer has its own open file description, so flock serialises them as it would two processes.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/journal.jsonl"
        try Journal(path: path, create: true).append(Array(Samples.incident.prefix(3)))
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let journal = try Journal(path: path)
                for number in 1...500 {
                    try journal.append { existing in
                        // The builder always sees the whole journal, whoever wrote last.
                        if existing.last?.seq != existing.count { throw StoreError.rejected("stale view") }
                        return [Samples.record(.noteAdded(text: "w\(writer)-\(number)", step: nil, lesson: false), actor: "w\(writer)")]
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let journal = try Journal(path: path)
        #expect(journal.records.count == 1_003)
        let report = try JournalVerifier.verify(path: path)
        #expect(report.isValid && report.count == 1_003)
        for writer in 0..<2 {
            let texts = journal.records.filter { $0.actor == "w\(writer)" }.map { record -> String in
                if case .noteAdded(let text, _, _) = record.event { return text }
                return ""
            }
            #expect(texts == (1...500).map { "w\(writer)-\($0)" })
        }
    }
}
