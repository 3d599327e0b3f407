import IncidentEngine
import PlaybookFormat

/// The incident the journal and export benchmarks build their journals from:
/// a small ransomware playbook (a loop back to the start, two deadlines,
/// targets), and responders' commands run through the engine one after
/// another, so that every event is one the fold accepts.
struct BenchIncident {
    let playbook: Playbook
    /// The state after every command run so far.
    private(set) var state: RunState
    /// When the last command ran.
    private(set) var now = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!
    private let actors: [String]
    private let interval: Int64
    private let recordingDelay: Int64
    private var commands = 0

    /// Commands come `interval` ms apart, from `actors` in turn, and are
    /// recorded `recordingDelay` ms after they happen.
    init(actors: [String], interval: Int64, recordingDelay: Int64 = 0) throws {
        playbook = try Self.playbook()
        state = RunState(playbook: playbook)
        self.actors = actors
        self.interval = interval
        self.recordingDelay = recordingDelay
    }

    /// Opening the incident, as an exercise (the hash stands in for the playbook's).
    static func opening(title: String) -> IncidentCommand {
        .open(title: title, exercise: true, playbookSHA256: String(repeating: "0", count: 64))
    }

    /// Runs `command` one interval after the last (back-dated five minutes if
    /// asked) by the next actor; returns its records, already applied to the
    /// state, or none when the engine refuses it. The records carry no hash.
    mutating func run(_ command: IncidentCommand, backdated: Bool = false) -> [EventRecord] {
        now = now.adding(milliseconds: interval)
        let actor = actors[commands % actors.count]
        commands += 1
        let at = backdated ? now.adding(seconds: -300) : nil
        guard let drafts = try? command.plan(against: state, now: now, at: at) else { return [] }
        let records = state.records(for: drafts, recorded: now.adding(milliseconds: recordingDelay), actor: actor)
        state.apply(records)
        return records
    }

    static func playbook() throws -> Playbook {
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
        let result = DocumentParser.parse(SourceFile(path: "bench.playbook", text: text), as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            throw BenchmarkFailure("the benchmark playbook does not parse: \(result.errors.map(\.message))")
        }
        return playbook
    }
}

/// Why a benchmark could not be set up or did not check out.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
