import IncidentEngine
import PlaybookFormat
import struct Reports.ReportStrings
import enum Reports.ReportLanguage

/// The terminal UI's own words in bokmål and English. The labels reports
/// also print (roles, target time, durations in words) come from
/// `ReportStrings`, so the screen and the printed binder say the same.
struct UIStrings: Sendable {
    let language: UILanguage
    let report: ReportStrings

    init(_ language: UILanguage) {
        self.language = language
        report = ReportStrings(language == .nb ? .nb : .en)
    }

    func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    // MARK: Header

    var exercise: String { pick("ØVELSE", "EXERCISE") }
    var closed: String { pick("LUKKET", "CLOSED") }
    var noDeadline: String { pick("ingen frist løper", "no deadline running") }
    func left(_ span: String) -> String { pick("\(span) igjen", "\(span) left") }
    func overdue(_ span: String) -> String { pick("OVERSKREDET \(span)", "OVERDUE \(span)") }

    // MARK: Runner

    var stepsTitle: String { pick("Faser og steg", "Phases and steps") }
    var ended: String { pick("ferdig", "finished") }
    var more: String { pick("mer", "more") }
    var saving: String { pick("lagrer…", "saving…") }
    var role: String { report.role }
    var target: String { pick("Mål", "Target") }
    var current: String { pick("Her er dere nå", "You are here") }
    var pending: String { pick("Venter", "Pending") }
    var bypassed: String { pick("Forbigått: veien som ble valgt, gikk utenom", "Bypassed: the chosen path went past it") }
    func done(_ time: String, _ actor: String) -> String { pick("Fullført \(time) av \(actor)", "Done \(time) by \(actor)") }
    func skipped(_ time: String, _ actor: String) -> String {
        pick("Hoppet over \(time) av \(actor)", "Skipped \(time) by \(actor)")
    }
    var noteLabel: String { pick("Notat", "Note") }
    var reasonLabel: String { pick("Grunn", "Reason") }
    var answer: String { pick("Svar", "Answer") }
    var recordWhenDone: String { pick("Noter når steget fullføres", "Record when completing") }
    var notify: String { report.notify }
    var notInContactList: String { report.notInContactList }
    var commands: String { pick("Kommandoer (vises for kopiering; vakt kjører dem aldri)",
                                "Commands (shown for copying; vakt never runs them)") }
    var startsDeadline: String { report.startsDeadline }
    var meetsDeadline: String { report.meetsDeadline }
    var noSteps: String { report.noSteps }
    var noEvents: String { pick("ingen hendelser ennå", "no events yet") }
    var noChecklist: String { pick("Steget har ingen sjekkliste", "This step has no checklist") }
    var noQuestion: String { pick("Steget har ikke noe spørsmål", "This step has no question") }
    func optionRange(_ count: Int) -> String {
        pick("Velg et svar fra 1 til \(count)", "Choose an answer from 1 to \(count)")
    }
    var noExportFormats: String { pick("Ingen eksportformater er tilgjengelige", "No export formats are available") }
    func exporting(_ format: String) -> String { pick("Eksporterer: \(format)", "Exporting: \(format)") }
    func exported(_ path: String) -> String { pick("Eksportert til \(path)", "Exported to \(path)") }
    var flowEnded: String {
        pick("Playbooken er gjennomført. Trykk c for å lukke hendelsen.",
             "The playbook is finished. Press c to close the incident.")
    }

    // MARK: Dialogs

