import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// A tabletop exercise on the export tests' playbook, on a fixed clock:
/// four injects (one expectation met, one reached late, one missed, one
/// inject never delivered), a postponement, a pause, a speed change,
/// observations during the exercise and first impressions after it, a
/// lesson; ended as planned or stopped for a real incident.
enum EvaluationFixtures {
    static let scenarioText = """
        # Øvelse for testene
        scenario: ransomware-drill
        title: Øvelse: kryptert filserver
        playbook: ransomware
        lang: nb
        duration: 2h
        summary: |
          Filserveren på rådhuset krypteres en mandag morgen.
          Deltakerne bruker playbooken ransomware.
        objectives:
          - Isolere berørte systemer innen 30 minutter
          - Vurdere personopplysninger og melde avvik i tide

        inject alarm: Brukerstøtte får mange telefoner
          at: 0m
          to: oncall
          text: |
            Fem ansatte har låste filer.
            Filene har endelsen .lockd.
          expect: triage
          within: 15m

        inject spread: Krypteringen sprer seg
          at: 10m
          to: oncall
          text: Fellesområdet krypteres nå.
          expect: isolate
          within: 15m

        inject dpo: Personvernombudet spør
          at: 40m
          to: dpo
          text: Er det personopplysninger på filserveren?
          expect: notify-datatilsynet
          within: 10m

        inject press: Pressen ringer
          at: 90m
          to: lead
          text: NRK vil ha en kommentar.
          expect: restore
          within: 30m
        """

    /// Monday 2 March 2026, 09:00 (+01:00).
    static let start = Timestamp(year: 2026, month: 3, day: 2, hour: 9, minute: 0, offsetMinutes: 60)!
    static let now = Timestamp(year: 2026, month: 3, day: 2, hour: 11, minute: 0, offsetMinutes: 60)!
    static let incidentID = "20260302-ransomware-drill"
    static let realIncidentReason = "Reelt angrep på lønnssystemet: alle må til driftssenteret"

    static func scenario(sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
        let result = DocumentParser.parse(SourceFile(path: "ransomware-drill.scenario", text: scenarioText))
        #expect(!result.hasErrors, "parse errors: \(result.errors.map(\.message))", sourceLocation: sourceLocation)
        return try #require(result.scenario, sourceLocation: sourceLocation)
    }

    /// Plans `command` against the exercise fold of the journal so far and appends its event.
    static func exercise(
        _ command: ExerciseCommand, _ j: inout JournalScript, _ scenario: Scenario,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            let event = try command.plan(against: ExerciseState.fold(scenario, j.records))
            j.append(event)
        } catch {
            Issue.record("refused: \(command): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The exercise, 09:00 to 10:05, then the hotwash (unless stopped for a real incident).
    ///
    /// Exercise time: alarm delivered T+0, its step (triage) current since the
    /// opening (met); spread delivered T+10, a ten-minute pause at T+15,
    /// isolate reached T+30 (late: the window closed at T+25); dpo postponed
    /// 5 min, speed 2× from T+35, delivered T+45, notify-datatilsynet never
    /// reached (missed); ended at T+75; press never delivered.
    static func journal(
        _ scenario: Scenario, stopForRealIncident: Bool = false, observation: String = "Hendelseslederen delte ut roller raskt",
        hotwash: [String] = ["Rollekortene bør ligge ved playbooken", "Deltakerne savnet en oversikt over kontaktpersoner"]
    ) throws -> JournalScript {
        var j = JournalScript(try ExportFixtures.playbook(), at: start)
        j.actor = "kari"
        j.run(.open(title: "Øvelse: kryptert filserver", exercise: true, playbookSHA256: String(repeating: "5e", count: 32)))
        j.actor = "ingrid"
        exercise(.start(scenario: "ransomware-drill", speed: 1, banner: nil), &j, scenario)
        exercise(.deliver(inject: "alarm"), &j, scenario)
        j.wait(minutes: 8)
        exercise(.observe(text: observation, step: "triage"), &j, scenario)
        j.wait(minutes: 2)
        exercise(.deliver(inject: "spread"), &j, scenario)
        j.wait(minutes: 5)
        exercise(.pause, &j, scenario)
        j.wait(minutes: 10)
        exercise(.resume, &j, scenario)
        j.wait(minutes: 5)
        j.actor = "ola"
        j.run(.note(text: "Ingen visste hvor nettverksskapet var", step: "triage", lesson: true))
        j.wait(minutes: 10)
        j.actor = "kari"
        j.run(.decide(step: "triage", option: "Ja", note: "PC-114 og filserveren"))
        j.actor = "ingrid"
        exercise(.postpone(inject: "dpo", seconds: 300), &j, scenario)
        j.wait(minutes: 5)
        exercise(.setSpeed(2), &j, scenario)
        j.wait(minutes: 5)
        exercise(.deliver(inject: "dpo"), &j, scenario)
        j.wait(minutes: 2)
        j.actor = "ola"
        j.run(.complete(step: "isolate", note: "Koblet fra nettet"))
        j.wait(minutes: 2)
        j.actor = "kari"
        j.run(.decide(step: "personal-data", option: "Ja", note: nil))
        j.wait(minutes: 6)
        j.actor = "ingrid"
        exercise(.observe(text: "Personvernombudet ventet på hendelseslederen", step: nil), &j, scenario)
        j.wait(minutes: 5)
        if stopForRealIncident {
            exercise(.end(reason: .realIncident, note: realIncidentReason), &j, scenario)
            return j
        }
        exercise(.end(reason: .completed, note: nil), &j, scenario)
        for text in hotwash {
            j.wait(minutes: 5)
            exercise(.observe(text: text, step: nil), &j, scenario)
        }
        return j
    }

    static func input(
        _ journal: JournalScript, scenario: Scenario?, language: ReportLanguage = .nb
    ) throws -> ExportInput {
        ExportInput(
            incidentID: incidentID, playbook: journal.playbook, records: journal.records, state: journal.state,
            contacts: try ExportFixtures.contacts(), language: language, now: now, scenario: scenario)
    }

    static func report(
        _ format: ReviewFormat = .markdown, language: ReportLanguage = .nb, stopForRealIncident: Bool = false
    ) throws -> String {
        let scenario = try scenario()
        let journal = try journal(scenario, stopForRealIncident: stopForRealIncident)
        return IncidentReview.render(try input(journal, scenario: scenario, language: language), format: format)
    }

    // MARK: Hostile

    /// Hostile text in every place a scenario or the facilitator writes.
    static let hostile = ExportFixtures.script + " " + ExportFixtures.escape + " " + ExportFixtures.bidi + " "
        + ExportFixtures.markdown + " " + ExportFixtures.c1

    static func hostileInput(language: ReportLanguage = .nb) throws -> ExportInput {
        var scenario = try scenario()
        scenario.title.value = hostile
        scenario.summary?.value = "| a | b |\n" + hostile
        scenario.objectives[0].value = "- " + hostile
        scenario.injects[0].title.value = hostile
        scenario.injects[1].text?.value = "line one\n" + hostile + "\n# not a heading"
        let journal = try journal(scenario, observation: hostile, hotwash: ["| x | y |\n" + hostile])
        return try input(journal, scenario: scenario, language: language)
    }
}
