import PlaybookFormat

/// One run of `vakt lint`: collects the files, parses them, checks references
/// between them, and decides the exit code. Kept apart from the command so
/// that tests can run it without a process.
struct LintRun {
    var paths: [String]
    var contactFiles: [String] = []
    var playbookFolders: [String] = []

    struct Outcome {
        var diagnostics: [Diagnostic]
        var sources: [String: SourceFile]
        var filesChecked: Int
        /// Some file could not be read at all.
        var unreadable: Bool

        var errorCount: Int { diagnostics.filter(\.isError).count }
        var warningCount: Int { diagnostics.count - errorCount }

        /// 0 clean, 1 errors (or warnings with `strict`), 2 a file could not be read.
        func exitCode(strict: Bool) -> Int32 {
            if unreadable { return 2 }
            if errorCount > 0 { return 1 }
            if strict, warningCount > 0 { return 1 }
            return 0
        }
    }

    func run() -> Outcome {
        var outcome = Outcome(diagnostics: [], sources: [:], filesChecked: 0, unreadable: false)
        var targets: [String] = []
        for path in paths {
            if SourceLoader.isDirectory(path) {
                let found = SourceLoader.files(in: path)
                if found.isEmpty {
                    outcome.diagnostics.append(Diagnostic(
                        fileError: .unreadableFile, "no *.playbook, *.scenario or *.contacts files in this folder", path: path))
                    outcome.unreadable = true
                }
                targets += found
            } else {
                targets.append(path)
            }
        }

        var parsed: [String: ParseResult] = [:]
        func parse(_ path: String, _ kind: DocumentKind? = nil) -> ParseResult? {
            if let cached = parsed[path] { return cached }
            switch SourceLoader.load(path) {
            case .success(let source):
                let result = DocumentParser.parse(source, as: kind)
                parsed[path] = result
                outcome.sources[path] = source
                return result
            case .failure:
                return nil
            }
        }

        for path in targets {
            switch SourceLoader.load(path) {
            case .failure(let failure):
                outcome.diagnostics.append(failure.diagnostic)
                outcome.unreadable = true
                continue
            case .success(let source):
                outcome.filesChecked += 1
                let result = parsed[path] ?? DocumentParser.parse(source)
                parsed[path] = result
                outcome.sources[path] = source
                outcome.diagnostics += result.diagnostics
                switch result.document {
                case .playbook(let playbook):
                    let lists = contactLists(for: path, parse: parse)
                    outcome.diagnostics += CrossReferenceValidator.checkContacts(of: playbook, in: source, against: lists)
                case .scenario(let scenario) where !scenario.playbook.value.isEmpty:
                    let (playbook, known) = findPlaybook(scenario.playbook.value, beside: path, parse: parse)
                    outcome.diagnostics += CrossReferenceValidator.checkScenario(
                        scenario, in: source, against: playbook, knownPlaybooks: known)
                case .scenario, .contacts, nil:
                    break
                }
            }
        }
        outcome.diagnostics = outcome.diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.path != b.path { return a.path < b.path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
        return outcome
    }

    /// The contact lists given with `--contacts`, else those beside the playbook.
    private func contactLists(for playbookPath: String, parse: (String, DocumentKind?) -> ParseResult?) -> [ContactList] {
        let paths = contactFiles.isEmpty
            ? SourceLoader.files(in: SourceLoader.folder(of: playbookPath)).filter {
                DocumentKind(path: $0) == .contacts && SourceLoader.folder(of: $0) == SourceLoader.folder(of: playbookPath)
            }
            : contactFiles
        return paths.compactMap { parse($0, .contacts)?.contactList }
    }

    /// A scenario's playbook: beside the scenario first, then in the playbook folders.
    private func findPlaybook(_ id: String, beside scenarioPath: String,
                              parse: (String, DocumentKind?) -> ParseResult?) -> (Playbook?, [String]) {
        var known: [String] = []
        let folders = [SourceLoader.folder(of: scenarioPath)] + playbookFolders
        for folder in folders {
            let candidates = SourceLoader.files(in: folder).filter { DocumentKind(path: $0) == .playbook }
            // The file named after the id is the likely one; look at it first.
            let ordered = candidates.sorted { a, _ in a.hasSuffix("/" + id + ".playbook") }
            for path in ordered {
                guard let playbook = parse(path, .playbook)?.playbook else { continue }
                if playbook.id.value == id { return (playbook, known) }
                known.append(playbook.id.value)
            }
        }
        return (nil, known)
    }
}
