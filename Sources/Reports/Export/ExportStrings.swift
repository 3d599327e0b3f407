import IncidentEngine
import PlaybookFormat

/// The words of the timeline exports and the review, in bokmål and English,
/// beside the binder's `ReportStrings` (whose stage names and duration
/// words they share).
struct ExportStrings {
    let language: ReportLanguage
    let report: ReportStrings

    init(_ language: ReportLanguage) {
        self.language = language
        report = ReportStrings(language)
    }

    func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    // MARK: The exercise marking

    /// At the top and bottom of every document made from an exercise.
    var exerciseMarking: String { pick("ØVELSE ØVELSE ØVELSE", "EXERCISE EXERCISE EXERCISE") }
    /// Before each line of an exercise in a merged timeline (Timesketch).
    var exercisePrefix: String { pick("ØVELSE", "EXERCISE") }

    // MARK: Headings

    var timeline: String { pick("Tidslinje", "Timeline") }
    func timelineTitle(_ title: String) -> String { pick("Tidslinje: \(title)", "Timeline: \(title)") }
    var summary: String { pick("Sammendrag", "Summary") }
    var phases: String { pick("Faser", "Phases") }
    var steps: String { pick("Steg", "Steps") }
    var decisions: String { pick("Beslutninger", "Decisions") }
    var notes: String { pick("Notater", "Notes") }
    var deadlines: String { pick("Frister", "Deadlines") }
    var anomalies: String { pick("Avvik i journalen", "Anomalies in the journal") }
    var anomaliesNote: String {
        pick("Hendelser som ikke kunne brukes slik de står; de er tatt med i tidslinjen som de ble skrevet.",
             "Events that could not be applied as written; they are in the timeline as they were written.")
    }
    var chart: String { pick("Tidslinje i bilde", "Timeline chart") }

    // MARK: Facts

    var incidentID: String { pick("Hendelses-id", "Incident id") }
    var kind: String { pick("Type", "Kind") }
    var realIncident: String { pick("Reell hendelse", "Real incident") }
    var exercise: String { pick("Øvelse", "Exercise") }
    var playbook: String { pick("Playbook", "Playbook") }
    var playbookHash: String { pick("Playbookens SHA-256", "Playbook SHA-256") }
    var opened: String { pick("Åpnet", "Opened") }
    var closed: String { pick("Lukket", "Closed") }
    var status: String { pick("Status", "Status") }
    var statusOpen: String { pick("åpen", "open") }
    var statusClosed: String { pick("lukket", "closed") }
    var duration: String { pick("Varighet", "Duration") }
    var durationSoFar: String { pick("Varighet så langt", "Duration so far") }
    var responders: String { pick("Deltakere", "Responders") }
    var events: String { pick("Hendelser i journalen", "Events in the journal") }
    var backdated: String { pick("Tilbakedaterte", "Back-dated") }
    var lastHash: String { pick("Siste hash", "Last hash") }
    var generated: String { pick("Laget", "Generated") }
    var currentStep: String { pick("Nåværende steg", "Current step") }
    var timesNote: String {
        pick("Tider er lokal tid (med UTC-forskyvning) og UTC. Tidslinjen står i rekkefølgen ting skjedde; # er rekkefølgen i journalen. Et tilbakedatert innslag viser både når det skjedde og når det ble ført inn.",
             "Times are local time (with the UTC offset) and UTC. The timeline is in the order things happened; # is the order in the journal. A back-dated entry shows both when it happened and when it was recorded.")
    }
    func by(_ actor: String) -> String { pick("av \(actor)", "by \(actor)") }

    // MARK: Timeline columns

    var seq: String { "#" }
    var date: String { pick("Dato", "Date") }
    var localTime: String { pick("Lokal tid", "Local time") }
    var utc: String { "UTC" }
    var who: String { pick("Hvem", "Who") }
    var phase: String { pick("Fase", "Phase") }
    var event: String { pick("Hendelse", "Event") }
    /// "ført inn " before a time.
    var recordedPrefix: String { pick("ført inn ", "recorded ") }
    func recordedAt(_ time: String) -> String { recordedPrefix + time }
    var when: String { pick("Når", "When") }
    var sinceOpening: String { pick("Tid fra åpning", "Time from opening") }
    var firstEntered: String { pick("Først nådd", "First entered") }
    var timesEntered: String { pick("Ganger", "Times") }
    var notEntered: String { pick("ikke nådd", "not entered") }

    // MARK: Steps

