import ArgumentParser
import IncidentEngine

/// `vakt exercise SCENARIO`: runs a tabletop exercise as its facilitator.
struct ExerciseSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Run a tabletop exercise from a scenario, as its facilitator.",
        discussion: """
            Opens an incident marked as an exercise on the scenario's playbook and starts the exercise clock. \
            The runner gains the facilitator's panel: the clock (p pause, + and - speed), the injects as they \
            come due (l delivers the next one full screen for the room, i lists them all, u there postpones \
            one), observations (o), the end of the exercise (a) and, if a real incident needs the room, ! \
            stops the exercise at once. Every event is marked as part of an exercise; `vakt review ID` \
            afterwards drafts the evaluation report. The exercise clock is kept in the journal: after a \
            crash, `vakt resume` continues at exactly the right exercise time.
            """
    )

    @Argument(help: "A scenario id or a path to a .scenario file.")
    var scenario: String

    @Option(help: "Exercise seconds per real second, 1 to 3600 (60: an hour of the script in a minute).")
    var speed = 1

    @Option(help: "The marking on every screen (default: ØVELSE, or EXERCISE in English).")
    var banner: String?

    @Option(help: "The incident's title (default: the scenario's title).")
    var title: String?

    @OptionGroup var interface: InterfaceOptions

    func validate() throws {
        guard ExerciseCommand.speeds.contains(speed) else {
            throw ValidationError("--speed must be 1 to \(ExerciseCommand.speeds.upperBound), not \(speed)")
        }
        if let banner, banner.allSatisfy(\.isWhitespace) {
            throw ValidationError("--banner must say something")
        }
    }

    func run() throws {
        let settings = try interface.settings()
        let loaded = try LoadedScenario.find(scenario, locator: settings.locator)
        let opened = try IncidentOpener.open(
            loaded.playbook, title: title ?? loaded.scenario.title.value, exercise: true, scenario: loaded,
            actor: settings.actor, catalog: settings.catalog)
        let session = opened.session
        let id = session.folder.id.rawValue
        do {
            try session.perform(
                .start(scenario: loaded.scenario.id.value, speed: speed, banner: banner), actor: settings.actor)
            let contacts = ContactSource.lists(beside: loaded.playbook.path, explicit: [])
            let status = try RunnerLoop.walk(session, contacts: contacts, settings: settings)
            if status != 0 { throw ExitCode(status) }
        } catch let failure as CommandFailure {
            throw CommandFailure(failure.message + "\n(exercise \(id) is open: `vakt resume \(id)` in a terminal)",
                                 exitCode: failure.exitCode)
        }
    }
}
