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

    /// The drill playbook as a tabletop exercise started at the opening
    /// (03:10) at `speed`, nothing delivered, `seconds` of real time later.
    static func exerciseStart(
        speed: Int = 1, banner: String? = nil, seconds: Int = 0, language: UILanguage = .nb,
        size: TerminalSize = TerminalSize(width: 80, height: 24)
    ) throws -> Harness {
        var journal = try Journal.opened(
            try Fixtures.drill(), title: "Øvelse: mistenkelig PC", exercise: true, scenario: try Fixtures.drillScenario())
        try journal.append(.start(scenario: "drill-tabletop", speed: speed, banner: banner), now: Fixtures.openedAt)
        return Harness(
            journal: journal, contacts: [try Fixtures.contacts()], language: language,
            now: Fixtures.openedAt.adding(seconds: seconds), size: size)
    }

    /// The drill exercise in real time at T+00:22:10: "call" delivered and
    /// met, "spread" delivered and missed (its step reached three minutes
    /// late), "press" delivered and pending, "backup" due, "mayor" next.
    static func exercise(
        language: UILanguage = .nb, banner: String? = nil, size: TerminalSize = TerminalSize(width: 80, height: 24)
    ) throws -> Harness {
        var journal = try Journal.opened(
            try Fixtures.drill(), title: "Øvelse: mistenkelig PC", exercise: true, scenario: try Fixtures.drillScenario())
        try journal.append(.start(scenario: "drill-tabletop", speed: 1, banner: banner), now: Fixtures.openedAt)
        try journal.append(.deliver(inject: "call"), now: Fixtures.at(minutes: 0, seconds: 30))
        try journal.append(.complete(step: "alert", note: "Servicedesk: nye filnavn på F:"), now: Fixtures.at(minutes: 3))
        try journal.append(.deliver(inject: "spread"), now: Fixtures.at(minutes: 10))
        try journal.append(.deliver(inject: "press"), now: Fixtures.at(minutes: 15), actor: "ola")
        try journal.append(.decide(step: "assess", option: "1", note: nil), now: Fixtures.at(minutes: 18))
        try journal.append(.observe(text: "Ingen tok ansvar for pressen", step: nil), now: Fixtures.at(minutes: 19))
        return Harness(
            journal: journal, contacts: [try Fixtures.contacts()], language: language,
            now: Fixtures.at(minutes: 22, seconds: 10), size: size)
    }
}
