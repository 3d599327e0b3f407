import ArgumentParser
import IncidentStore
import PlaybookFormat
import Reports

/// `vakt review ID [--format md|html] [-o FILE]`: the post-incident review —
/// time to each stage and to the end, each step against its target, every
/// deadline's margin, the decisions, the skipped steps, the lessons, and an
/// improvement plan to fill in. For an exercise opened from a scenario it is
/// the evaluation report, made with the scenario copy kept in the incident's folder.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write the post-incident review: durations, deadlines, decisions, lessons, an improvement plan."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html

        var reviewFormat: ReviewFormat {
            switch self {
            case .md: .markdown
            case .html: .html
            }
        }
    }

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Option(help: "Output format: md or html.")
    var format: Format = .md

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var document: ExportCommand.DocumentOptions
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        var input = try document.input(for: id, home: homeOption)
        if input.isExercise { input.scenario = Self.scenarioCopy(of: input.incidentID, home: homeOption) }
        let text = IncidentReview.render(input, format: format.reviewFormat)
        try ExportCommand.write(to: output) { sink in
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBytes { try sink.write($0) }
        }
    }

    /// The scenario copy of an exercise, parsed; nil when the incident has
    /// none. A copy that cannot be read or parsed gives a warning on stderr
    /// and nil: the review is then the ordinary one, still marked as an exercise.
    static func scenarioCopy(of incidentID: String, home: HomeOption) -> Scenario? {
        let folder: IncidentFolder
        let bytes: [UInt8]
        do {
            folder = try IncidentEnvironment.catalog(home.home).resolve(incidentID)
            guard let read = try folder.scenarioBytes() else { return nil }
            bytes = read
        } catch {
            warn("cannot read the scenario copy of \(incidentID): \(error)")
            return nil
        }
        let result = DocumentParser.parse(SourceFile(path: folder.scenarioPath, bytes: bytes), as: .scenario)
        guard let scenario = result.scenario, !result.hasErrors else {
            let first = result.errors.first.map { "line \($0.line): \($0.message)" } ?? "not a scenario"
            warn("\(folder.scenarioPath): the scenario copy does not parse (\(first))")
            return nil
        }
        return scenario
    }

    private static func warn(_ problem: String) {
        StandardStreams.writeError(
            "vakt: warning: " + TerminalSafeText.sanitize(problem) + "; writing the ordinary review instead of the evaluation report\n")
    }
}
