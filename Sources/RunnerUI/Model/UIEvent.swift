import IncidentEngine
import TerminalCore

/// Everything that reaches the UI from outside: the app loop turns keys,
/// the clock, resizes and journal appends into these, so the UI itself
/// never reads a terminal, a disk or a clock.
public enum UIEvent: Sendable, Equatable {
    case key(Key)
    /// The wall clock's time; sent every second.
    case tick(Timestamp)
    case resize(TerminalSize)
    /// Records appended to the journal, by this UI (after a `.perform`) or
    /// by another process; they are folded in, and a dialog waiting for its
    /// command closes.
    case recorded([EventRecord])
    /// An append failed: the message is shown and the dialog keeps its text.
    case failed(String)
    /// Something the loop did that the user should know about (where an
    /// export was written): shown on the status line until the next key.
    case notice(String)
}
