import IncidentEngine
import IncidentStore
import PlaybookFormat
import Reports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The export benchmark (issue 5, "Speed"): a journal of a million events,
/// made in memory by the engine's commands and sealed with the store's real
/// hash chain, exported to every format and reviewed.
///
/// Each export streams into an output that only counts the bytes (and looks
/// at each chunk), so the figures are the rendering, not the disk. Target:
/// json, csv and timesketch each under 3 s.
enum ExportBenchmarks {
    static let eventCount = 1_000_000
    static let samples = 3
    static let target = 3.0

    /// `vakt-bench export`: prints the figures; false if the journal could not be made.
    @discardableResult
    static func run() -> Bool {
        print("Timeline export: Reports.TimelineExport and IncidentReview over a journal of a million events")
        print(MachineDescription.summary)
        let input: ExportInput
        let start = BenchmarkStatistics.now()
        do {
            input = try makeInput(events: eventCount)
        } catch {
            print("export: \(error)")
            return false
        }
        let state = input.state
        print("A journal of \(BenchmarkTable.grouped(input.records.count)) events made in memory in "
            + "\(BenchmarkTable.fixed(BenchmarkStatistics.now() - start, 1)) s: \(state.notes.count) texts, "
            + "\(state.decisions.count) decisions, \(state.notes.filter(\.lesson).count) lessons, "
            + "\(state.notes.filter(\.isCorrected).count) corrected, "
            + "\(input.records.filter { $0.occurred < $0.recorded }.count) back-dated, \(state.anomalies.count) anomalies")

        var table = BenchmarkTable(columns: ["format", "median s", "fastest s", "CPU s", "events/s", "MB/s", "output MB", "target"])
        var allMet = true
        for format in ExportFormat.allCases {
            var wall: [Double] = []
            var cpu: [Double] = []
            var bytes = 0
            for _ in 0..<samples {
                var counter = ByteCounter()
                let begin = BenchmarkStatistics.now()
                let cpuBegin = BenchmarkStatistics.threadCPUTime()
                do {
                    try TimelineExport.write(input, format: format, to: &counter)
                } catch {
                    print("export \(format.id): \(error)")
                    return false
                }
                wall.append(BenchmarkStatistics.now() - begin)
                cpu.append(BenchmarkStatistics.threadCPUTime() - cpuBegin)
                bytes = counter.count
                guard counter.looked > 0 else { return false }
            }
            let stats = BenchmarkStatistics(samples: wall)
            var verdict = "–"
            if [.json, .csv, .timesketch].contains(format) {
                let met = stats.median < target
                allMet = allMet && met
                verdict = "< \(BenchmarkTable.fixed(target, 0)) s: " + (met ? "met" : "NOT met")
            }
            table.add([
                format.id, BenchmarkTable.fixed(stats.median, 3), BenchmarkTable.fixed(stats.fastest, 3),
                BenchmarkTable.fixed(BenchmarkStatistics(samples: cpu).median, 3),
                BenchmarkTable.fixed(Double(input.records.count) / stats.median, 0),
                BenchmarkTable.fixed(stats.megabytesPerSecond(bytes: bytes), 0),
                BenchmarkTable.fixed(Double(bytes) / 1_000_000, 1), verdict,
            ])
        }
        for format in ReviewFormat.allCases {
            var wall: [Double] = []
            var bytes = 0
            for _ in 0..<samples {
                let begin = BenchmarkStatistics.now()
                bytes = IncidentReview.render(input, format: format).utf8.count
                wall.append(BenchmarkStatistics.now() - begin)
            }
            let stats = BenchmarkStatistics(samples: wall)
            table.add([
                "review " + format.id, BenchmarkTable.fixed(stats.median, 3), BenchmarkTable.fixed(stats.fastest, 3), "",
                BenchmarkTable.fixed(Double(input.records.count) / stats.median, 0),
                BenchmarkTable.fixed(stats.megabytesPerSecond(bytes: bytes), 0),
                BenchmarkTable.fixed(Double(bytes) / 1_000_000, 3), "–",
            ])
        }
        print("(median of \(samples) samples; MB = 10^6 bytes of output; CPU s: the exporting thread's CPU time)")
        print(table.render(), terminator: "")
        print("json, csv and timesketch under \(BenchmarkTable.fixed(target, 0)) s each: " + (allMet ? "met" : "NOT met"))
        return true
    }

