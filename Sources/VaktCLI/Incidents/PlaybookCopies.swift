import IncidentStore
import PlaybookFormat

/// The playbook copies kept with incidents, parsed, and shared between
/// copies with the same bytes.
///
/// Why: listing incidents (`vakt list`, the start screen) folds every
/// journal over its playbook, and most of a municipality's incidents and
/// exercises run on the same few playbooks. Parsing each copy was most of
/// the start screen's time; now each distinct copy is parsed once.
struct PlaybookCopies {
    /// By the copy's SHA-256 (hex): hashing the bytes as an array key would
    /// take longer than parsing them.
    private var parsed: [String: Playbook] = [:]

    /// The playbook copy in `folder`, parsed (or the same bytes' earlier parse).
    mutating func playbook(of folder: IncidentFolder) throws -> Playbook {
        let bytes = try folder.playbookBytes()
        let fingerprint = HashChain.sha256Hex(bytes)
        if let known = parsed[fingerprint] { return known }
        let playbook = try Self.parse(bytes, path: folder.playbookPath)
        parsed[fingerprint] = playbook
        return playbook
    }

    /// The playbook copy in `folder`, parsed, for a single incident.
    static func load(_ folder: IncidentFolder) throws -> Playbook {
        try parse(folder.playbookBytes(), path: folder.playbookPath)
    }

    /// A copy that does not parse without errors is refused: the journal was
    /// written against a valid playbook, so the copy was changed since.
    private static func parse(_ bytes: [UInt8], path: String) throws -> Playbook {
        let result = DocumentParser.parse(SourceFile(path: path, bytes: bytes), as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            let first = result.errors.first.map { "line \($0.line): \($0.message)" } ?? "not a playbook"
            throw StoreError.unreadablePlaybook(path: path, reason: first)
        }
        return playbook
    }
}
