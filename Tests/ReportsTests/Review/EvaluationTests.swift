import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// `vakt review` of an exercise with its scenario copy is the evaluation
/// report (evalueringsrapport): the exercise, objectives and evidence,
/// expectations met or missed, the injects and the responses to them, the
/// timeline on both clocks, observations, first impressions and the
/// improvement plan, in bokmål and English, Markdown and HTML.
@Suite struct EvaluationTests {
    static let marking = "**ØVELSE ØVELSE ØVELSE**"

    /// The lines of `report` after the line `heading`, up to the next heading of the same level or higher.
    static func section(_ report: String, _ heading: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else {
            Issue.record("no heading \(heading)", sourceLocation: sourceLocation)
            return ""
        }
        let level = heading.prefix { $0 == "#" }.count
        var end = start + 1
        while end < lines.count {
            let hashes = lines[end].prefix { $0 == "#" }.count
            if hashes > 0, hashes <= level, lines[end].dropFirst(hashes).first == " " { break }
            end += 1
        }
        return lines[(start + 1)..<end].joined(separator: "\n")
    }

    @Test func titleMarkingAndAboutTheExercise() throws {
        let report = try EvaluationFixtures.report()
        #expect(report.hasPrefix(Self.marking + "\n\n# Evalueringsrapport: Øvelse: kryptert filserver\n"))
        #expect(report.hasSuffix("\n" + Self.marking + "\n"))
        let about = Self.section(report, "## Om øvelsen")
        for line in [
            "- **Scenario:** Øvelse: kryptert filserver (ransomware-drill)",
            "- **Playbook:** Løsepengevirus (ransomware) (ransomware)",
            "- **Dato:** 2026-03-02",
            "- **Start:** 2026-03-02 09:00:00 +01:00 (08:00:00Z)",
            "- **Slutt:** 2026-03-02 10:05:00 +01:00 (09:05:00Z)",
            "- **Øvelsestid:** 1 time 15 min (T+01:15:00)",
            "- **Medgått tid (klokka):** 1 time 5 min",
            "- **Hastighet og pauser:** startet i 1×; pause 09:15:00–09:25:00 (10 min, ved T+00:15:00); hastighet 2× fra 09:45:00 (T+00:35:00)",
            "- **Deltakere:** kari, ingrid, ola",
            "- **Innspill:** 4 planlagt, 3 levert",
            "- **Avslutning:** fullført (avsluttet av ingrid)",
            "**Sammendrag:** Filserveren på rådhuset krypteres en mandag morgen. Deltakerne bruker playbooken ransomware.",
        ] {
            #expect(about.contains(line + "\n"), "\(line)")
        }
        #expect(!report.contains("reell hendelse"))
    }

    @Test func expectationsMetLateMissedAndNotDelivered() throws {
        let report = try EvaluationFixtures.report()
        let table = Self.section(report, "### Forventninger")
        #expect(table.contains("| Innspill | Forventet steg | Innen | Levert | Nådd | Resultat |\n"))
        #expect(table.contains("| Brukerstøtte får mange telefoner | 1. Vurder varselet | 15 min | T+00:00:00 | T+00:00:00 | oppfylt |\n"))
        #expect(table.contains("| Krypteringen sprer seg | 2. Isoler berørte systemer | 15 min | T+00:10:00 | T+00:30:00 | oppfylt for sent — nådd T+00:30:00 |\n"))
        #expect(table.contains("| Personvernombudet spør | 5. Send avviksmelding i Altinn | 10 min | T+00:45:00 | – | ikke oppfylt |\n"))
        #expect(table.contains("| Pressen ringer | 6. Gjenopprett fra rene sikkerhetskopier | 30 min | – | – | ikke levert |\n"))
    }

    @Test func eachObjectiveWithTheEvidenceAndAnAssessmentToWrite() throws {
        let report = try EvaluationFixtures.report()
        let objectives = Self.section(report, "## Mål og funn")
        for (number, text) in [(1, "Isolere berørte systemer innen 30 minutter"),
                               (2, "Vurdere personopplysninger og melde avvik i tide")] {
            let objective = Self.section(objectives, "### Mål \(number): \(text)")
            #expect(objective.contains("- Oppfylt: Brukerstøtte får mange telefoner (1. Vurder varselet)\n"))
            #expect(objective.contains("- Oppfylt for sent: Krypteringen sprer seg (2. Isoler berørte systemer)\n"))
            #expect(objective.contains("- Ikke oppfylt: Personvernombudet spør (5. Send avviksmelding i Altinn)\n"))
            #expect(objective.contains("- Ikke levert: 1 innspill (se «Forventninger»)\n"))
            #expect(objective.contains("- Observasjoner: 2 under øvelsen, 2 førsteinntrykk (se egne avsnitt)\n"))
            #expect(objective.contains("\n**Vurdering:** (nådd / delvis nådd / ikke nådd, med begrunnelse)\n"))
        }
        #expect(objectives.components(separator: "**Vurdering:**").count - 1 == 2)
        #expect(objectives.contains("Dette er et utkast, ikke en konklusjon."))
    }

