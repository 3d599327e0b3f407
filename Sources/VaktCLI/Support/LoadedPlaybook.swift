import PlaybookFormat

/// A playbook found by id or path, read and checked: what `vakt show`,
/// `vakt open` and `vakt run` start from.
struct LoadedPlaybook {
    /// Where it was found.
    let path: String
    /// Its bytes as read (what an incident keeps a copy of, and hashes).
    let source: SourceFile
    let playbook: Playbook

    /// Finds a playbook by id or path, as every command does, and loads it.
    static func find(_ reference: String, locator: PlaybookLocator) throws -> LoadedPlaybook {
        switch locator.resolve(reference) {
        case .found(let path): return try load(path)
        case .notFound(let message): throw CommandFailure(message, exitCode: 2)
        }
    }

    /// Reads and checks the playbook at `path`: exit code 2 when it cannot be
    /// read, 1 when it has errors (their diagnostics go to stderr).
    static func load(_ path: String) throws -> LoadedPlaybook {
        let source: SourceFile
        switch SourceLoader.load(path) {
        case .success(let loaded): source = loaded
        case .failure(let failure): throw CommandFailure.unreadable(failure)
        }
        let result = DocumentParser.parse(source, as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors else {
            throw CommandFailure.documentErrors(result.errors, path: path, source: source)
        }
        return LoadedPlaybook(path: path, source: source, playbook: playbook)
    }
}
