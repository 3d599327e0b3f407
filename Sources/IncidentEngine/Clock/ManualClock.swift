/// A clock that says what it is told: for tests, and for replaying a journal
/// "as of" some moment.
///
/// A value type: a test that wants time to pass keeps it in a `var` and
/// calls `advance`.
public struct ManualClock: Clock {
    public var current: Timestamp

    public init(_ current: Timestamp) {
        self.current = current
    }

    public func now() -> Timestamp { current }

    public mutating func advance(seconds: Int) {
        current = current.adding(seconds: seconds)
    }

    public mutating func set(_ time: Timestamp) {
        current = time
    }
}