    var stepStatus: String { pick("Status", "Status") }
    var reached: String { pick("Nådd", "Reached") }
    var doneAt: String { pick("Ferdig", "Done") }
    var target: String { pick("Mål", "Target") }
    var pass: String { pick("Gang", "Pass") }

    func status(_ status: StepStatus) -> String {
        switch status {
        case .pending: pick("venter", "pending")
        case .current: pick("pågår", "in progress")
        case .done: pick("fullført", "done")
        case .skipped: pick("hoppet over", "skipped")
        case .bypassed: pick("forbigått", "bypassed")
        }
    }

    func passOutcome(_ outcome: StepPass.Outcome) -> String {
        switch outcome {
        case .done: pick("fullført", "done")
        case .skipped: pick("hoppet over", "skipped")
        case .open: pick("pågår", "in progress")
        }
    }

    // MARK: Decisions and notes

    var decision: String { pick("Beslutning", "Decision") }
    var question: String { pick("Spørsmål", "Question") }
    var answer: String { pick("Svar", "Answer") }
    var leadsTo: String { pick("Videre til", "Leads to") }
    var text: String { pick("Tekst", "Text") }
    var lesson: String { pick("Læringspunkt", "Lesson") }
    var about: String { pick("Om", "About") }
    var original: String { pick("opprinnelig", "originally") }
    func corrected(_ seq: Int, _ actor: String, _ time: String) -> String {
        pick("rettet (hendelse \(seq)) av \(actor) \(time)", "corrected (event \(seq)) by \(actor) \(time)")
    }
    var noDecisions: String { pick("Ingen beslutninger.", "No decisions.") }
    var noNotes: String { pick("Ingen notater.", "No notes.") }
    var noDeadlines: String { pick("Playbooken har ingen frister.", "The playbook has no deadlines.") }

    func noteSource(_ source: NoteEntry.Source, lesson: Bool) -> String {
        if lesson { return self.lesson }
        switch source {
        case .note: return pick("Notat", "Note")
        case .completion: return pick("Notat ved fullføring", "Completion note")
        case .skip: return pick("Grunn til å hoppe over", "Reason for skipping")
        case .close: return pick("Avsluttende merknad", "Closing note")
        case .reopen: return pick("Grunn til gjenåpning", "Reason for reopening")
        case .evaluator: return pick("Evaluatornotat", "Evaluator note")
        case .exerciseEnd: return pick("Grunn til å avslutte øvelsen", "Reason for ending the exercise")
        }
    }

    // MARK: Deadlines

    var deadline: String { pick("Frist", "Deadline") }
    var within: String { pick("Innen", "Within") }
    var started: String { pick("Startet", "Started") }
    var due: String { pick("Forfaller", "Due") }
    var outcome: String { pick("Utfall", "Outcome") }
    var margin: String { pick("Margin", "Margin") }

    func outcome(_ outcome: DeadlineReport.Outcome) -> String {
        switch outcome {
        case .notStarted: pick("ikke startet", "not started")
        case .running: pick("løper", "running")
        case .warning: pick("snart ute", "due soon")
        case .met: pick("oppfylt", "met")
        case .missed: pick("overskredet", "missed")
        case .waived: pick("frafalt", "waived")
        }
    }

    /// The margin in words: "2 timer før fristen", "for sent med 25 min", ….
    func margin(_ outcome: DeadlineReport.Outcome) -> String {
        switch outcome {
        case .notStarted:
            return "–"
        case .running(let remaining), .warning(let remaining):
            return pick("\(words(remaining)) igjen", "\(words(remaining)) left")
        case .met(_, let margin?):
            return pick("\(words(margin)) før fristen", "\(words(margin)) before the deadline")
        case .met(_, nil):
            return pick("før fristen startet", "before the clock started")
        case .missed(let late, let metLateAt):
            return metLateAt == nil
                ? pick("overskredet med \(words(late)), ikke oppfylt", "overdue by \(words(late)), not met")
                : pick("\(words(late)) for sent", "\(words(late)) late")
        case .waived(let reason, _):
            return waiverReason(reason)
        }
    }

    /// Why a deadline is not required.
    func waiverReason(_ reason: DeadlineWaiverReason) -> String {
        switch reason {
        case .untilBypassed:
            pick("veien som ble valgt, gikk utenom steget som oppfyller fristen",
                 "the chosen path went past the step that meets it")
        case .untilSkipped:
            pick("steget som oppfyller fristen ble hoppet over", "the step that meets it was skipped")
        }
    }

    func words(_ milliseconds: Int64) -> String {
        ExportTime.words(milliseconds, report)
    }

    // MARK: Events

