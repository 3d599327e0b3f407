#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RunnerUI

/// The values of `InterfaceOptions` as plain data, however they were read:
/// by swift-argument-parser or by `InterfaceInvocation`'s quick reader.
struct InterfaceArguments: Equatable {
    var lang: InterfaceOptions.Language?
    var playbooks: String?
    var firstFrame = false
    var actor: String?
    var home: String?

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
            language: language, actor: try IncidentEnvironment.actor(actor),
            catalog: try IncidentEnvironment.catalog(home), playbookFolder: playbooks, firstFrameOnly: firstFrame)
    }
}
