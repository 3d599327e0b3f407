import ArgumentParser

/// What every command that opens the terminal UI takes (`vakt`, `vakt run`,
/// `vakt resume`), declared once so the three agree on names and defaults.
struct InterfaceOptions: ParsableArguments {
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case nb, en
    }

    @Option(help: "The UI's language: nb (bokmål) or en (default: from LC_ALL/LANG; a Norwegian locale gives nb).")
    var lang: Language?

    @Option(help: ArgumentHelp("The folder to find playbooks and their contact lists in.", valueName: "dir"))
    var playbooks: String?

    /// For the start-up benchmark: leave right after the first frame is on screen.
    @Flag(name: .customLong("first-frame"), help: .hidden)
    var firstFrame = false

    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    /// The values read, as plain data.
    var arguments: InterfaceArguments {
        InterfaceArguments(
            lang: lang, playbooks: playbooks, firstFrame: firstFrame, actor: actorOption.actor, home: homeOption.home)
    }

    func settings() throws -> RunnerSettings {
        try arguments.settings()
    }
}