    @Test func injectsWithDeliveryTimesAndTheResponsesUntilTheNext() throws {
        let injects = Self.section(try EvaluationFixtures.report(), "## Innspill")
        let spread = Self.section(injects, "### 2. Krypteringen sprer seg")
        #expect(spread == """

            - **Planlagt:** T+00:10:00
            - **Utsatt:** nei
            - **Levert:** T+00:10:00, 2026-03-02 09:10:00 +01:00 (08:10:00Z), av ingrid
            - **Til:** IKT-vakt (oncall)
            - **Forventning:** 2. Isoler berørte systemer innen 15 min: oppfylt for sent — nådd T+00:30:00
            - **Tekst:** Fellesområdet krypteres nå.
            - **Svar:**
              - T+00:20:00 · ola · Læringspunkt om 1. Vurder varselet: Ingen visste hvor nettverksskapet var
              - T+00:30:00 · kari · Beslutning i 1. Vurder varselet: «Er filer kryptert?» → 1. «Ja» (videre til 2. Isoler berørte systemer): PC-114 og filserveren

            """)
        let dpo = Self.section(injects, "### 3. Personvernombudet spør")
        #expect(dpo.contains("- **Utsatt:** 5 min\n"))
        #expect(dpo.contains("- **Levert:** T+00:45:00, 2026-03-02 09:50:00 +01:00 (08:50:00Z), av ingrid\n"))
        #expect(dpo.contains("- **Til:** Personvernombud (dpo)\n"))
        #expect(dpo.contains("  - T+00:49:00 · ola · Steg fullført: 2. Isoler berørte systemer: Koblet fra nettet\n"))
        // The observation is the facilitator's, not a response; the hotwash comes after the end.
        #expect(!dpo.contains("Personvernombudet ventet") && !dpo.contains("Rollekortene"))
        let alarm = Self.section(injects, "### 1. Brukerstøtte får mange telefoner")
        #expect(alarm.contains("- **Tekst:** Fem ansatte har låste filer. Filene har endelsen .lockd.\n"))
        #expect(alarm.contains("  - ingen steg, beslutninger eller notater før neste innspill\n"))
        let press = Self.section(injects, "### 4. Pressen ringer")
        #expect(press.contains("- **Planlagt:** T+01:30:00\n- **Utsatt:** 5 min\n- **Levert:** ikke levert\n"))
        #expect(!press.contains("**Svar:**"))
    }

    @Test func timelineShowsTheExerciseTimeBesideTheWallTime() throws {
        let timeline = Self.section(try EvaluationFixtures.report(), "## Tidslinje")
        #expect(timeline.contains("### Tidsforløp\n"))
        #expect(timeline.contains("| \\# | Dato | Lokal tid | Øvelsestid | UTC | Hvem | Fase | Hendelse |\n"))
        // Before the exercise started there is no exercise time; a pause stops it; 2× doubles it.
        #expect(timeline.contains("| 1 | 2026-03-02 | 09:00:00 +01:00 | – | 08:00:00Z | kari | – | Øvelsen ble åpnet (playbook ransomware 2026.1): Øvelse: kryptert filserver |\n"))
        #expect(timeline.contains("| 09:25:00 +01:00 | T+00:15:00 | 08:25:00Z | ingrid | Oppdagelse | Øvelsen fortsatte |\n"))
        #expect(timeline.contains("| 09:50:00 +01:00 | T+00:45:00 | 08:50:00Z | ingrid | Begrensning | Innspill levert: dpo |\n"))
        #expect(timeline.contains("| 10:10:00 +01:00 | T+01:15:00 | 09:10:00Z | ingrid |"))
    }

    @Test func observationsAndFirstImpressionsInTheirOwnSections() throws {
        let report = try EvaluationFixtures.report()
        let observations = Self.section(report, "## Observasjoner")
        let hotwash = Self.section(report, "## Førsteinntrykk (førsteinntrykksevaluering)")
        #expect(observations.contains("- **\\#7 · T+00:08:00 · 2026-03-02 09:08:00 +01:00 (08:08:00Z) · ingrid · Observasjon · 1. Vurder varselet**  \n  Hendelseslederen delte ut roller raskt\n"))
        #expect(observations.contains("Personvernombudet ventet på hendelseslederen"))
        #expect(!observations.contains("Rollekortene") && !observations.contains("savnet en oversikt"))
        #expect(hotwash.contains("· T+01:15:00 · 2026-03-02 10:10:00 +01:00 (09:10:00Z) · ingrid · Førsteinntrykk**  \n  Rollekortene bør ligge ved playbooken\n"))
        #expect(hotwash.contains("Deltakerne savnet en oversikt over kontaktpersoner"))
        #expect(!hotwash.contains("roller raskt") && !hotwash.contains("ventet på hendelseslederen"))
    }

    @Test func withoutFirstImpressionsItSaysHowToRecordThem() throws {
        let scenario = try EvaluationFixtures.scenario()
        let journal = try EvaluationFixtures.journal(scenario, hotwash: [])
        let report = IncidentReview.render(try EvaluationFixtures.input(journal, scenario: scenario), format: .markdown)
        #expect(Self.section(report, "## Førsteinntrykk (førsteinntrykksevaluering)") == """

            Ingen førsteinntrykk er notert. Noter dem etter at øvelsen er avsluttet med tasten o i øvingslederpanelet, så kommer de med her.

            """)
        let english = IncidentReview.render(try EvaluationFixtures.input(journal, scenario: scenario, language: .en), format: .markdown)
        #expect(english.contains("No first impressions were recorded. Record them after the exercise has ended with the o key in the facilitator panel"))
    }

    @Test func improvementPlanSuggestsARowPerMissedExpectationAndLesson() throws {
        let plan = Self.section(try EvaluationFixtures.report(), "## Tiltaksplan")
        let rows = plan.split(separator: "\n").filter { $0.hasPrefix("|") }.map(String.init)
        #expect(rows.first == "| \\# | Tiltak | Ansvarlig | Frist | Status |")
        #expect(Array(rows.dropFirst(2)) == [
            "| 1 | Følg opp innspillet «Krypteringen sprer seg»: 2. Isoler berørte systemer innen 15 min (oppfylt for sent — nådd T+00:30:00) |  |  | åpen |",
            "| 2 | Følg opp innspillet «Personvernombudet spør»: 5. Send avviksmelding i Altinn innen 10 min (ikke oppfylt) |  |  | åpen |",
            "| 3 | Følg opp læringspunkt \\#11: Ingen visste hvor nettverksskapet var |  |  | åpen |",
        ] + (4...(3 + EvaluationSections.blankPlanRows)).map { "| \($0) |  |  |  |  |" })
    }

    @Test func anExerciseStoppedForARealIncidentSaysSoAtTheTop() throws {
        let report = try EvaluationFixtures.report(stopForRealIncident: true)
        let reason = EvaluationFixtures.realIncidentReason
        #expect(report.hasPrefix(Self.marking + "\n\n# Evalueringsrapport: Øvelse: kryptert filserver\n\n"
            + "> **Øvelsen ble stoppet på grunn av en reell hendelse.** Grunn: \(reason)  \n"
            + "> Stoppet av ingrid 2026-03-02 10:05:00 +01:00 (09:05:00Z), ved T+01:15:00 øvelsestid.\n\n"))
        #expect(report.contains("- **Avslutning:** STOPPET FOR EN REELL HENDELSE: \(reason)\n"))
        #expect(report.hasSuffix("\n" + Self.marking + "\n"))
        let html = try EvaluationFixtures.report(.html, stopForRealIncident: true)
        #expect(html.contains("<h1>Evalueringsrapport: Øvelse: kryptert filserver</h1>\n<div class=\"stopped\"><strong>"
            + "Øvelsen ble stoppet på grunn av en reell hendelse.</strong> Grunn: \(reason)<br>"))
        let english = try EvaluationFixtures.report(language: .en, stopForRealIncident: true)
        #expect(english.contains("> **The exercise was stopped for a real incident.** Reason: \(reason)  \n"))
        #expect(english.contains("- **Ending:** STOPPED FOR A REAL INCIDENT: \(reason)\n"))
    }

    @Test func anExerciseEndedBeforeAWindowClosedSaysSo() throws {
        let scenario = try EvaluationFixtures.scenario()
        var j = JournalScript(try ExportFixtures.playbook(), at: EvaluationFixtures.start)
        j.run(.open(title: "Kort øvelse", exercise: true, playbookSHA256: String(repeating: "5e", count: 32)))
        EvaluationFixtures.exercise(.start(scenario: "ransomware-drill", speed: 1, banner: nil), &j, scenario)
        EvaluationFixtures.exercise(.deliver(inject: "dpo"), &j, scenario)
        j.wait(minutes: 2)
        EvaluationFixtures.exercise(.end(reason: .completed, note: "Tiden var ute"), &j, scenario)
        let report = IncidentReview.render(try EvaluationFixtures.input(j, scenario: scenario), format: .markdown)
        #expect(report.contains("| Personvernombudet spør | 5. Send avviksmelding i Altinn | 10 min | T+00:00:00 | – | ikke oppfylt (ikke nådd før øvelsen sluttet) |\n"))
        #expect(report.contains("- **Avslutning:** fullført (avsluttet av kari), merknad: Tiden var ute\n"))
    }

    @Test func speaksEnglishWhenAsked() throws {
        let report = try EvaluationFixtures.report(language: .en)
        #expect(report.hasPrefix("**EXERCISE EXERCISE EXERCISE**\n\n# Evaluation report: Øvelse: kryptert filserver\n"))
        for heading in ["## About the exercise", "## Objectives and evidence", "### Objective 1: Isolere berørte systemer innen 30 minutter",
                        "### Expectations", "## Injects", "## Timeline", "## Deadlines and margins", "## Decisions",
                        "## Observations", "## First impressions (hotwash)", "## Improvement plan"] {
            #expect(report.contains("\n" + heading + "\n"), "\(heading)")
        }
        #expect(report.contains("| Krypteringen sprer seg | 2. Isoler berørte systemer | 15 min | T+00:10:00 | T+00:30:00 | met late — reached T+00:30:00 |\n"))
        #expect(report.contains("| Personvernombudet spør | 5. Send avviksmelding i Altinn | 10 min | T+00:45:00 | – | not met |\n"))
        #expect(report.contains("| Pressen ringer | 6. Gjenopprett fra rene sikkerhetskopier | 30 min | – | – | not delivered |\n"))
        #expect(report.contains("\n**Assessment:** (met / partly met / not met, with reasons)\n"))
        #expect(report.contains("| \\# | Action | Responsible | Due date | Status |\n"))
        #expect(report.contains("- **Delivered:** T+00:45:00, 2026-03-02 09:50:00 +01:00 (08:50:00Z), by ingrid\n"))
        #expect(!report.contains("Vurdering") && !report.contains("oppfylt"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func htmlIsStrictSelfContainedAndPrintable(language: ReportLanguage) throws {
        let html = try EvaluationFixtures.report(.html, language: language)
        let checker = HTMLChecker(html, rules: .export)
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
        #expect(html.contains("<html lang=\"\(language.htmlLang)\">"))
        let marking = "<div class=\"marking\">\(ExportStrings(language).exerciseMarking)</div>\n"
        #expect(html.contains("<body>\n" + marking) && html.hasSuffix(marking + "</body>\n</html>\n"))
        #expect(html.contains("@media print") && html.contains(".assessment {"))
        #expect(html.components(separator: "<p class=\"assessment\">").count - 1 == 2)
        // Two blank cells in each suggested row, four in each empty one.
        #expect(html.components(separator: "<td class=\"blank\"></td>").count - 1 == 2 * 3 + 4 * EvaluationSections.blankPlanRows)
        #expect(html.contains("<svg ") && !html.contains("src=") && !html.contains("<link"))
        let title = language == .nb ? "Evalueringsrapport" : "Evaluation report"
        #expect(html.contains("<title>\(title): Øvelse: kryptert filserver</title>"))
        #expect(html.contains("<td class=\"num\">T+00:30:00</td>"))
    }

    // MARK: Hostile text

    /// Counts the `|` not escaped with a backslash: a table row's cells.
    static func cellBars(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test(arguments: ReportLanguage.allCases)
    func hostileTextFromTheScenarioAndTheFacilitatorStaysTextInMarkdown(language: ReportLanguage) throws {
        let report = IncidentReview.render(try EvaluationFixtures.hostileInput(language: language), format: .markdown)
        #expect(HostileExportTests.unsafeScalars(report).isEmpty)
        #expect(!report.contains("<script>") && report.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(report.contains("\u{241B}\\[31mRED"))
        #expect(report.contains("\\[link\\](javascript:alert(1)) \\| a \\| \\`code\\` \\# heading"))
        let title = language == .nb ? "Evalueringsrapport" : "Evaluation report"
        #expect(report.contains("\n# \(title): \\<script\\>"))
        // Nothing the scenario wrote starts a line of its own: no heading, list item or table.
        #expect(!report.contains("\n# not a heading") && report.contains(" \\# not a heading"))
        #expect(!report.contains("\n| a | b |") && !report.contains("\n| x | y |"))
        #expect(report.contains(": \\- \\<script\\>") || report.contains(": - \\<script\\>"))
        // Every row of every table has as many cells as its header.
        var header: Int?
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { header = nil; continue }
            let bars = Self.cellBars(line)
            if let header { #expect(bars == header, "\(line.prefix(80))") } else { header = bars }
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func hostileTextFromTheScenarioAndTheFacilitatorStaysTextInHTML(language: ReportLanguage) throws {
        let html = IncidentReview.render(try EvaluationFixtures.hostileInput(language: language), format: .html)
        #expect(HostileExportTests.unsafeScalars(html).isEmpty)
        let checker = HTMLChecker(html, rules: .export)
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
        #expect(checker.elementCounts["script"] == nil && !html.lowercased().contains("<script"))
        #expect(!html.contains("href=\"javascript"))
        let text = checker.text
        let hostile = TextSanitizer.sanitize(EvaluationFixtures.hostile, keepLineBreaks: false)
        let title = language == .nb ? "Evalueringsrapport" : "Evaluation report"
        #expect(text.contains(title + ": " + hostile))
        #expect(text.contains("line one " + hostile + " # not a heading"))
        #expect(text.contains("| x | y | " + hostile))
        #expect(text.contains("\u{241B}[31mRED\u{241B}[0m\u{241B}]0;title\u{2407}"))
    }

    // MARK: Without the scenario

    @Test func anExerciseWithoutItsScenarioCopyGetsTheOrdinaryReviewMarked() throws {
        let scenario = try EvaluationFixtures.scenario()
        let journal = try EvaluationFixtures.journal(scenario)
        for format in ReviewFormat.allCases {
            let report = IncidentReview.render(try EvaluationFixtures.input(journal, scenario: nil), format: format)
            #expect(report.contains("Evaluering etter øvelsen: Øvelse: kryptert filserver"))
            #expect(!report.contains("Evalueringsrapport") && !report.contains("Forventninger"))
            #expect(report.contains("ØVELSE ØVELSE ØVELSE"))
        }
    }

    @Test func aRealIncidentIsNeverReviewedAsAnExercise() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: false), language: .nb)
        var withScenario = input
        withScenario.scenario = try EvaluationFixtures.scenario()
        for format in ReviewFormat.allCases {
            #expect(IncidentReview.render(withScenario, format: format) == IncidentReview.render(input, format: format))
        }
    }

    @Test func eventsThatDoNotFitTheScenarioAreListed() throws {
        let scenario = try EvaluationFixtures.scenario()
        var j = JournalScript(try ExportFixtures.playbook(), at: EvaluationFixtures.start)
        j.run(.open(title: "Feil scenario", exercise: true, playbookSHA256: String(repeating: "5e", count: 32)))
        j.append(.exerciseStarted(scenario: "another-drill", speed: 1, banner: nil))
        j.append(.injectDelivered(inject: "no-such-inject"))
        let report = IncidentReview.render(try EvaluationFixtures.input(j, scenario: scenario), format: .markdown)
        let problems = Self.section(report, "### Avvik mellom journal og scenario")
        #expect(problems.contains("- \\#5: the journal's exercise runs scenario 'another-drill', not 'ransomware-drill'\n"))
        #expect(problems.contains("- \\#6: no inject 'no-such-inject' in the scenario\n"))
    }

    // MARK: Golden files

    @Test(arguments: ReviewFormat.allCases)
    func evaluationReportInBokmål(format: ReviewFormat) throws {
        Golden.check(try EvaluationFixtures.report(format), "evaluation-nb.\(format.fileExtension)")
    }

    @Test func evaluationReportOfAStoppedExerciseInEnglish() throws {
        Golden.check(try EvaluationFixtures.report(language: .en, stopForRealIncident: true), "evaluation-stopped-en.md")
    }
}
