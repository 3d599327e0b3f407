/// Everything the store can refuse or fail at, each as one line a responder can act on.
///
/// The CLI prints `description` as it is; the cases keep the details so that
/// tests and callers can tell a full disk from a tampered journal.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A system call failed: `operation` is what the store was doing ("write", "open" …).
    case system(operation: String, path: String, errno: Int32)
    /// The journal (or incident folder) is a symbolic link; following it could write anywhere.
    case symbolicLink(path: String)
    /// The path exists but is not a regular file (a folder, a FIFO, a device).
    case notRegularFile(path: String)
    /// The journal does not hold a valid chain at a 1-based line.
    case corrupt(path: String, line: Int, reason: String)
    /// No incident ID starts with the text given.
    case noSuchIncident(String)
    /// Several incident IDs start with the text given.
    case ambiguousIncident(String, matches: [String])
    /// No ID was given and no incident is open.
    case noOpenIncident
    /// The incident's journal has no events at all (a folder left by a crash while opening).
    case emptyJournal(path: String)
    /// The playbook copy kept with the incident cannot be read or parsed.
    case unreadablePlaybook(path: String, reason: String)
    /// The engine refused the events the caller produced under the lock.
    case rejected(String)

    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            return "cannot \(operation) \(path): \(Self.message(for: code))"
        case .symbolicLink(let path):
            return "refusing to use \(path): it is a symbolic link"
        case .notRegularFile(let path):
            return "refusing to use \(path): it is not a regular file"
        case .corrupt(let path, let line, let reason):
            return "\(path):\(line): journal does not verify: \(reason) (run `vakt verify`)"
        case .noSuchIncident(let prefix):
            return "no incident matches '\(prefix)' (see `vakt list --all`)"
        case .ambiguousIncident(let prefix, let matches):
            let shown = matches.prefix(5).joined(separator: ", ")
            let more = matches.count > 5 ? " and \(matches.count - 5) more" : ""
            return "'\(prefix)' matches several incidents: \(shown)\(more); give more of the ID"
        case .noOpenIncident:
            return "no open incident (see `vakt list --all`, or `vakt open PLAYBOOK`)"
        case .emptyJournal(let path):
            return "\(path) holds no events (an incident whose opening did not finish)"
        case .unreadablePlaybook(let path, let reason):
            return "cannot read the incident's playbook copy \(path): \(reason)"
        case .rejected(let reason):
            return reason
        }
    }

    /// The C library's text for an errno (`No space left on device`).
    static func message(for code: Int32) -> String {
        PosixFile.errorText(code)
    }
}
