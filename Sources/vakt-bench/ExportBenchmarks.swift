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
        let made: (playbook: Playbook, records: [EventRecord], state: RunState)
        let start = BenchmarkStatistics.now()
        do {
            made = try makeJournal(events: eventCount)
        } catch {
            print("export: \(error)")
            return false
        }
        let state = made.state
        print("A journal of \(BenchmarkTable.grouped(made.records.count)) events made in memory in "
            + "\(BenchmarkTable.fixed(BenchmarkStatistics.now() - start, 1)) s: \(state.notes.count) texts, "
            + "\(state.decisions.count) decisions, \(state.notes.filter(\.lesson).count) lessons, "
            + "\(state.notes.filter(\.isCorrected).count) corrected, "
            + "\(made.records.filter { $0.occurred < $0.recorded }.count) back-dated, \(state.anomalies.count) anomalies")
        let input = ExportInput(
            incidentID: "20261129-ransomware-b3n", playbook: made.playbook, records: made.records, state: state,
            language: .nb, now: made.records.last?.recorded ?? Timestamp(millisecondsSinceEpoch: 0))

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
                BenchmarkTable.fixed(Double(made.records.count) / stats.median, 0),
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
                BenchmarkTable.fixed(Double(made.records.count) / stats.median, 0),
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
        guard let made = try? makeJournal(events: eventCount) else { return 1 }
        let input = ExportInput(
            incidentID: "20261129-ransomware-b3n", playbook: made.playbook, records: made.records, state: made.state,
            language: .nb, now: made.records.last?.recorded ?? Timestamp(millisecondsSinceEpoch: 0))
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

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// About `events` events from the engine's commands: every few seconds a
    /// note (some back-dated, some lessons, some corrected, some hostile to
    /// CSV and JSON), ticks, decisions and a loop back to the start; sealed
    /// with the store's hash chain.
    static func makeJournal(events: Int) throws -> (playbook: Playbook, records: [EventRecord], state: RunState) {
        let playbook = try benchPlaybook()
        var state = RunState(playbook: playbook)
        var records: [EventRecord] = []
        records.reserveCapacity(events + 64)
        var now = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!
        let actors = ["kari", "ola", "ingrid", "per.hansen", "Åse Ødegård"]
        var turn = 0
        var lastNote = 0
        var previous = EventRecord.zeroHash
        func run(_ command: IncidentCommand, backdated: Bool = false) {
            now = now.adding(milliseconds: 2_357)
            let at = backdated ? now.adding(seconds: -300) : nil
            guard let drafts = try? command.plan(against: state, now: now, at: at) else { return }
            var new = state.records(for: drafts, recorded: now, actor: actors[turn % actors.count])
            for index in new.indices {
                new[index].prev = previous
                new[index].hash = JournalLine.encode(new[index]).hash
                previous = new[index].hash
                state.apply(new[index])
                if case .noteAdded = new[index].event { lastNote = new[index].seq }
            }
            records += new
        }
        let notes = [
            "Brukerstøtte melder om .locked-filer på fellesområdet",
            "PC-114 og PC-120 er berørt; \"K:\\Felles\" er kryptert, se skjermbilde",
            "Nettverkskabler trukket ut 🔌 i 2. etasje, svitsj SW-02 port 14–22",
            "=SUM(A1:A9) sto i e-posten, lenke til http://example.invalid/x",
            "Leverandøren bekrefter at sikkerhetskopien fra i natt er intakt.\nNeste kontroll kl. 06:00.",
            "-1 maskin etter ny sjekk: PC-131 var ikke berørt",
        ]
        run(.open(title: "Benchmark: løsepengevirus på rådhuset", exercise: true,
                  playbookSHA256: String(repeating: "0", count: 64)))
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
        guard state.anomalies.isEmpty else { throw Failure(description: "the journal has anomalies: \(state.anomalies.prefix(3))") }
        return (playbook, records, state)
    }

    /// A small ransomware playbook with a loop back to the start, two deadlines and targets.
    static func benchPlaybook() throws -> Playbook {
        let text = """
            playbook: ransomware
            title: Løsepengevirus (ransomware)
            lang: nb
            version: 2026.1
            roles:
              - oncall: IKT-vakt
              - dpo: Personvernombud
            deadline report: Varsle ledelsen
              within: 2h
              until: notify
              warn: 30m
            deadline isolate: Isoler innen en time
              within: 1h
              until: isolate
            phase detection: Oppdage og vurdere
              step triage: Vurder varselet
                role: oncall
                expect: 15m
                check:
                  - Noter tidspunktet for første varsel
                  - Ta bilde av løsepengemeldingen
                record: Berørte maskiner og brukere
                ask: Er filer kryptert?
                  - Ja -> isolate
                  - Nei -> notify
            phase containment: Begrense skaden
              step isolate: Isoler berørte systemer
                role: oncall
                expect: 30m
                do: Koble maskinene fra nettet.
              step notify: Varsle ledelsen
                role: dpo
                do: Ring kommunedirektøren.
            phase recovery: Gjenopprette
              step restore: Gjenopprett fra sikkerhetskopi
                role: oncall
                do: Les tilbake.
            phase normal: Tilbake til normal drift
              step monitor: Overvåk
                role: oncall
                ask: Er det tegn til ny aktivitet?
                  - Ja -> triage
                  - Nei -> end
            """
        let result = DocumentParser.parse(SourceFile(path: "export-bench.playbook", text: text), as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            throw Failure(description: "the benchmark playbook does not parse: \(result.errors.map(\.message))")
        }
        return playbook
    }
}
