import PlaybookFormat

/// The labels that reports print around a playbook's own text, in bokmål and
/// English. Kept in one place so that the binder, the exports and the review
/// use the same words for the same things.
public struct ReportStrings: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ nb: String, _ en: String) -> String {
        language == .nb ? nb : en
    }

    // MARK: The playbook

    public var playbookID: String { pick("Id", "Id") }
    public var version: String { pick("Versjon", "Version") }
    public var owner: String { pick("Eier", "Owner") }
    public var tags: String { pick("Stikkord", "Tags") }
    public var ref: String { pick("Ref", "Ref") }
    public var contents: String { pick("Innhold", "Contents") }
    public var roles: String { pick("Roller", "Roles") }
    public var role: String { pick("Rolle", "Role") }
    /// The blank column in the roles table, filled in by pen in the printed binder.
    public var assignedTo: String { pick("Hvem (navn og telefon)", "Who (name and phone)") }
    public var phase: String { pick("Fase", "Phase") }
    public var step: String { pick("Steg", "Step") }
    /// The label for a step's id, which `vakt done` and `vakt skip` take.
    public var stepID: String { pick("Steg-id", "Step id") }
    public var noSteps: String { pick("(ingen steg)", "(no steps)") }

    /// "Fase 2 av 4" / "Phase 2 of 4".
    public func phaseNumber(_ number: Int, of count: Int) -> String {
        pick("Fase \(number) av \(count)", "Phase \(number) of \(count)")
    }

    public func stage(_ stage: Stage) -> String {
        switch stage {
        case .preparation: pick("Forberedelse", "Preparation")
        case .detection: pick("Oppdagelse", "Detection")
        case .containment: pick("Begrensning", "Containment")
        case .eradication: pick("Fjerning", "Eradication")
        case .recovery: pick("Gjenoppretting", "Recovery")
        case .normal: pick("Normal drift", "Back to normal")
        case .lessons: pick("Erfaringer", "Lessons learned")
        }
    }

    // MARK: Deadlines

    public var deadlines: String { pick("Frister", "Deadlines") }
    public var within: String { pick("Innen", "Within") }
    public var starts: String { pick("Starter", "Starts") }
    public var met: String { pick("Oppfylt", "Met") }
    public var warn: String { pick("Varsel", "Warning") }
    public var startsWhenOpened: String { pick("når hendelsen åpnes", "when the incident is opened") }
    public var notSet: String { pick("ikke angitt", "not set") }

    public func startsWhenReached(_ step: String) -> String {
        pick("når steg \(step) nås", "when step \(step) is reached")
    }

    public func metWhenCompleted(_ step: String) -> String {
        pick("når steg \(step) er fullført", "when step \(step) is completed")
    }

    public func warnBefore(_ duration: PlaybookDuration) -> String {
        pick("\(words(duration)) før fristen", "\(words(duration)) before the deadline")
    }

    /// Shown at the step whose reaching starts a deadline's clock.
    public var startsDeadline: String { pick("Starter fristen", "Starts the deadline") }
    /// Shown at the step whose completion meets a deadline.
    public var meetsDeadline: String { pick("Oppfyller fristen", "Meets the deadline") }

    // MARK: Steps

    public var target: String { pick("Mål", "Target time") }
    public var checklist: String { pick("Sjekkliste", "Checklist") }
    public var commands: String { pick("Kommandoer", "Commands") }
    public var commandsNote: String {
        pick("vises for kopiering; vakt kjører dem aldri", "shown for copying; vakt never runs them")
    }
    public var record: String { pick("Noter", "Record") }
    public var decision: String { pick("Beslutning", "Decision") }
    public var notify: String { pick("Varsle", "Notify") }
    public var nextStep: String { pick("neste steg", "next step") }
    public var end: String { pick("slutt", "end") }
    public var unknownStep: String { pick("ukjent steg", "unknown step") }
    public var unknownRole: String { pick("ukjent rolle", "unknown role") }

    // MARK: Contacts

    public var contacts: String { pick("Kontakter", "Contacts") }
    public var name: String { pick("Navn", "Name") }
    public var phone: String { pick("Telefon", "Phone") }
    public var email: String { pick("E-post", "Email") }
    public var when: String { pick("Når", "When") }
    public var note: String { pick("Merknad", "Note") }
    public var notInContactList: String { pick("ikke i kontaktlisten", "not in the contact list") }
    public var noContactList: String { pick("ingen kontaktliste oppgitt", "no contact list given") }
    public var missingContacts: String { pick("Ikke i kontaktlisten", "Not in the contact list") }

    // MARK: Durations

    /// A duration in words for people: "30 min", "1 time 30 min", "72 timer".
    ///
    /// Up to 72 hours are counted in hours, as deadlines are spoken of (the
    /// 72-hour notification, the 24-hour warning); longer ones in days.
    public func words(_ duration: PlaybookDuration) -> String {
        var rest = max(duration.seconds, 0)
        if rest == 0 { return "0 min" }
        var parts: [String] = []
        let days = rest > 72 * 3_600 ? rest / 86_400 : 0
        rest -= days * 86_400
        let hours = rest / 3_600
        rest %= 3_600
        let minutes = rest / 60
        let seconds = rest % 60
        if days > 0 { parts.append("\(days) " + pick("døgn", days == 1 ? "day" : "days")) }
        if hours > 0 { parts.append("\(hours) " + pick(hours == 1 ? "time" : "timer", hours == 1 ? "hour" : "hours")) }
        if minutes > 0 { parts.append("\(minutes) min") }
        if seconds > 0 { parts.append("\(seconds) " + pick("sek", "s")) }
        return parts.joined(separator: " ")
    }
}
