import ArgumentParser
import Reports

/// `vakt review ID [--format md|html] [-o FILE]`: the post-incident review —
/// time to each stage and to the end, each step against its target, every
/// deadline's margin, the decisions, the skipped steps, the lessons, and an
/// improvement plan to fill in.
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
        let input = try document.input(for: id, home: homeOption)
        let text = IncidentReview.render(input, format: format.reviewFormat)
        try ExportCommand.write(to: output) { sink in
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBytes { try sink.write($0) }
        }
    }
}
