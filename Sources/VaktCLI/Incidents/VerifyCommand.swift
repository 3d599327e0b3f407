import ArgumentParser
import IncidentStore
import PlaybookFormat

/// `vakt verify ID|JOURNAL`: checks a journal's hash chain and names the first line that does not verify.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an incident journal's hash chain; name the first line that does not verify.",
        discussion: """
            Exits 0 and prints the number of events and the hash of the last one when every line \
            verifies; exits 1 naming the first line that does not (edited, removed, inserted, reordered \
            or torn). Never changes the journal.
            """
    )

    @Argument(help: "An incident's ID (or a unique prefix), or the path of a journal file.")
    var target: String

    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let path = try journalPath()
        let report = try IncidentFailure.translating { try JournalVerifier.verify(path: path) }
        if let problem = report.problem {
            let before = report.count == 1 ? "1 event before it verifies" : "\(report.count) events before it verify"
            throw CommandFailure(
                TerminalSafeText.sanitize("\(path):\(problem.line): \(problem.explanation) (\(before))"), exitCode: 1)
        }
        let events = report.count == 1 ? "1 event" : "\(report.count) events"
        StandardStreams.write("\(events) verify; head \(report.headHash)\n")
        if !report.endChecked && report.count > 0 {
            StandardStreams.write("note: no head file beside the journal, so lines cut from its end could not be seen\n")
        }
    }

    /// A path when it names a file (or looks like one), else the journal of the incident with that ID.
    private func journalPath() throws -> String {
        if target.contains("/") || target.hasSuffix(".jsonl") || SourceLoader.exists(target) && !SourceLoader.isDirectory(target) {
            return target
        }
        let catalog = try IncidentEnvironment.catalog(homeOption.home)
        return try IncidentFailure.translating { try catalog.resolve(target).journalPath }
    }
}
