import TerminalCore

/// Something the UI loop must react to.
public enum TerminalEvent<Message: Sendable>: Sendable {
    /// A key press (never `.resize`: that comes as `.resized`).
    case key(Key)
    /// The terminal has a new size: render a grid of that size.
    case resized(TerminalSize)
    /// A message another thread posted to the inbox.
    case message(Message)
    /// A tick of the clock: redraw what shows time.
    case tick
    /// SIGINT, SIGTERM or SIGHUP (or the terminal went away): leave through
    /// the normal path, then `stop()` the terminal.
    case terminate(signal: Int32)
}
