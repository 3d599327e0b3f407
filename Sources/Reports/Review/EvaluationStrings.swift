/// The words only the evaluation report of an exercise uses, in bokmål and
/// English (DSB's words: evalueringsrapport, førsteinntrykksevaluering,
/// tiltaksplan; the rest comes from `ReviewStrings` and `ExportStrings`).
struct EvaluationStrings {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    func title(_ scenario: String) -> String {
        pick("Evalueringsrapport: \(scenario)", "Evaluation report: \(scenario)")
    }

    var purpose: String {
        pick("Utkast til skriftlig evaluering av øvelsen, jf. forskrift om kommunal beredskapsplikt §§ 8 og 9. "
             + "Evalueringen skal vise om målene for øvelsen ble nådd. Tallene er regnet ut fra øvelsens journal og "
             + "scenario; vurderingene, funnene og tiltakene fyller evaluator og deltakerne ut.",
             "Draft of the written evaluation of the exercise. The evaluation shows whether the exercise's objectives "
             + "were met. The figures are worked out from the exercise's journal and scenario; the assessments, "
             + "findings and actions are for the evaluator and the participants to fill in.")
    }

    /// The prominent line at the top of an exercise stopped for a real incident.
    var stoppedForRealIncident: String {
        pick("Øvelsen ble stoppet på grunn av en reell hendelse.", "The exercise was stopped for a real incident.")
    }

    func stopReason(_ reason: String) -> String { pick("Grunn: \(reason)", "Reason: \(reason)") }
    func stoppedBy(_ actor: String, _ time: String, _ elapsed: String) -> String {
        pick("Stoppet av \(actor) \(time), ved \(elapsed) øvelsestid.", "Stopped by \(actor) at \(time), \(elapsed) exercise time.")
    }

    // MARK: About the exercise

    var about: String { pick("Om øvelsen", "About the exercise") }
    var scenario: String { pick("Scenario", "Scenario") }
    var summary: String { pick("Sammendrag", "Summary") }
    var playbook: String { pick("Playbook", "Playbook") }
    var date: String { pick("Dato", "Date") }
    var start: String { pick("Start", "Start") }
    var end: String { pick("Slutt", "End") }
    var notEnded: String { pick("ikke avsluttet ennå", "not ended yet") }
    var notStarted: String { pick("øvelsen ble aldri startet", "the exercise was never started") }
    var exerciseTime: String { pick("Øvelsestid", "Exercise time") }
    var wallTime: String { pick("Medgått tid (klokka)", "Time taken (wall clock)") }
    func soFar(_ text: String) -> String { pick("\(text) så langt", "\(text) so far") }
    var speedAndPauses: String { pick("Hastighet og pauser", "Speed and pauses") }
    func startSpeed(_ speed: Int) -> String { pick("startet i \(speed)×", "started at \(speed)×") }
    func speedChanged(_ speed: Int, _ time: String, _ elapsed: String) -> String {
        pick("hastighet \(speed)× fra \(time) (\(elapsed))", "speed \(speed)× from \(time) (\(elapsed))")
    }
    func pause(_ from: String, _ to: String, _ length: String, _ elapsed: String) -> String {
        pick("pause \(from)–\(to) (\(length), ved \(elapsed))", "paused \(from)–\(to) (\(length), at \(elapsed))")
    }
    func pauseOpen(_ from: String, _ elapsed: String) -> String {
        pick("pause fra \(from) (ved \(elapsed)), ikke fortsatt", "paused from \(from) (at \(elapsed)), not resumed")
    }
    var noPauses: String { pick("ingen pauser eller endringer", "no pauses or changes") }
    var participants: String { pick("Deltakere", "Participants") }
    var injectsFact: String { pick("Innspill", "Injects") }
    func injectCount(planned: Int, delivered: Int) -> String {
        pick("\(planned) planlagt, \(delivered) levert", "\(planned) planned, \(delivered) delivered")
    }
    var ending: String { pick("Avslutning", "Ending") }
    func completed(_ actor: String) -> String {
        pick("fullført (avsluttet av \(actor))", "completed (ended by \(actor))")
    }
    func endNote(_ note: String) -> String { pick("merknad: \(note)", "note: \(note)") }
    func realIncident(_ reason: String) -> String {
        pick("STOPPET FOR EN REELL HENDELSE: \(reason)", "STOPPED FOR A REAL INCIDENT: \(reason)")
    }
    var journalProblems: String { pick("Avvik mellom journal og scenario", "Journal and scenario disagree") }
    var journalProblemsNote: String {
        pick("Disse hendelsene i journalen passet ikke med scenarioet og er ikke regnet med:",
             "These events of the journal did not fit the scenario and are not counted:")
    }

