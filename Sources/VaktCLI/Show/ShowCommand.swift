import ArgumentParser
import PlaybookFormat
import Reports

/// `vakt show PLAYBOOK`: the playbook for reading, or for the printed binder.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a playbook for reading or for a printed binder (text, md or html)."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case md
        case html
    }

    @Argument(help: "A playbook id or a path to a .playbook file.")
    var playbook: String

    @Option(help: "Output format: text, md or html.")
    var format: OutputFormat = .text

    @Option(name: .customLong("contacts"), help: "A contact list to look 'notify' ids up in (repeatable).")
    var contactFiles: [String] = []

    @Option(help: "The folder to find playbooks in.")
    var playbooks: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let loaded = try LoadedPlaybook.find(playbook, locator: PlaybookLocator(explicitFolder: playbooks))
        let parsed = loaded.playbook
        let lists = ContactSource.lists(beside: loaded.path, explicit: contactFiles)
        let text = PlaybookBinder.render(
            parsed, contacts: lists, format: format.binderFormat,
            language: ReportLanguage(playbookLang: parsed.lang?.value))
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            StandardStreams.write(text.hasSuffix("\n") ? text : text + "\n")
        }
    }
}

extension ShowCommand.OutputFormat {
    var binderFormat: BinderFormat {
        switch self {
        case .text: .text
        case .md: .markdown
        case .html: .html
        }
    }
}
