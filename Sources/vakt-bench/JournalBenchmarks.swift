import IncidentEngine
import IncidentStore
import PlaybookFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal benchmark (issue 3, "Speed"): durable appends beside a plain
/// write+fsync loop of the same bytes, and reading, folding and verifying a
/// journal of a million events.
///
/// Targets: appends within 1.3x of the plain loop; read+parse+fold of
/// 1,000,000 events under a second. Files go to a fresh folder under
/// `$TMPDIR` (else /tmp), so the disk under it is the one measured.
enum JournalBenchmarks {
    static let appendCount = 1_000
    static let foldEvents = 1_000_000
    static let samples = 3
    static let appendTarget = 1.3
    static let foldTarget = 1.0

    /// `vakt-bench journal`: prints the figures; false if the setup failed.
    @discardableResult
    static func run() -> Bool {
        print("Incident journal: IncidentStore.Journal appends, RunState.fold, JournalVerifier")
        print(MachineDescription.summary)
        guard let folder = makeFolder() else {
            print("journal: cannot make a temporary folder")
            return false
        }
        defer { removeFolder(folder) }
        print("files in \(folder)")
        print("")
        do {
            try appendBenchmark(folder)
            print("")
            try foldBenchmark(folder)
        } catch {
            print("journal: \(error)")
            return false
        }
        return true
    }

    // MARK: Appends

