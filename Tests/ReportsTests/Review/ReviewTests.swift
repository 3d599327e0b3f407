import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// The post-incident review of the fixed journal: what it measures, and the
/// words it uses in bokmål and English.
@Suite struct ReviewTests {
    static func review(_ format: ReviewFormat = .markdown, language: ReportLanguage = .nb, exercise: Bool = false) throws -> String {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: exercise), language: language)
        return IncidentReview.render(input, format: format)
    }

    @Test func timeFromOpeningToEachStageAndTheEnd() throws {
        let review = try Self.review()
        #expect(review.contains("| Hendelsen ble åpnet | 2026-11-29 03:10:00 +01:00 (02:10:00Z) | T+00:00:00 |"))
        #expect(review.contains("| Fase nådd: Begrense skaden (Begrensning) | 2026-11-29 03:25:00 +01:00 (02:25:00Z) | T+00:15:00 |"))
        #expect(review.contains("| Fase nådd: Tilbake til normal drift (Normal drift) | 2026-11-29 06:00:00 +01:00 (05:00:00Z) | T+02:50:00 |"))
        #expect(review.contains("| Hendelsen ble lukket (slutt) | 2026-11-29 07:45:00 +01:00 (06:45:00Z) | T+04:35:00 |"))
    }

    @Test func eachPassAgainstItsTarget() throws {
        let review = try Self.review()
        #expect(review.contains("| 1 | Vurder varselet | 1 | 2026-11-29 03:10:00 +01:00 | 2026-11-29 03:25:00 +01:00 | 15 min | 15 min | på målet | innenfor målet |"))
        #expect(review.contains("| 2 | Isoler berørte systemer | 1 | 2026-11-29 03:25:00 +01:00 | 2026-11-29 04:35:00 +01:00 | 1 time 10 min | 30 min | 40 min over | over målet |"))
        #expect(review.contains("| 2 | Isoler berørte systemer | 2 | 2026-11-29 06:30:00 +01:00 | 2026-11-29 06:45:00 +01:00 | 15 min | 30 min | 15 min under | innenfor målet |"))
        #expect(review.contains("| hoppet over |"))
    }

    @Test func deadlinesWithTheirMargins() throws {
        let review = try Self.review()
        #expect(review.contains("| oppfylt | 71 timer 30 min før fristen |"))
        #expect(review.contains("| overskredet | 25 min for sent |"))
        let english = try Self.review(language: .en)
        #expect(english.contains("| met | 71 hours 30 min before the deadline |"))
        #expect(english.contains("| missed | 25 min late |"))
    }

    @Test func decisionsSkipsLessonsAndThePlan() throws {
        let review = try Self.review()
        #expect(review.contains("| Er filer kryptert? | 1. Ja | kari | 2026-11-29 03:25:00 +01:00 (02:25:00Z) | 1. Vurder varselet |"))
        #expect(review.contains("| Er det tegn til ny aktivitet? | 2. Nei | kari | 2026-11-29 07:30:00 +01:00 (06:30:00Z) |"))
        #expect(review.contains("| 6. Gjenopprett fra rene sikkerhetskopier | Ingen sikkerhetskopi trengs: bare to PC-er | ola | 2026-11-29 06:00:00 +01:00 (05:00:00Z) | fullført |"))
        #expect(review.contains("## Læringspunkter\n\n- **\\#11 · 2026-11-29 03:30:00 +01:00 (02:30:00Z) · ola · Læringspunkt · 2. Isoler berørte systemer**  \n  Nettverkskablene i serverrommet er umerket\n"))
        #expect(review.contains("## Tiltaksplan"))
        #expect(review.contains("| \\# | Tiltak | Ansvarlig | Frist |"))
        #expect(review.split(separator: "\n").filter { $0.hasSuffix("|  |  |  |") }.count == ReviewSections.planRows)
        #expect(review.contains("| 2. Isoler berørte systemer | KommuneCERT, telefon (fyll inn fra avtalen) | fullført | 2026-11-29 04:35:00 +01:00 (03:35:00Z) |"))
    }

    @Test func speaksEnglishWhenAsked() throws {
        let review = try Self.review(language: .en, exercise: true)
        #expect(review.hasPrefix("**EXERCISE EXERCISE EXERCISE**\n\n# Exercise evaluation: Kryptert filserver på rådhuset\n"))
        for heading in ["## Course of events", "## Steps: time against target", "## Deadlines and margins", "## Decisions",
                        "## Skipped steps", "## Lessons", "## Improvement plan", "| \\# | Action | Responsible | Due date |"] {
            #expect(review.contains(heading), "\(heading)")
        }
    }

    @Test func htmlReviewIsStrictAndHasRowsToFillIn() throws {
        let html = try Self.review(.html)
        let checker = HTMLChecker(html, rules: .export)
        #expect(checker.problems.isEmpty, "\(checker.problems.prefix(5))")
        #expect(html.contains("<html lang=\"nb\">"))
        #expect(html.components(separator: "<td class=\"blank\"></td>").count - 1 == 3 * ReviewSections.planRows)
        #expect(html.contains("<svg "))
    }
}