    // MARK: Objectives and evidence

    var objectives: String { pick("Mål og funn", "Objectives and evidence") }
    var objectivesNote: String {
        pick("Evaluering er en systematisk kontroll av om målene ble nådd. Journalen knytter ikke innspill til enkeltmål, "
             + "så under hvert mål står alle forventningene fra øvelsen: stryk det som ikke gjelder målet, legg til "
             + "observasjonene som gjør det, og skriv vurderingen. Dette er et utkast, ikke en konklusjon.",
             "Evaluation is a systematic check of whether the objectives were met. The journal does not tie injects to "
             + "single objectives, so every expectation of the exercise is listed under each objective: strike what "
             + "does not bear on it, add the observations that do, and write the assessment. This is a draft, not a verdict.")
    }
    func objective(_ number: Int, _ text: String) -> String { pick("Mål \(number): \(text)", "Objective \(number): \(text)") }
    var noObjectives: String {
        pick("Scenarioet har ingen mål (objectives). Skriv målene for øvelsen inn her, og vurder hvert av dem.",
             "The scenario has no objectives. Write the exercise's objectives here and assess each of them.")
    }
    var evidenceMet: String { pick("Oppfylt", "Met") }
    var evidenceLate: String { pick("Oppfylt for sent", "Met late") }
    var evidenceMissed: String { pick("Ikke oppfylt", "Not met") }
    func notDeliveredCount(_ count: Int) -> String {
        pick("Ikke levert: \(count) innspill (se «Forventninger»)", "Not delivered: \(count) inject\(count == 1 ? "" : "s") (see “Expectations”)")
    }
    func pendingCount(_ count: Int) -> String {
        pick("Venter ennå: \(count) innspill (se «Forventninger»)", "Still pending: \(count) inject\(count == 1 ? "" : "s") (see “Expectations”)")
    }
    var noExpectations: String {
        pick("Ingen innspill i scenarioet har forventninger (expect).", "No inject of the scenario has an expectation (expect).")
    }
    func observationCount(during: Int, after: Int) -> String {
        pick("Observasjoner: \(during) under øvelsen, \(after) førsteinntrykk (se egne avsnitt)",
             "Observations: \(during) during the exercise, \(after) first impressions (see their sections)")
    }
    var assessment: String { pick("Vurdering:", "Assessment:") }
    var assessmentPrompt: String {
        pick("(nådd / delvis nådd / ikke nådd, med begrunnelse)", "(met / partly met / not met, with reasons)")
    }

    var expectations: String { pick("Forventninger", "Expectations") }
    var inject: String { pick("Innspill", "Inject") }
    var expectedStep: String { pick("Forventet steg", "Expected step") }
    var within: String { pick("Innen", "Within") }
    var noLimit: String { pick("uten frist", "no limit") }
    var delivered: String { pick("Levert", "Delivered") }
    var reached: String { pick("Nådd", "Reached") }
    var result: String { pick("Resultat", "Result") }
    var met: String { pick("oppfylt", "met") }
    var missed: String { pick("ikke oppfylt", "not met") }
    var missedAtEnd: String {
        pick("ikke oppfylt (ikke nådd før øvelsen sluttet)", "not met (not reached before the exercise ended)")
    }
    func late(_ elapsed: String) -> String { pick("oppfylt for sent — nådd \(elapsed)", "met late — reached \(elapsed)") }
    var notDelivered: String { pick("ikke levert", "not delivered") }
    func pending(_ left: String?) -> String {
        left.map { pick("venter (\($0) igjen)", "pending (\($0) left)") } ?? pick("venter", "pending")
    }

