/// Why the terminal UI could not start. The caller prints one clear line and
/// exits with status 2; the terminal is untouched when any of these is thrown.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Neither standard input/output nor /dev/tty is a terminal (a pipe, cron, CI).
    case noTerminal
    /// ncurses does not know the terminal type.
    case unknownTerminal(String)
    /// A terminal UI is already running in this process.
    case alreadyRunning

    public var description: String {
        switch self {
        case .noTerminal: "no terminal: the terminal UI needs an interactive terminal (standard input or /dev/tty)"
        case .unknownTerminal(let name): "the terminal type '\(name)' is unknown to ncurses (set TERM, e.g. TERM=xterm-256color)"
        case .alreadyRunning: "the terminal UI is already running"
        }
    }
}
