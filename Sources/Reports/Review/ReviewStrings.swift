/// The words only the review uses, in bokmål and English (the rest it
/// shares with the exports through `ExportStrings`).
struct ReviewStrings {
    let language: ReportLanguage

    init(_ language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    func title(exercise: Bool, _ incident: String) -> String {
        exercise
            ? pick("Evaluering etter øvelsen: \(incident)", "Exercise evaluation: \(incident)")
            : pick("Evaluering etter hendelsen: \(incident)", "Post-incident review: \(incident)")
    }

    var purpose: String {
        pick("Skriftlig evaluering av håndteringen, jf. forskrift om kommunal beredskapsplikt §§ 8 og 9. "
             + "Tallene under er regnet ut fra hendelsens journal; vurderingene og tiltakene fylles ut i evalueringsmøtet.",
             "A written evaluation of how the incident was handled. The figures below are worked out from the "
             + "incident's journal; the assessments and actions are filled in at the review meeting.")
    }

    // MARK: Sections

    var course: String { pick("Tidsforløp", "Course of events") }
    var milestone: String { pick("Milepæl", "Milestone") }
    var time: String { pick("Tidspunkt", "Time") }
    var openedMilestone: String { pick("Hendelsen ble åpnet", "Incident opened") }
    func entered(_ phase: String) -> String { pick("Fase nådd: \(phase)", "Phase entered: \(phase)") }
    var closedMilestone: String { pick("Hendelsen ble lukket (slutt)", "Incident closed (end)") }
    var notClosed: String { pick("Ikke lukket ennå", "Not closed yet") }
    var notReached: String { pick("ikke nådd", "not reached") }

    var stepsAgainstTarget: String { pick("Steg: tid mot mål", "Steps: time against target") }
    var difference: String { pick("Avvik fra mål", "Against target") }
    var verdict: String { pick("Vurdering", "Verdict") }
    var withinTarget: String { pick("innenfor målet", "within target") }
    var overTarget: String { pick("over målet", "over target") }
    var noTarget: String { pick("ingen mål satt", "no target set") }
    var notMeasured: String { pick("kan ikke måles", "cannot be measured") }
    var onTarget: String { pick("på målet", "on target") }
    func over(_ words: String) -> String { pick("\(words) over", "\(words) over") }
    func under(_ words: String) -> String { pick("\(words) under", "\(words) under") }
    var notDone: String { pick("ikke gjort", "not done") }

    var deadlineMargins: String { pick("Frister og margin", "Deadlines and margins") }

    var decisionsTaken: String { pick("Beslutninger", "Decisions") }
    var noDecisions: String { pick("Ingen beslutninger ble tatt.", "No decisions were taken.") }

    var skipped: String { pick("Steg som ble hoppet over", "Skipped steps") }
    var reason: String { pick("Grunn", "Reason") }
    var statusNow: String { pick("Status nå", "Status now") }
    var noSkipped: String { pick("Ingen steg ble hoppet over.", "No step was skipped.") }
    var bypassed: String { pick("Forbigåtte steg", "Bypassed steps") }
    var bypassedNote: String {
        pick("Veien som ble valgt i beslutningene, gikk utenom disse stegene:",
             "The path chosen in the decisions went past these steps:")
    }

    var notifications: String { pick("Varsling", "Notifications") }
    var notificationsNote: String {
        pick("Steg som skal varsle noen, og om de ble gjort. Sjekk at lovpålagte varsler (f.eks. Datatilsynet innen 72 timer) ble sendt i tide.",
             "Steps that notify someone, and whether they were done. Check that required notifications (e.g. to the data protection authority within 72 hours) were sent in time.")
    }
    var contact: String { pick("Varsle", "Notify") }
    var notInList: String { pick("ikke i kontaktlisten", "not in the contact list") }

    var lessons: String { pick("Læringspunkter", "Lessons") }
    var noLessons: String {
        pick("Ingen notater er merket som læringspunkt. Noter dem i evalueringsmøtet.",
             "No note was marked as a lesson. Write them down at the review meeting.")
    }

    var improvementPlan: String { pick("Tiltaksplan", "Improvement plan") }
    var improvementNote: String {
        pick("Fylles ut i evalueringsmøtet: hva skal endres, hvem har ansvaret og innen når.",
             "To fill in at the review meeting: what will change, who is responsible and by when.")
    }
    var action: String { pick("Tiltak", "Action") }
    var responsible: String { pick("Ansvarlig", "Responsible") }
    var dueDate: String { pick("Frist", "Due date") }
}
