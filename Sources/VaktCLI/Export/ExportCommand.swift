#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import IncidentEngine
import IncidentStore
import PlaybookFormat
import Reports

/// `vakt export ID --format md|json|csv|timesketch|html [-o FILE]`: the
/// incident's timeline for people (md, html) or for tools (json, csv,
/// timesketch). The export is streamed: a journal of a million events is
/// written a megabyte at a time, to standard output or to a temporary file
/// beside FILE that replaces it only when complete.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an incident's timeline (md, json, csv, timesketch or html).",
        discussion: """
            md and html are reports for people; json is the whole record (schema vakt.export/1); csv is for \
            spreadsheets (cells that could run as formulas start with '); timesketch is JSON Lines for \
            Timesketch. An exercise is marked at the top and bottom of every format. See docs/export-formats.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, csv, timesketch, html

        var exportFormat: ExportFormat {
            switch self {
            case .md: .markdown
            case .json: .json
            case .csv: .csv
            case .timesketch: .timesketch
            case .html: .html
            }
        }
    }

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Option(help: "Output format: md, json, csv, timesketch or html.")
    var format: Format

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var document: DocumentOptions
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let input = try document.input(for: id, home: homeOption)
        let exportFormat = format.exportFormat
        if output == nil, exportFormat == .html, isatty(1) == 1 {
            throw CommandFailure("html is a file to open in a browser: use -o FILE (or redirect the output)", exitCode: 2)
        }
        try Self.write(to: output) { sink in
            try TimelineExport.write(input, format: exportFormat, to: &sink)
        }
    }

    /// Streams what `body` writes to `path` (a temporary file renamed over
    /// it once complete and synced) or, without a path, to standard output.
    static func write(to path: String?, _ body: (inout DescriptorOutput) throws -> Void) throws {
        guard let path else {
            var sink = DescriptorOutput(descriptor: 1, path: "standard output")
            try body(&sink)
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 2)
        }
        var sink = DescriptorOutput(descriptor: descriptor, path: path)
        do {
            try body(&sink)
            if fsync(descriptor) != 0 {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 1)
            }
            close(descriptor)
            if rename(temporary, path) != 0 {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 2)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
    }

    /// An export output that writes each chunk to a file descriptor, whole.
    struct DescriptorOutput: ExportOutput {
        let descriptor: Int32
        let path: String

        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 1)
                }
                offset += written
            }
        }
    }

    /// What export and review both take: the language and the contact lists,
    /// and how they open the incident: read-only; an unknown ID or an
    /// unreadable journal is unusable input (exit 2); a journal whose hash
    /// chain does not verify is a problem found (exit 1), and nothing is written.
    struct DocumentOptions: ParsableArguments {
        enum Language: String, ExpressibleByArgument, CaseIterable {
            case nb, en
        }

        @Option(help: "The language of the document's labels (default: the playbook's lang).")
        var lang: Language?

        @Option(name: .customLong("contacts"), help: ArgumentHelp(
            "A contact list to look the steps' 'notify' ids up in (repeatable; default: the lists beside the playbook).",
            valueName: "file"))
        var contactFiles: [String] = []

        @Option(help: ArgumentHelp("The folder to find the playbook's contact lists in.", valueName: "dir"))
        var playbooks: String?

        func input(for reference: String, home: HomeOption) throws -> ExportInput {
            let catalog = try IncidentEnvironment.catalog(home.home)
            let session: IncidentSession
            do {
                let folder = try catalog.resolve(reference)
                let playbook = try PlaybookCopies.load(folder)
                let journal = try folder.readJournal()
                IncidentEnvironment.reportTornTails(journal)
                guard !journal.records.isEmpty else { throw StoreError.emptyJournal(path: journal.path) }
                session = IncidentSession(folder: folder, playbook: playbook, journal: journal)
                // An export is evidence: one made from a journal whose hash chain is broken would not be.
                let report = try JournalVerifier.verify(path: folder.journalPath)
                if let problem = report.problem {
                    throw CommandFailure(
                        "\(folder.journalPath):\(problem.line): the journal does not verify: \(problem.explanation)"
                            + " (see `vakt verify \(folder.id.rawValue)`); nothing was written", exitCode: 1)
                }
            } catch let error as StoreError {
                // Whatever stops the journal being read makes the input unusable.
                throw CommandFailure(error.description, exitCode: 2)
            }
            let language: ReportLanguage = switch lang {
            case .nb?: .nb
            case .en?: .en
            case nil: ReportLanguage(playbookLang: session.playbook.lang?.value)
            }
            return ExportInput(
                incidentID: session.folder.id.rawValue, playbook: session.playbook, records: session.journal.records,
                state: session.state, contacts: contacts(for: session.playbook), language: language,
                now: IncidentEnvironment.clock.now())
        }

        /// The lists named with --contacts, else those beside the playbook of the same id, if it can be found.
        private func contacts(for playbook: Playbook) -> [ContactList] {
            if !contactFiles.isEmpty { return ContactSource.lists(beside: ".", explicit: contactFiles) }
            guard case .found(let path) = PlaybookLocator(explicitFolder: playbooks).resolve(playbook.id.value) else { return [] }
            return ContactSource.lists(beside: path, explicit: [])
        }
    }
}
