#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import RunnerUI

/// What every command that opens the terminal UI takes (`vakt`, `vakt run`,
/// `vakt resume`), declared once so the three agree on names and defaults.
struct InterfaceOptions: ParsableArguments {
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case nb, en
    }

    @Option(help: "The UI's language: nb (bokmål) or en (default: from LC_ALL/LANG; a Norwegian locale gives nb).")
    var lang: Language?

    @Option(help: ArgumentHelp("The folder to find playbooks and their contact lists in.", valueName: "dir"))
    var playbooks: String?

    /// For the start-up benchmark: leave right after the first frame is on screen.
    @Flag(name: .customLong("first-frame"), help: .hidden)
    var firstFrame = false

    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    /// `--lang`, else the locale's language, as `setlocale` would pick it.
    var language: UILanguage {
        switch lang {
        case .nb?: return .nb
        case .en?: return .en
        case nil:
            let names = ["LC_ALL", "LC_MESSAGES", "LANG"]
            let environment = names.reduce(into: [String: String]()) { result, name in
                result[name] = IncidentEnvironment.variable(name)
            }
            return UILanguage(environment: environment)
        }
    }

    /// Everything the loop needs from the command line and the environment.
    func settings() throws -> RunnerSettings {
        RunnerSettings(
            language: language, actor: try IncidentEnvironment.actor(actorOption),
            catalog: try IncidentEnvironment.catalog(homeOption), playbookFolder: playbooks, firstFrameOnly: firstFrame)
    }
}
