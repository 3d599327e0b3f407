import ArgumentParser
import Glibc
import IncidentEngine

/// `vakt note ID TEXT`: adds a note (TEXT `-` reads standard input).
struct NoteCommand: ParsableCommand, RecordingCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add a note to an incident (TEXT '-' reads standard input)."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Argument(help: "The note; '-' reads it from standard input.")
    var text: String

    @Option(help: ArgumentHelp("The step the note is about.", valueName: "step"))
    var step: String?

    @Flag(help: "Mark the note as a lesson for the review.")
    var lesson = false

    @OptionGroup var time: TimeOption
    @OptionGroup var actorOption: ActorOption
    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let body = text == "-" ? try Self.readStandardInput() : text
        try record(.note(text: body, step: step, lesson: lesson))
    }

    /// All of standard input as UTF-8, without one trailing newline.
    static func readStandardInput() throws -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("cannot read standard input: \(String(cString: strerror(errno)))", exitCode: 2)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > 1 << 20 { throw CommandFailure("the note is over 1 MiB; not recorded", exitCode: 2) }
        }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure("standard input is not UTF-8 text; not recorded", exitCode: 2)
        }
        return text
    }
}
