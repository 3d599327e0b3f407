/// The facilitator's words (brief §5): innspill for inject, øvingsleder for
/// the facilitator, førsteinntrykk for the hotwash's first impressions.
extension UIStrings {
    // MARK: Header and panel

    var paused: String { pick("PAUSE", "PAUSED") }
    var facilitator: String { pick("Øvingsleder", "Facilitator") }
    func deliveredCount(_ delivered: Int, of total: Int) -> String {
        pick("\(delivered) av \(total) levert", "\(delivered) of \(total) delivered")
    }
    func deliveredShort(_ delivered: Int, of total: Int) -> String {
        pick("\(delivered)/\(total) levert", "\(delivered)/\(total) delivered")
    }
    var exerciseNotStarted: String { pick("Øvelsen er ikke startet", "The exercise has not started") }
    var exerciseEnded: String {
        pick("Øvelsen er avsluttet – skriv førsteinntrykk med o", "Exercise ended – record first impressions with o")
    }
    var exerciseStopped: String {
        pick("Øvelsen er stoppet – reell hendelse", "Exercise stopped – real incident")
    }
    var dueWord: String { pick("forfalt", "due") }
    var waitingWord: String { pick("venter", "waiting") }
    func deliveredAt(_ time: String) -> String { pick("levert \(time)", "delivered \(time)") }
    var next: String { pick("Neste", "Next") }
    func inSpan(_ span: String) -> String { pick("om \(span)", "in \(span)") }
    var allDelivered: String { pick("Alle innspill er levert", "Every inject is delivered") }
    var noInjects: String { pick("Scenarioet har ingen innspill", "The scenario has no injects") }
    func to(_ role: String) -> String { pick("Til: \(role)", "To: \(role)") }
    func addressedTo(_ role: String) -> String { pick("til \(role)", "to \(role)") }
    func dueCount(_ count: Int) -> String { pick("\(count) forfalt", "\(count) due") }
    var deliverHint: String { pick("l lever", "l delivers") }

    // MARK: Expectations

    var expectationPending: String { pick("ventende", "pending") }
    var expectationMet: String { pick("oppfylt", "met") }
    var expectationMissed: String { pick("ikke oppfylt", "missed") }
    func reachedLate(_ time: String) -> String { pick("nådd for sent \(time)", "reached late \(time)") }
    func expected(_ step: String) -> String { pick("Forventet: \(step)", "Expected: \(step)") }
    func within(_ span: String) -> String { pick("innen \(span)", "within \(span)") }
    func postponedBy(_ span: String) -> String { pick("utsatt \(span)", "postponed \(span)") }

    // MARK: Screens

    var injectsTitle: String { pick("Innspill", "Injects") }
    func injectHeading(_ number: Int, of total: Int) -> String {
        pick("INNSPILL \(number) av \(total)", "INJECT \(number) of \(total)")
    }
    var injectShown: String { pick("Innspill på skjermen", "Inject on screen") }
    var helpExercise: String { pick("Øvelsen (øvingsleder)", "The exercise (facilitator)") }
    var helpInjects: String { pick("Innspillene (i)", "The injects (i)") }
    var helpInjectView: String { pick("Et innspill på skjermen", "An inject on screen") }

    // MARK: Dialogs

    func yes(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .deliverEarly: pick("Ja, lever nå", "Yes, deliver now")
        case .endExercise: pick("Ja, avslutt øvelsen", "Yes, end the exercise")
        }
    }

    func no(_ confirmation: Confirmation) -> String {
        switch confirmation {
        case .deliverEarly: pick("Nei, vent", "No, wait")
        case .endExercise: pick("Nei, fortsett øvelsen", "No, carry on")
        }
    }

    var deliverEarlyTitle: String { pick("Lever innspill før tiden?", "Deliver the inject early?") }
    func deliverEarlyPrompt(_ title: String, due: String, in span: String) -> String {
        pick("«\(title)» forfaller \(due), om \(span).", "“\(title)” is due at \(due), in \(span).")
    }
    var endTitle: String { pick("Avslutt øvelsen?", "End the exercise?") }
    var endPrompt: String {
        pick("Øvelsen avsluttes som planlagt. Etterpå skriver dere førsteinntrykk med o.",
             "The exercise ends as planned. Afterwards, record first impressions with o.")
    }
    var postponeTitle: String { pick("Utsett innspill", "Postpone the inject") }
    func postponePrompt(_ title: String) -> String {
        pick("Hvor lenge skal «\(title)» og alle senere innspill utsettes? F.eks. 5m, 10m, 1h (tomt: 5m)",
             "How long to postpone “\(title)” and every later inject? E.g. 5m, 10m, 1h (empty: 5m)")
    }
    var badDuration: String { pick("Skriv en varighet som 5m, 10m eller 1h", "Write a duration such as 5m, 10m or 1h") }
    var observationTitle: String { pick("Observasjon", "Observation") }
    var observationPrompt: String {
        pick("Hva så du? Føres som evaluatornotat.", "What did you see? Recorded as an evaluator note.")
    }
    var firstImpressionTitle: String { pick("Førsteinntrykk", "First impression") }
    var firstImpressionPrompt: String {
        pick("Førsteinntrykksevaluering: hva virket, hva virket ikke, hva bør endres?",
             "First impressions: what worked, what did not, what should change?")
    }
    var realIncidentTitle: String { pick("Reell hendelse – stopp øvelsen", "Real incident – stop the exercise") }
    var realIncidentPrompt: String {
        pick("Hva har skjedd? Grunnen føres i journalen, øvelsen stoppes og lukkes, og vakt avslutter.",
             "What has happened? The reason is recorded, the exercise is stopped and closed, and vakt quits.")
    }
    var realIncidentReasonRequired: String { pick("Skriv hva som har skjedd", "Write what has happened") }
    func realIncidentFarewell(_ playbookID: String) -> String {
        pick("Øvelsen er stoppet. Start den reelle hendelsen med: vakt run \(playbookID)",
             "The exercise is stopped. Start the real incident with: vakt run \(playbookID)")
    }

    // MARK: Messages

    func fastest(_ speed: Int) -> String { pick("Raskeste fart er \(speed)×", "The fastest speed is \(speed)×") }
    var slowest: String { pick("Sanntid (1×) er saktest", "Real time (1×) is the slowest") }
}
