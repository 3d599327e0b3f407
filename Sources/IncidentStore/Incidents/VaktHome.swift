/// Where vakt keeps its data: `--home DIR`, else `VAKT_HOME`, else
/// `$XDG_DATA_HOME/vakt`, else `~/.local/share/vakt`.
///
/// Resolved from an explicit environment dictionary so tests never touch the
/// real home folder.
public struct VaktHome: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The home as the contract resolves it; nil only when nothing at all says where (no HOME).
    public static func resolve(option: String?, environment: [String: String]) -> VaktHome? {
        if let option, !option.isEmpty { return VaktHome(path: option) }
        if let home = environment["VAKT_HOME"], !home.isEmpty { return VaktHome(path: home) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return VaktHome(path: xdg + "/vakt") }
        if let home = environment["HOME"], !home.isEmpty { return VaktHome(path: home + "/.local/share/vakt") }
        return nil
    }

    /// The folder that holds one folder per incident.
    public var incidentsPath: String { path + "/incidents" }
}