    /// `vakt-bench export-one FORMAT`: makes the journal and exports it once to
    /// FORMAT (an export id, or `review-md`/`review-html`), for a profiler.
    static func runOne(_ id: String) -> Int32 {
        guard let input = try? makeInput(events: eventCount) else { return 1 }
        let begin = BenchmarkStatistics.now()
        var counter = ByteCounter()
        if let format = ExportFormat(id: id) {
            guard (try? TimelineExport.write(input, format: format, to: &counter)) != nil else { return 1 }
        } else if id.hasPrefix("review-"), let format = ReviewFormat(rawValue: String(id.dropFirst(7))) {
            counter.count = IncidentReview.render(input, format: format).utf8.count
        } else {
            print("export-one: unknown format '\(id)'")
            return 2
        }
        print("\(id): \(BenchmarkTable.fixed(BenchmarkStatistics.now() - begin, 3)) s, \(counter.count) bytes")
        return 0
    }

    /// Counts what an export writes and reads one byte of each chunk, so nothing is optimised away.
    struct ByteCounter: ExportOutput {
        var count = 0
        var looked = 0

        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            count += bytes.count
            if let first = bytes.first { looked &+= Int(first) }
        }
    }

    /// The export's input: a journal of about `events` events from the engine's commands: every few seconds a
    /// note (some back-dated, some lessons, some corrected, some hostile to
    /// CSV and JSON), ticks, decisions and a loop back to the start; sealed
    /// with the store's hash chain.
    static func makeInput(events: Int) throws -> ExportInput {
        var incident = try BenchIncident(actors: ["kari", "ola", "ingrid", "per.hansen", "Åse Ødegård"], interval: 2_357)
        var records: [EventRecord] = []
        records.reserveCapacity(events + 64)
        var turn = 0
        var lastNote = 0
        var previous = EventRecord.zeroHash
        func run(_ command: IncidentCommand, backdated: Bool = false) {
            for var record in incident.run(command, backdated: backdated) {
                record.prev = previous
                record.hash = JournalLine.encode(record).hash
                previous = record.hash
                if case .noteAdded = record.event { lastNote = record.seq }
                records.append(record)
            }
        }
        let notes = [
            "Brukerstøtte melder om .locked-filer på fellesområdet",
            "PC-114 og PC-120 er berørt; \"K:\\Felles\" er kryptert, se skjermbilde",
            "Nettverkskabler trukket ut 🔌 i 2. etasje, svitsj SW-02 port 14–22",
            "=SUM(A1:A9) sto i e-posten, lenke til http://example.invalid/x",
            "Leverandøren bekrefter at sikkerhetskopien fra i natt er intakt.\nNeste kontroll kl. 06:00.",
            "-1 maskin etter ny sjekk: PC-131 var ikke berørt",
        ]
        run(BenchIncident.opening(title: "Benchmark: løsepengevirus på rådhuset"))
        while records.count < events {
            turn += 1
            switch turn % 16 {
            case 1: run(.tick(step: "triage", item: 1))
            case 2: run(.note(text: notes[turn % notes.count], step: "triage", lesson: false), backdated: turn % 5 == 0)
            case 3: run(.tick(step: "triage", item: 2))
            case 4: run(.decide(step: "triage", option: turn % 3 == 0 ? "Nei" : "Ja", note: "PC-114, PC-120"))
            case 5: run(.note(text: notes[(turn + 1) % notes.count], step: "isolate", lesson: turn % 7 == 0))
            case 6: run(.complete(step: "isolate", note: "Koblet fra kl. \(turn % 24):00"))
            case 7: run(.correct(seq: lastNote, text: "Rettet: " + notes[(turn + 2) % notes.count]))
            case 8: run(.complete(step: "notify", note: nil))
            case 9: run(.note(text: notes[(turn + 3) % notes.count], step: nil, lesson: false))
            case 10: run(.skip(step: "restore", reason: "Ikke nødvendig, ingen data tapt"))
            case 11: run(.untick(step: "triage", item: 1))
            case 12: run(.untick(step: "triage", item: 2))
            case 13: run(.note(text: notes[(turn + 4) % notes.count], step: "monitor", lesson: false))
            case 14: run(.note(text: notes[(turn + 5) % notes.count], step: nil, lesson: false))
            default: run(.decide(step: "monitor", option: "Ja", note: nil))
            }
        }
        let state = incident.state
        guard state.anomalies.isEmpty else { throw BenchmarkFailure("the journal has anomalies: \(state.anomalies.prefix(3))") }
        return ExportInput(
            incidentID: "20261129-ransomware-b3n", playbook: incident.playbook, records: records, state: state,
            language: .nb, now: records.last?.recorded ?? Timestamp(millisecondsSinceEpoch: 0))
    }
}
