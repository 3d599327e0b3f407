import Glibc
import IncidentEngine
import IncidentStore
import PlaybookFormat

/// What the incident commands take from the process: the vakt home, who is
/// acting, and the wall clock. Read in one place so the rules of the contract
/// (`--home`, `VAKT_HOME`, XDG; `--as`, `VAKT_USER`, the login name) live here.
enum IncidentEnvironment {
    static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// `--home`, else `VAKT_HOME`, else `$XDG_DATA_HOME/vakt`, else `~/.local/share/vakt`.
    static func home(_ explicit: String?) throws -> VaktHome {
        let environment = ["VAKT_HOME", "XDG_DATA_HOME", "HOME"].reduce(into: [String: String]()) { result, name in
            result[name] = variable(name)
        }
        guard let home = VaktHome.resolve(option: explicit, environment: environment) else {
            throw CommandFailure("cannot tell where vakt keeps its data: set VAKT_HOME or use --home DIR", exitCode: 2)
        }
        return home
    }

    static func catalog(_ explicit: String?) throws -> IncidentCatalog {
        IncidentCatalog(home: try home(explicit))
    }

    /// `--as`, else `VAKT_USER`, else the login name, else the user name of the process.
    static func actor(_ explicit: String?) throws -> String {
        if let name = explicit {
            guard !name.allSatisfy(\.isWhitespace) else { throw CommandFailure("--as needs a name", exitCode: 2) }
            return name
        }
        if let name = variable("VAKT_USER"), !name.isEmpty { return name }
        if let login = getlogin(), login.pointee != 0 { return String(cString: login) }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name, name.pointee != 0 {
            return String(cString: name)
        }
        if let name = variable("USER"), !name.isEmpty { return name }
        return "uid-\(geteuid())"
    }

    static let clock: any Clock = WallClock()

    /// Reports torn tails that opening or appending moved aside (never silently).
    static func reportTornTails(_ journal: Journal) {
        for tail in journal.tornTails {
            StandardStreams.writeError("vakt: warning: " + TerminalSafeText.sanitize(tail.description) + "\n")
        }
    }
}
