import ArgumentParser

/// `vakt close ID`: closes the incident.
struct CloseCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close the incident."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Option(help: "A closing note.")
    var note: String?

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        try record(.close(note: note))
    }
}
