import ArgumentParser

/// `vakt run PLAYBOOK`: opens a new incident and walks it in the terminal UI.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open a new incident from a playbook and walk it in the terminal UI.",
        discussion: """
            Every action is appended to the incident's journal (and synced to disk) before the screen shows \
            it. Leave with q or Ctrl-C at any time: the incident stays open, and `vakt resume` picks it up \
            where it stands, on this machine or in another terminal.
            """
    )

    @Argument(help: "A playbook id or a path to a .playbook file.")
    var playbook: String

    @Option(help: "The incident's title (default: the playbook's title).")
    var title: String?

    @Flag(help: "Mark the incident as an exercise (shown on every screen and in every export).")
    var exercise = false

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try Self.walk(playbook: playbook, title: title, exercise: exercise, interface: interface.arguments)
    }

    /// The command's work, on plain values (also reached from `InterfaceInvocation`).
    static func walk(playbook: String, title: String?, exercise: Bool, interface: InterfaceArguments) throws {
        let settings = try interface.settings()
        let loaded = try LoadedPlaybook.find(playbook, locator: settings.locator)
        let session = try IncidentOpener.open(
            loaded, title: title, exercise: exercise, actor: settings.actor, catalog: settings.catalog).session
        let contacts = ContactSource.lists(beside: loaded.path, explicit: [])
        let status: Int32
        do {
            status = try RunnerLoop.walk(session, contacts: contacts, settings: settings)
        } catch let failure as CommandFailure {
            let id = session.folder.id.rawValue
            throw CommandFailure(failure.message + "\n(incident \(id) is open: `vakt resume \(id)` in a terminal)",
                                 exitCode: failure.exitCode)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
