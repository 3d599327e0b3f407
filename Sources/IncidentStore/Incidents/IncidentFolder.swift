import Glibc
import IncidentEngine

/// One incident's folder: `VAKT_HOME/incidents/ID/` with its journal and the
/// byte-exact copy of the playbook it was opened from.
///
/// The copy is what the incident's state is folded against, so editing or
/// deleting the playbook later never changes an old incident's record.
public struct IncidentFolder: Sendable, Equatable {
    public static let journalName = "journal.jsonl"
    public static let playbookName = "playbook.playbook"
    /// The scenario copy, in the folder of an incident opened by `vakt exercise`.
    public static let scenarioName = "scenario.scenario"

    public let id: IncidentID
    public let path: String

    public init(id: IncidentID, path: String) {
        self.id = id
        self.path = path
    }

    public var journalPath: String { path + "/" + Self.journalName }
    public var playbookPath: String { path + "/" + Self.playbookName }
    public var scenarioPath: String { path + "/" + Self.scenarioName }

    /// Opens the journal for appending (repairing a torn tail).
    public func openJournal(writer: @escaping PosixFile.WriteFunction = PosixFile.systemWrite) throws(StoreError) -> Journal {
        try Journal(path: journalPath, repair: true, writer: writer)
    }

    /// Opens the journal to read it: repairs a torn tail when it may, and
    /// on a read-only disk or without write permission reads it as it is.
    public func readJournal() throws(StoreError) -> Journal {
        do {
            return try Journal(path: journalPath, repair: true)
        } catch .system(let operation, let path, let code) where code == EROFS || code == EACCES || code == EPERM {
            guard operation == "open" else { throw .system(operation: operation, path: path, errno: code) }
            return try Journal(path: journalPath, repair: false)
        }
    }

    /// The playbook bytes exactly as they were when the incident was opened.
    public func playbookBytes() throws(StoreError) -> [UInt8] {
        try PosixFile.open(playbookPath, writable: false).read(from: 0)
    }

    /// The scenario bytes as they were when the exercise was opened; nil when
    /// the incident was not opened from a scenario.
    public func scenarioBytes() throws(StoreError) -> [UInt8]? {
        guard access(scenarioPath, F_OK) == 0 else { return nil }
        return try PosixFile.open(scenarioPath, writable: false).read(from: 0)
    }
}
