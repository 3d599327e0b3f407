import IncidentEngine
import PlaybookFormat
import RunnerUI
import TerminalCore

/// The incidents the screen tests look at, walked through the real engine.
enum Scenes {
    /// The shipped ransomware playbook at 03:41: the alert taken, triage
    /// ticked and answered, escalation current.
    static func ransomware(
        language: UILanguage = .nb, exercise: Bool = false, size: TerminalSize = TerminalSize(width: 80, height: 24)
    ) throws -> Harness {
        let playbook = try Fixtures.ransomware()
        var journal = try Journal.opened(playbook, title: "Kryptert filserver i Rådhuset", exercise: exercise)
        try journal.append(
            .complete(step: "first-alert", note: "03:02 Servicedesk: filer på F: heter .lockbit"),
            now: Fixtures.at(minutes: 4))
        for item in 1...3 { try journal.append(.tick(step: "triage", item: item), now: Fixtures.at(minutes: 10 + item)) }
        try journal.append(
            .decide(step: "triage", option: "1", note: "PC-114, PC-120 og filserveren"), now: Fixtures.at(minutes: 20),
            actor: "ola")
        return Harness(
            journal: journal, contacts: [try Fixtures.shippedContacts()], language: language,
            now: Fixtures.at(minutes: 31, seconds: 5), size: size)
    }

    /// The drill playbook with its 2-hour deadline from the opening, at
    /// `minutes` after opening (running until 90, warning to 120, then overdue).
    static func drill(
        minutes: Int, language: UILanguage = .nb, exercise: Bool = false,
        size: TerminalSize = TerminalSize(width: 80, height: 24)
    ) throws -> Harness {
        let journal = try Journal.opened(try Fixtures.drill(), title: "Øvelse: mistenkelig PC", exercise: exercise)
        return Harness(
            journal: journal, contacts: [try Fixtures.contacts()], language: language,
            now: Fixtures.at(minutes: minutes, seconds: 10), size: size)
    }
}