    // MARK: Injects

    var injects: String { pick("Innspill", "Injects") }
    var noInjects: String { pick("Scenarioet har ingen innspill.", "The scenario has no injects.") }
    var planned: String { pick("Planlagt", "Planned") }
    var postponed: String { pick("Utsatt", "Postponed") }
    var notPostponed: String { pick("nei", "no") }
    func deliveredBy(_ elapsed: String, _ time: String, _ actor: String) -> String {
        pick("\(elapsed), \(time), av \(actor)", "\(elapsed), \(time), by \(actor)")
    }
    var to: String { pick("Til", "To") }
    var text: String { pick("Tekst", "Text") }
    var expects: String { pick("Forventning", "Expectation") }
    func expectsWithin(_ step: String, _ within: String?) -> String {
        within.map { pick("\(step) innen \($0)", "\(step) within \($0)") } ?? step
    }
    var responses: String { pick("Svar", "Responses") }
    var noResponses: String { pick("ingen steg, beslutninger eller notater før neste innspill", "no steps, decisions or notes before the next inject") }

    // MARK: Timeline

    var timeline: String { pick("Tidslinje", "Timeline") }
    var eventsHeading: String { pick("Hendelser i journalen", "Journal events") }
    var exerciseClock: String { pick("Øvelsestid", "Exercise time") }

    // MARK: Observations

    var observations: String { pick("Observasjoner", "Observations") }
    var observationsNote: String {
        pick("Øvingslederens og evaluatorenes observasjoner mens øvelsen pågikk.",
             "The facilitator's and evaluators' observations while the exercise ran.")
    }
    var noObservations: String {
        pick("Ingen observasjoner ble notert under øvelsen.", "No observations were recorded during the exercise.")
    }
    var firstImpressions: String { pick("Førsteinntrykk (førsteinntrykksevaluering)", "First impressions (hotwash)") }
    var firstImpressionsNote: String {
        pick("Notert etter at øvelsen var avsluttet: hva virket, hva virket ikke, og hva bør endres.",
             "Recorded after the exercise ended: what worked, what did not, and what should change.")
    }
    var noFirstImpressions: String {
        pick("Ingen førsteinntrykk er notert. Noter dem etter at øvelsen er avsluttet med tasten o i øvingslederpanelet, "
             + "så kommer de med her.",
             "No first impressions were recorded. Record them after the exercise has ended with the o key in the "
             + "facilitator panel, and they appear here.")
    }
    var observation: String { pick("Observasjon", "Observation") }
    var firstImpression: String { pick("Førsteinntrykk", "First impression") }

    // MARK: Improvement plan

    var improvementNote: String {
        pick("Forslag fra øvelsen er fylt inn: forventninger som ikke ble oppfylt, og notater merket som læringspunkt. "
             + "Skriv tiltakene, hvem som har ansvaret og fristen i evalueringsmøtet.",
             "Suggestions from the exercise are filled in: expectations not met, and notes marked as lessons. "
             + "Write the actions, who is responsible and the due date at the review meeting.")
    }
    var status: String { pick("Status", "Status") }
    var open: String { pick("åpen", "open") }
    func followUpExpectation(_ inject: String, _ expected: String, _ result: String) -> String {
        pick("Følg opp innspillet «\(inject)»: \(expected) (\(result))",
             "Follow up the inject “\(inject)”: \(expected) (\(result))")
    }
    func followUpLesson(_ seq: Int, _ text: String) -> String {
        pick("Følg opp læringspunkt #\(seq): \(text)", "Follow up lesson #\(seq): \(text)")
    }
}
