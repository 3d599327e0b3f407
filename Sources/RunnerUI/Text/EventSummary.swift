import IncidentEngine
import PlaybookFormat

/// One event as a short line of the UI's language, for the last-events
/// line and the timeline. Steps are named by their titles, as on screen.
struct EventSummary {
    let playbook: Playbook
    let language: UILanguage

    private func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    private func step(_ id: String) -> String {
        playbook.step(id)?.title.value ?? id
    }

    private func deadline(_ id: String) -> String {
        playbook.deadlines.first { $0.id.value == id }?.title.value ?? id
    }

    private func quoted(_ text: String) -> String {
        pick("«\(text)»", "“\(text)”")
    }

    /// Derived events the flow writes by itself: the timeline shows them,
    /// the last-events line leaves them out to keep room for what people did.
    static func isDerived(_ event: IncidentEvent) -> Bool {
        switch event {
        case .phaseEntered, .stepReached, .deadlineStarted, .deadlineMet, .deadlineWaived: true
        default: false
        }
    }

    func text(_ event: IncidentEvent) -> String {
        switch event {
        case .incidentOpened(_, _, _, let title, let exercise):
            return exercise
                ? pick("Øvelsen åpnet: \(quoted(title))", "Exercise opened: \(quoted(title))")
                : pick("Hendelsen åpnet: \(quoted(title))", "Incident opened: \(quoted(title))")
        case .phaseEntered(let stage):
            let title = playbook.phases.first { $0.stage.value == stage }?.title.value ?? stage.rawValue
            return pick("Fase: \(title)", "Phase: \(title)")
        case .stepReached(let id):
            return pick("Nådd: \(step(id))", "Reached: \(step(id))")
        case .stepCompleted(let id, let note):
            return pick("Fullført: \(step(id))", "Done: \(step(id))") + (note.map { ": " + quoted($0) } ?? "")
        case .stepSkipped(let id, let reason):
            return pick("Hoppet over: \(step(id))", "Skipped: \(step(id))") + ": " + quoted(reason)
        case .stepReopened(let id):
            return pick("Åpnet igjen: \(step(id))", "Reopened: \(step(id))")
        case .checklistTicked(let id, let item):
            return pick("Krysset av \(item) i \(step(id))", "Ticked \(item) in \(step(id))")
        case .checklistUnticked(let id, let item):
            return pick("Fjernet kryss \(item) i \(step(id))", "Unticked \(item) in \(step(id))")
        case .decisionAnswered(let id, _, let option, let label, _):
            return pick("Svar på \(step(id)): \(option) \(label)", "Answer at \(step(id)): \(option) \(label)")
        case .noteAdded(let text, _, let lesson):
            return (lesson ? pick("Læringspunkt: ", "Lesson: ") : pick("Notat: ", "Note: ")) + text
        case .correction(let seq, let text):
            return pick("Rettelse av \(seq): ", "Correction of \(seq): ") + quoted(text)
        case .deadlineStarted(let id, let due):
            return pick("Frist startet: \(deadline(id)), innen \(TimeText.dateTime(due))",
                        "Deadline started: \(deadline(id)), due \(TimeText.dateTime(due))")
        case .deadlineMet(let id):
            return pick("Frist oppfylt: \(deadline(id))", "Deadline met: \(deadline(id))")
        case .deadlineMissed(let id):
            return pick("Frist overskredet: \(deadline(id))", "Deadline missed: \(deadline(id))")
        case .deadlineWaived(let id, let reason):
            return pick("Frist ikke påkrevd: \(deadline(id)) (\(UIStrings(language).waiver(reason)))",
                        "Deadline not required: \(deadline(id)) (\(UIStrings(language).waiver(reason)))")
        case .incidentClosed(let note):
            return pick("Hendelsen lukket", "Incident closed") + (note.map { ": " + quoted($0) } ?? "")
        case .incidentReopened(let reason):
            return pick("Hendelsen åpnet igjen", "Incident reopened") + (reason.map { ": " + quoted($0) } ?? "")
        case .exerciseStarted(let scenario, let speed, _):
            return pick("Øvelse startet: \(scenario) (\(speed)x)", "Exercise started: \(scenario) (\(speed)x)")
        case .exercisePaused: return pick("Øvelsen pauset", "Exercise paused")
        case .exerciseResumed: return pick("Øvelsen fortsetter", "Exercise resumed")
        case .exerciseSpeedChanged(let speed): return pick("Øvelsesfart: \(speed)x", "Exercise speed: \(speed)x")
        case .injectDelivered(let inject): return pick("Innspill levert: \(inject)", "Inject delivered: \(inject)")
        case .injectPostponed(let inject, let seconds):
            return pick("Innspill utsatt: \(inject) (\(seconds) s)", "Inject postponed: \(inject) (\(seconds) s)")
        case .evaluatorNote(let text, _):
            return pick("Observasjon: ", "Observation: ") + text
        case .exerciseEnded(.completed, _):
            return pick("Øvelsen avsluttet", "Exercise ended")
        case .exerciseEnded(.realIncident, let note):
            return pick("Øvelsen stoppet – reell hendelse", "Exercise stopped – real incident") + (note.map { ": " + quoted($0) } ?? "")
        }
    }
}
