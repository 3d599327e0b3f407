/// Where the engine and the UI get "now" from.
///
/// Nothing in the engine reads the system time by itself: the wall clock is
/// passed in, so tests use a fixed clock and exercises a simulated one.
public protocol Clock: Sendable {
    func now() -> Timestamp
}