    static func appendBenchmark(_ folder: String) throws {
        let records = sampleNotes(appendCount)
        // The same bytes the journal writes, for the plain loop.
        var lines: [[UInt8]] = []
        var previous = EventRecord.zeroHash
        for (offset, var record) in records.enumerated() {
            record.seq = offset + 1
            record.prev = previous
            let (line, hash) = JournalLine.encode(record)
            lines.append(line)
            previous = hash
        }

        // Alternate the two loops in rounds, so that a disk that slows down hurts both alike.
        let rounds = 4
        let perRound = appendCount / rounds
        var journalLatencies: [Double] = []
        var plainLatencies: [Double] = []
        let journalPath = folder + "/append.jsonl"
        let plainPath = folder + "/plain.jsonl"
        let journal = try Journal(path: journalPath, create: true)
        let plain = open(plainPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard plain >= 0 else { throw BenchmarkFailure("cannot create \(plainPath)") }
        defer { close(plain) }
        for round in 0..<rounds {
            for index in (round * perRound)..<((round + 1) * perRound) {
                let start = BenchmarkStatistics.now()
                try journal.append([records[index]])
                journalLatencies.append(BenchmarkStatistics.now() - start)
            }
            for index in (round * perRound)..<((round + 1) * perRound) {
                let start = BenchmarkStatistics.now()
                let written = lines[index].withUnsafeBytes { write(plain, $0.baseAddress, $0.count) }
                guard written == lines[index].count, fsync(plain) == 0 else { throw BenchmarkFailure("plain write failed") }
                plainLatencies.append(BenchmarkStatistics.now() - start)
            }
        }
        guard Files.bytes(journalPath) == lines.flatMap({ $0 }) else {
            throw BenchmarkFailure("the journal's bytes differ from the plain loop's")
        }
        let journalStats = BenchmarkStatistics(samples: journalLatencies)
        let plainStats = BenchmarkStatistics(samples: plainLatencies)
        let journalTotal = journalLatencies.reduce(0, +)
        let plainTotal = plainLatencies.reduce(0, +)
        let bytesPerEvent = lines.map(\.count).reduce(0, +) / lines.count

        print("Appending \(appendCount) events one at a time (lock, catch up, encode, SHA-256, write, fsync, head),")
        print("beside write+fsync of the same bytes (\(bytesPerEvent) bytes per event on average)")
        var table = BenchmarkTable(columns: ["loop", "events/s", "median ms", "p99 ms", "max ms"])
        for (name, stats, total) in [("journal.append", journalStats, journalTotal), ("write+fsync", plainStats, plainTotal)] {
            table.add([
                name, BenchmarkTable.fixed(Double(appendCount) / total, 0), BenchmarkTable.fixed(stats.median * 1_000, 3),
                BenchmarkTable.fixed(percentile(stats, 0.99) * 1_000, 3), BenchmarkTable.fixed(stats.slowest * 1_000, 3),
            ])
        }
        print(table.render(), terminator: "")
        let ratio = journalTotal / plainTotal
        let medianRatio = journalStats.median / plainStats.median
        print("journal / plain: \(BenchmarkTable.fixed(ratio, 2))x in total, \(BenchmarkTable.fixed(medianRatio, 2))x at the median"
            + " (target: within \(BenchmarkTable.fixed(appendTarget, 1))x) — " + (ratio <= appendTarget ? "met" : "NOT met"))
    }

    /// CPU time of the whole process (all threads), in seconds.
    static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    static func percentile(_ stats: BenchmarkStatistics, _ fraction: Double) -> Double {
        let index = min(stats.samples.count - 1, Int((Double(stats.samples.count) * fraction).rounded(.up)) - 1)
        return stats.samples[max(0, index)]
    }

    // MARK: A million events

    static func foldBenchmark(_ folder: String) throws {
        let path = folder + "/million.jsonl"
        let generateStart = BenchmarkStatistics.now()
        let made = try writeJournal(path: path, events: foldEvents)
        let generateTime = BenchmarkStatistics.now() - generateStart
        let size = Files.size(path)
        print("A journal of \(BenchmarkTable.grouped(made.records)) events (\(BenchmarkTable.mebibytes(size))), "
            + "made by the engine's commands and appended in batches in \(BenchmarkTable.fixed(generateTime, 1)) s")

        var readTimes: [Double] = []
        var foldTimes: [Double] = []
        var totalTimes: [Double] = []
        var verifyTimes: [Double] = []
        var cpu: [String: [Double]] = [:]
        var folded: RunState?
        for _ in 0..<samples {
            let start = BenchmarkStatistics.now()
            let cpuStart = processCPUTime()
            let journal = try Journal(path: path, repair: false)
            let read = BenchmarkStatistics.now()
            let cpuRead = processCPUTime()
            var state = RunState(index: made.state.index)  // the same index, so the states compare equal
            state.apply(journal.records)
            let end = BenchmarkStatistics.now()
            let cpuEnd = processCPUTime()
            readTimes.append(read - start)
            foldTimes.append(end - read)
            totalTimes.append(end - start)
            cpu["read + parse", default: []].append(cpuRead - cpuStart)
            cpu["fold", default: []].append(cpuEnd - cpuRead)
            cpu["read + parse + fold", default: []].append(cpuEnd - cpuStart)
            guard journal.records.count == made.records else { throw BenchmarkFailure("read back a different count") }
            folded = state
        }
        for _ in 0..<samples {
            let start = BenchmarkStatistics.now()
            let cpuStart = processCPUTime()
            let report = try JournalVerifier.verify(path: path)
            verifyTimes.append(BenchmarkStatistics.now() - start)
            cpu["verify", default: []].append(processCPUTime() - cpuStart)
            guard report.isValid, report.count == made.records else {
                throw BenchmarkFailure("the generated journal does not verify: \(report.problem?.description ?? "")")
            }
        }
        guard let folded, folded == made.state else { throw BenchmarkFailure("the fold differs from the state built while writing") }

        var table = BenchmarkTable(columns: ["1,000,000 events", "median s", "fastest s", "CPU s", "events/s", "MB/s"])
        for (name, times) in [("read + parse", readTimes), ("fold", foldTimes), ("read + parse + fold", totalTimes), ("verify", verifyTimes)] {
            let stats = BenchmarkStatistics(samples: times)
            let cpuMedian = BenchmarkStatistics(samples: cpu[name] ?? [0]).median
            table.add([
                name, BenchmarkTable.fixed(stats.median, 3), BenchmarkTable.fixed(stats.fastest, 3),
                BenchmarkTable.fixed(cpuMedian, 3),
                BenchmarkTable.fixed(Double(made.records) / stats.median, 0),
                BenchmarkTable.fixed(Double(size) / 1_000_000 / stats.median, 0),
            ])
        }
        print("(CPU s: the process's CPU time, both cores added up; the parse and verify use every core.)")
        print(table.render(), terminator: "")
        let total = BenchmarkStatistics(samples: totalTimes).median
        print("read + parse + fold: \(BenchmarkTable.fixed(total, 3)) s (target: under \(BenchmarkTable.fixed(foldTarget, 1)) s) — "
            + (total < foldTarget ? "met" : "NOT met"))
        print("state: \(folded.eventCount) events, \(folded.notes.count) notes, \(folded.decisions.count) decisions, "
            + "\(folded.anomalies.count) anomalies")
    }

    /// `vakt-bench journal-repeat COUNT` (hidden): writes the million-event journal once, then
    /// reads and folds it COUNT times and does nothing else, for a profiler.
    static func repeatReadAndFold(_ countText: String) -> Int32 {
        guard let count = Int(countText), count > 0 else {
            print("journal-repeat: COUNT must be a positive number")
            return 2
        }
        guard let folder = makeFolder() else {
            print("journal-repeat: cannot make a temporary folder")
            return 1
        }
        defer { removeFolder(folder) }
        let path = folder + "/million.jsonl"
        do {
            let made = try writeJournal(path: path, events: foldEvents)
            for _ in 0..<count {
                let start = BenchmarkStatistics.now()
                let cpuStart = processCPUTime()
                let journal = try Journal(path: path, repair: false)
                let read = BenchmarkStatistics.now()
                let cpuRead = processCPUTime()
                var state = RunState(index: made.state.index)
                state.apply(journal.records)
                let end = BenchmarkStatistics.now()
                let cpuEnd = processCPUTime()
                guard state == made.state else { throw BenchmarkFailure("the fold differs from the state built while writing") }
                print("read + parse \(BenchmarkTable.fixed(read - start, 3)) s (CPU \(BenchmarkTable.fixed(cpuRead - cpuStart, 3)) s), "
                    + "fold \(BenchmarkTable.fixed(end - read, 3)) s (CPU \(BenchmarkTable.fixed(cpuEnd - cpuRead, 3)) s)")
            }
        } catch {
            print("journal-repeat: \(error)")
            return 1
        }
        return 0
    }

    /// Writes a journal of about `events` events by running commands through the engine (so every
    /// event is one the fold accepts) and appending them through the store in batches.
    static func writeJournal(path: String, events: Int) throws -> (records: Int, state: RunState) {
        let journal = try Journal(path: path, create: true)
        var incident = try BenchIncident(actors: ["kari", "ola", "ingrid"], interval: 1_357, recordingDelay: 120)
        var pending: [EventRecord] = []
        var total = 0
        func run(_ command: IncidentCommand) throws {
            let records = incident.run(command)
            pending += records
            total += records.count
            if pending.count >= 20_000 {
                try journal.append(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try run(BenchIncident.opening(title: "Benchmark: løsepengevirus"))
        let cycle: [IncidentCommand] = [
            .note(text: "Brukerstøtte melder om .locked-filer på fellesområdet", step: nil, lesson: false),
            .tick(step: "triage", item: 1),
            .note(text: "PC-114 og PC-120 er berørt; \"K:\\\\Felles\" er kryptert", step: "triage", lesson: false),
            .tick(step: "triage", item: 2),
            .decide(step: "triage", option: "Ja", note: "PC-114, PC-120"),
            .note(text: "Nettverkskabler trukket ut 🔌", step: "isolate", lesson: false),
            .complete(step: "isolate", note: nil),
            .complete(step: "notify", note: nil),
            .note(text: "Rådmannen er varslet", step: nil, lesson: true),
            .complete(step: "restore", note: nil),
            .untick(step: "triage", item: 1),
            .untick(step: "triage", item: 2),
            .decide(step: "monitor", option: "Ja", note: nil),
        ]
        while total < events {
            for command in cycle where total < events {
                try run(command)
            }
        }
        if !pending.isEmpty { try journal.append(pending) }
        return (total, incident.state)
    }

    /// Note events for the append benchmark (what responders write most).
    static func sampleNotes(_ count: Int) -> [EventRecord] {
        let start = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!
        return (0..<count).map { index in
            let time = start.adding(seconds: index * 7)
            return EventRecord(
                seq: 0, occurred: time, recorded: time.adding(milliseconds: 213), actor: "kari",
                event: .noteAdded(text: "Notat \(index): PC-114 svarer ikke på ping; sjekket svitsj i 2. etasje",
                                  step: "isolate", lesson: false))
        }
    }

    // MARK: Files

    static func makeFolder() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/vakt-journal-bench-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
    }

    static func removeFolder(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink(folder + "/" + name) }
        }
        closedir(directory)
        rmdir(folder)
    }

    enum Files {
        static func size(_ path: String) -> Int {
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }

        static func bytes(_ path: String) -> [UInt8] {
            (try? PosixFile.open(path, writable: false).read(from: 0)) ?? []
        }
    }
}