    func stepLabel(_ number: Int, _ title: String) -> String { "\(number). \(title)" }
    func unknown(_ id: String) -> String { pick("\(id) (ukjent)", "\(id) (unknown)") }

    func opened(exercise: Bool, playbook: String) -> String {
        exercise
            ? pick("Øvelsen ble åpnet (playbook \(playbook))", "Exercise opened (playbook \(playbook))")
            : pick("Hendelsen ble åpnet (playbook \(playbook))", "Incident opened (playbook \(playbook))")
    }
    func phaseEntered(_ phase: String) -> String { pick("Ny fase: \(phase)", "Phase entered: \(phase)") }
    func stepReached(_ step: String) -> String { pick("Steg nådd: \(step)", "Step reached: \(step)") }
    func stepDone(_ step: String) -> String { pick("Steg fullført: \(step)", "Step done: \(step)") }
    func stepSkipped(_ step: String) -> String { pick("Steg hoppet over: \(step)", "Step skipped: \(step)") }
    func stepReopened(_ step: String) -> String { pick("Steg åpnet igjen: \(step)", "Step reopened: \(step)") }
    func ticked(_ item: Int, _ step: String, _ text: String?) -> String {
        pick("Krysset av punkt \(item) i \(step)", "Ticked item \(item) of \(step)") + (text.map { ": \($0)" } ?? "")
    }
    func unticked(_ item: Int, _ step: String, _ text: String?) -> String {
        pick("Fjernet krysset ved punkt \(item) i \(step)", "Unticked item \(item) of \(step)") + (text.map { ": \($0)" } ?? "")
    }
    func decision(_ step: String, _ question: String, _ option: Int, _ label: String, _ target: String) -> String {
        pick("Beslutning i \(step): «\(question)» → \(option). «\(label)» (videre til \(target))",
             "Decision at \(step): “\(question)” → \(option). “\(label)” (on to \(target))")
    }
    func note(lesson: Bool, step: String?) -> String {
        let kind = lesson ? self.lesson : pick("Notat", "Note")
        return kind + (step.map { pick(" om \($0)", " about \($0)") } ?? "")
    }
    func correction(_ seq: Int) -> String { pick("Retting av hendelse \(seq)", "Correction of event \(seq)") }
    func deadlineStarted(_ title: String, _ due: String) -> String {
        pick("Frist startet: \(title), forfaller \(due)", "Deadline started: \(title), due \(due)")
    }
    func deadlineMet(_ title: String) -> String { pick("Frist oppfylt: \(title)", "Deadline met: \(title)") }
    func deadlineMissed(_ title: String) -> String { pick("Frist overskredet: \(title)", "Deadline missed: \(title)") }
    func deadlineWaived(_ title: String, _ reason: DeadlineWaiverReason) -> String {
        pick("Frist frafalt: \(title)", "Deadline waived: \(title)") + " (" + waiverReason(reason) + ")"
    }
    var incidentClosed: String { pick("Hendelsen ble lukket", "Incident closed") }
    var incidentReopened: String { pick("Hendelsen ble åpnet igjen", "Incident reopened") }
    func exerciseStarted(_ scenario: String, _ speed: Int) -> String {
        pick("Øvelsen startet: scenario \(scenario), hastighet \(speed)×", "Exercise started: scenario \(scenario) at \(speed)×")
    }
    var exercisePaused: String { pick("Øvelsen ble satt på pause", "Exercise paused") }
    var exerciseResumed: String { pick("Øvelsen fortsatte", "Exercise resumed") }
    func exerciseSpeed(_ speed: Int) -> String { pick("Øvelsens hastighet: \(speed)×", "Exercise speed: \(speed)×") }
    func injectDelivered(_ inject: String) -> String { pick("Innspill levert: \(inject)", "Inject delivered: \(inject)") }
    func injectPostponed(_ inject: String, _ seconds: Int) -> String {
        pick("Innspill utsatt: \(inject), \(seconds) s", "Inject postponed: \(inject) by \(seconds) s")
    }
    func exerciseEnded(_ reason: ExerciseEndReason) -> String {
        switch reason {
        case .completed: pick("Øvelsen ble avsluttet", "Exercise ended")
        case .realIncident: pick("Øvelsen ble stoppet på grunn av en reell hendelse", "Exercise stopped for a real incident")
        }
    }
    func evaluatorNote(step: String?) -> String {
        pick("Evaluatornotat", "Evaluator note") + (step.map { pick(" om \($0)", " about \($0)") } ?? "")
    }
    var nextStep: String { report.nextStep }
    var end: String { report.end }

    // MARK: Contacts

    var notify: String { pick("Varsle", "Notify") }
}
