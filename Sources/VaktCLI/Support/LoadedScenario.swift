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
        let all = locator.folders.flatMap { SourceLoader.files(in: $0) }
            .filter { DocumentKind(path: $0) == .scenario }
            .compactMap { path -> (id: String, path: String)? in
                guard case .success(let source) = SourceLoader.load(path),
                    let id = DocumentParser.parse(source, as: .scenario).scenario?.id.value
                else { return nil }
                return (id, path)
            }
        if let match = all.first(where: { $0.id == reference }) { return try load(match.path, locator: locator) }
        var message = "no scenario with id '\(reference)'"
        message += locator.folders.isEmpty ? " (no playbook folder found; use --playbooks DIR)" : " in " + locator.folders.joined(separator: ", ")
        if let suggestion = Suggestion.nearest(to: reference, in: all.map(\.id)) {
            message += "; did you mean '\(suggestion)'?"
        } else if !all.isEmpty {
            message += "; the scenarios there are: " + all.map(\.id).joined(separator: ", ")
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
        case .failure(let failure): throw CommandFailure(failure.description, exitCode: 2)
        }
        let result = DocumentParser.parse(source, as: .scenario)
        guard let scenario = result.scenario, !result.hasErrors else {
            throw reportErrors(result.errors, path: path, source: source)
        }
        let beside = PlaybookLocator(folders: [SourceLoader.folder(of: path)] + locator.folders)
        let playbook: LoadedPlaybook
        switch beside.resolve(scenario.playbook.value) {
        case .found(let playbookPath):
            playbook = try LoadedPlaybook.load(playbookPath)
        case .notFound:
            let diagnostics = CrossReferenceValidator.checkScenario(
                scenario, in: source, against: nil, knownPlaybooks: beside.allPlaybooks().map(\.id))
            throw reportErrors(diagnostics, path: path, source: source)
        }
        let problems = CrossReferenceValidator.checkScenario(scenario, in: source, against: playbook.playbook)
            .filter { $0.severity == .error }
        guard problems.isEmpty else { throw reportErrors(problems, path: path, source: source) }
        return LoadedScenario(path: path, source: source, scenario: scenario, playbook: playbook)
    }

    private static func reportErrors(_ diagnostics: [Diagnostic], path: String, source: SourceFile) -> CommandFailure {
        let renderer = DiagnosticRenderer(colors: StandardStreams.wantsColor(2))
        StandardStreams.writeError(renderer.render(diagnostics, sources: [path: source]))
        return CommandFailure("\(path) has errors; run 'vakt lint \(path)'", exitCode: 1)
    }
}
