/// Something in the journal that the fold could not apply as written (an
/// unknown step id, a gap in the sequence numbers, an event before the
/// incident was opened). The fold skips it and goes on; status and verify
/// show these so that nothing is hidden.
public struct RunAnomaly: Equatable, Sendable, CustomStringConvertible {
    public var seq: Int
    public var message: String

    public var description: String { "event \(seq): \(message)" }
}
