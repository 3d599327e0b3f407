import ArgumentParser
import IncidentStore

/// `vakt resume [ID]`: walks an open incident in the terminal UI again,
/// after a quit, a crash or a dropped SSH session.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Walk an open incident in the terminal UI (default: the most recently opened one).",
        discussion: """
            The screen is rebuilt from the incident's journal, so it shows exactly what was recorded. Two \
            responders may resume the same incident in two terminals: each sees the other's actions within \
            a second.
            """
    )

    @Argument(help: "The incident's ID or a unique prefix of it (default: the most recently opened open incident).")
    var id: String?

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try Self.walk(id: id, interface: interface.arguments)
    }

    /// The command's work, on plain values (also reached from `InterfaceInvocation`).
    static func walk(id: String?, interface: InterfaceArguments) throws {
        let settings = try interface.settings()
        let reference = try id ?? IncidentFailure.translating { try settings.catalog.mostRecentOpen().id.rawValue }
        let session = try IncidentSession.open(reference, catalog: settings.catalog, forWriting: true)
        let contacts = IncidentOpener.contacts(forPlaybookID: session.playbook.id.value, locator: settings.locator)
        let status = try RunnerLoop.walk(session, contacts: contacts, settings: settings)
        if status != 0 { throw ExitCode(status) }
    }
}
