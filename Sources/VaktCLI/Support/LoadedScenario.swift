import PlaybookFormat

/// A scenario found by path or id, read and checked against its playbook:
/// what `vakt exercise` starts from.
struct LoadedScenario {
    /// Where it was found.
    let path: String
    /// Its bytes as read (what the exercise keeps a copy of).
    let source: SourceFile
    let scenario: Scenario
    /// The playbook the participants run.
    let playbook: LoadedPlaybook

    /// Finds a scenario by path, or by id in the playbook folders, and loads
    /// it with its playbook.
    static func find(_ reference: String, locator: PlaybookLocator) throws -> LoadedScenario {
        if reference.contains("/") || DocumentKind(path: reference) == .scenario || SourceLoader.exists(reference) {
            return try load(reference, locator: locator)
        }
        let all = locator.documents(.scenario)
        if let match = all.first(where: { $0.id == reference }) { return try load(match.path, locator: locator) }
        let ids = all.map(\.id)
        var message = locator.notFound(reference, .scenario, among: ids)
        if Suggestion.nearest(to: reference, in: ids) == nil, !ids.isEmpty {
            message += "; the scenarios there are: " + ids.joined(separator: ", ")
        }
        throw CommandFailure(message, exitCode: 2)
    }

    /// Reads the scenario at `path` and its playbook (beside it first, then
    /// where playbooks are found) and checks one against the other: exit
    /// code 2 when a file cannot be read, 1 when either has errors (their
    /// diagnostics go to stderr, as `vakt lint` prints them).
    static func load(_ path: String, locator: PlaybookLocator) throws -> LoadedScenario {
        let source: SourceFile
        switch SourceLoader.load(path) {
        case .success(let loaded): source = loaded
        case .failure(let failure): throw CommandFailure.unreadable(failure)
        }
        let result = DocumentParser.parse(source, as: .scenario)
        guard let scenario = result.scenario, !result.hasErrors else {
            throw CommandFailure.documentErrors(result.errors, path: path, source: source)
        }
        let beside = PlaybookLocator(folders: [SourceLoader.folder(of: path)] + locator.folders)
        let playbook: LoadedPlaybook
        switch beside.resolve(scenario.playbook.value) {
        case .found(let playbookPath):
            playbook = try LoadedPlaybook.load(playbookPath)
        case .notFound:
            let diagnostics = CrossReferenceValidator.checkScenario(
                scenario, in: source, against: nil, knownPlaybooks: beside.allPlaybooks().map(\.id))
            throw CommandFailure.documentErrors(diagnostics, path: path, source: source)
        }
        let problems = CrossReferenceValidator.checkScenario(scenario, in: source, against: playbook.playbook)
            .filter { $0.severity == .error }
        guard problems.isEmpty else { throw CommandFailure.documentErrors(problems, path: path, source: source) }
        return LoadedScenario(path: path, source: source, scenario: scenario, playbook: playbook)
    }
}