    var noteTitle: String { pick("Notat", "Note") }
    func noteAbout(_ step: String) -> String { pick("Om steget: \(step)", "About the step: \(step)") }
    var backdatedTitle: String { pick("Tilbakedatert notat", "Back-dated note") }
    var askWhen: String {
        pick("Når skjedde det? TT:MM (i dag, i går om det er senere enn nå) eller RFC 3339",
             "When did it happen? HH:MM (today, or yesterday if later than now) or RFC 3339")
    }
    var badTime: String { pick("Skriv tiden som TT:MM eller RFC 3339", "Write the time as HH:MM or RFC 3339") }
    func happened(_ time: String) -> String { pick("Skjedde: \(time)", "Happened: \(time)") }
    var skipTitle: String { pick("Hopp over steget", "Skip the step") }
    func whySkip(_ step: String) -> String { pick("Hvorfor hoppes «\(step)» over?", "Why skip “\(step)”?") }
    var completeTitle: String { pick("Fullfør steget", "Complete the step") }
    func record(_ what: String) -> String { pick("Noter: \(what)", "Record: \(what)") }
    var closeTitle: String { pick("Lukk hendelsen", "Close the incident") }
    var closePrompt: String {
        pick("Avsluttende merknad (valgfri). Enter lukker hendelsen.",
             "A closing note (optional). Enter closes the incident.")
    }
    var questionTitle: String { pick("Spørsmål", "Question") }
    var exportTitle: String { pick("Eksporter tidslinjen", "Export the timeline") }
    var searchTitle: String { pick("Søk etter steg", "Search the steps") }
    var noMatches: String { pick("ingen treff", "no matches") }

    // MARK: Views

    var timelineTitle: String { pick("Tidslinje", "Timeline") }
    var deadlinesTitle: String { pick("Frister", "Deadlines") }
    var helpTitle: String { pick("Hjelp", "Help") }
    func recordedAt(_ time: String) -> String { pick("ført inn \(time)", "recorded \(time)") }
    var noDeadlines: String { pick("Playbooken har ingen frister.", "The playbook has no deadlines.") }
    var notStarted: String { pick("Ikke startet", "Not started") }
    var running: String { pick("Løper", "Running") }
    var warning: String { pick("Snart ute", "Due soon") }
    var missed: String { pick("OVERSKREDET", "OVERDUE") }
    var met: String { pick("Oppfylt", "Met") }
    var waived: String { pick("Ikke påkrevd", "Not required") }
    func waiver(_ reason: DeadlineWaiverReason) -> String {
        switch reason {
        case .untilBypassed: pick("veien som ble valgt, gikk utenom steget", "the chosen path passed over its step")
        case .untilSkipped: pick("steget ble hoppet over", "its step was skipped")
        }
    }
    var due: String { pick("Frist", "Due") }
    var started: String { pick("Startet", "Started") }
    var within: String { report.within }
    var startsWhenOpened: String { report.startsWhenOpened }
    func startsWhenReached(_ step: String) -> String { report.startsWhenReached(step) }
    func metWhenCompleted(_ step: String) -> String { report.metWhenCompleted(step) }
    func warnBefore(_ seconds: Int) -> String { report.warnBefore(.init(seconds: seconds)) }
    func words(seconds: Int) -> String { report.words(.init(seconds: seconds)) }
    func overdueBy(_ span: String) -> String { pick("overskredet med \(span)", "overdue by \(span)") }
    var helpRunner: String { pick("Stegene", "The steps") }
    var helpEditor: String { pick("Når du skriver tekst", "Typing text") }
    var helpChoice: String { pick("Spørsmål og valg", "Questions and choices") }
    var helpSearch: String { pick("Søk", "Search") }
    var helpViews: String { pick("Tidslinje, frister og hjelp", "Timeline, deadlines and help") }

    // MARK: Too small, start screen

    var tooSmall: String { pick("Vinduet er for lite", "Window too small") }
    func atLeast(_ width: Int, _ height: Int) -> String { pick("minst \(width)x\(height)", "at least \(width)x\(height)") }
    var openIncidents: String { pick("Åpne hendelser", "Open incidents") }
    var playbooks: String { pick("Playbooker", "Playbooks") }
    var filter: String { pick("Filter", "Filter") }
    var noOpenIncidents: String { pick("ingen åpne hendelser", "no open incidents") }
    var noPlaybooks: String { pick("ingen playbooker funnet", "no playbooks found") }
    func opened(_ time: String) -> String { pick("åpnet \(time)", "opened \(time)") }
}
