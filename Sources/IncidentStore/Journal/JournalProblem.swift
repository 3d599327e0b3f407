/// The first thing wrong with a journal: which line, and why.
///
/// The reasons map to what a person did or what went wrong: an edited line
/// no longer matches its hash; a removed, inserted or reordered line breaks
/// the `seq` or `prev` link; a crash mid-write leaves a torn last line.
public struct JournalProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Error, Equatable, Sendable {
        /// The last line has no newline: a write that did not finish.
        case torn
        /// The line is not JSON at all.
        case notJSON(String)
        /// JSON, but not an event record (a missing field, an unknown kind …).
        case notAnEvent(String)
        /// The line does not end with its `hash` member.
        case noHash
        /// The hash does not match the line's content: the line was edited.
        case hashMismatch
        /// JSON with a valid hash but not in the canonical spelling.
        case notCanonical
        /// `seq` is not the next number: a line was removed, inserted or moved.
        case sequence(expected: Int, found: Int)
        /// `prev` is not the hash of the line before: a line was removed, inserted or moved.
        case brokenLink
        /// The journal ends before the last event the head file records.
        case missingTail(headSeq: Int, lastSeq: Int)
        /// The head file names a hash that line `seq` does not carry.
        case headMismatch(seq: Int)
        /// The file ends in a way that is not a journal line (a blank line, NUL bytes).
        case emptyLine
    }

    /// 1-based line number in the journal.
    public var line: Int
    /// Byte offset of the line's start.
    public var offset: Int
    public var reason: Reason

    public init(line: Int, offset: Int, reason: Reason) {
        self.line = line
        self.offset = offset
        self.reason = reason
    }

    /// Why, in words: what kind of change or damage this means.
    public var explanation: String {
        switch reason {
        case .torn:
            return "torn: the last line is incomplete (a write that did not finish)"
        case .notJSON(let detail):
            return "not JSON (\(detail)): the line was edited or damaged"
        case .notAnEvent(let detail):
            return "not an event record (\(detail)): the line was edited"
        case .noHash:
            return "the line does not end with its hash: the line was edited"
        case .hashMismatch:
            return "edited: the hash does not match the line's content"
        case .notCanonical:
            return "edited: the line is not in the journal's canonical encoding"
        case .sequence(let expected, let found):
            return "seq is \(found) where \(expected) was expected: a line was removed, inserted or reordered"
        case .brokenLink:
            return "prev does not match the hash of the line before: a line was removed, inserted or reordered"
        case .missingTail(let headSeq, let lastSeq):
            return "the journal ends at event \(lastSeq) but its head file records \(headSeq): lines were removed from the end"
        case .headMismatch(let seq):
            return "event \(seq) does not carry the hash its head file records: the line was edited or replaced"
        case .emptyLine:
            return "an empty line: the journal was edited or damaged"
        }
    }

    public var description: String { "line \(line): \(explanation)" }
}
