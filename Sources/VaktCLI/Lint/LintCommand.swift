import ArgumentParser
import PlaybookFormat

/// `vakt lint PATH...`: checks playbooks, scenarios and contact lists and
/// prints diagnostics as compilers do.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check playbooks, scenarios and contact lists (folders are searched).",
        discussion: "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 a file could not be read."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "Files or folders to check (default: the playbook folder).")
    var paths: [String] = []

    @Flag(help: "Treat warnings as errors (exit 1).")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("contacts"), help: "A contact list to check 'notify' against (repeatable).")
    var contactFiles: [String] = []

    @Option(help: "A folder of playbooks for scenarios to refer to.")
    var playbooks: String?

    func run() throws {
        let locator = PlaybookLocator(explicitFolder: playbooks)
        let targets = paths.isEmpty ? locator.folders : paths
        guard !targets.isEmpty else {
            throw ValidationError("no paths given and no playbook folder found")
        }
        let outcome = LintRun(paths: targets, contactFiles: contactFiles, playbookFolders: locator.folders).run()
        switch format {
        case .json:
            StandardStreams.write(DiagnosticJSON.encode(outcome.diagnostics, files: outcome.filesChecked) + "\n")
        case .text:
            let renderer = DiagnosticRenderer(colors: StandardStreams.wantsColor(1))
            StandardStreams.write(renderer.render(outcome.diagnostics, sources: outcome.sources))
            StandardStreams.write(Self.summary(outcome) + "\n")
        }
        let code = outcome.exitCode(strict: strict)
        if code != 0 { throw ExitCode(code) }
    }

    /// `3 files checked: 1 error, 2 warnings` (bokmål and English share the numbers; the words are English like the diagnostics).
    static func summary(_ outcome: LintRun.Outcome) -> String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        var line = count(outcome.filesChecked, "file") + " checked: "
        line += count(outcome.errorCount, "error") + ", " + count(outcome.warningCount, "warning")
        return line
    }
}
