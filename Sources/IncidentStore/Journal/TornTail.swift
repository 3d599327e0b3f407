/// A torn last line that was found on open and moved aside.
///
/// Never silently dropped: the bytes are kept in `sidePath` (beside the
/// journal, mode 0600) and the caller reports this on standard error.
public struct TornTail: Sendable, Equatable, CustomStringConvertible {
    /// The journal's path.
    public var journalPath: String
    /// 1-based line number the torn line had.
    public var line: Int
    /// How many bytes were moved aside.
    public var byteCount: Int
    /// Where they were kept.
    public var sidePath: String

    public var description: String {
        "\(journalPath): line \(line) was torn (a write that did not finish); "
            + "its \(byteCount) bytes were moved to \(sidePath) and the journal ends at line \(line - 1)"
    }
}
