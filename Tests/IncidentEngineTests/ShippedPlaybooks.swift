import Foundation
import PlaybookFormat
import Testing

/// The playbooks shipped in the repository's `playbooks/` folder, read in
/// place (found from this file's path), never copied into fixtures.
enum ShippedPlaybooks {
    /// The repository's `playbooks/` folder.
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // IncidentEngineTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the repository
            .appendingPathComponent("playbooks")
    }

    /// The file names of every `*.playbook` in the folder, sorted.
    static var fileNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".playbook") && !$0.hasPrefix(".") }.sorted()
    }

    /// The suffix that marks an English twin: `ransomware-en.playbook` is the twin of `ransomware.playbook`.
    static let englishSuffix = "-en.playbook"

    /// Each English playbook with its bokmål twin, as file names: (bokmål, English).
    static var twins: [Twin] {
        let names = Set(fileNames)
        return fileNames.filter { $0.hasSuffix(englishSuffix) }.compactMap { english in
            let bokmal = String(english.dropLast(englishSuffix.count)) + ".playbook"
            return names.contains(bokmal) ? Twin(bokmal: bokmal, english: english) : nil
        }
    }

    /// Parses a shipped playbook; a file with errors fails the calling test.
    static func playbook(_ fileName: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Playbook {
        let url = folder.appendingPathComponent(fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        let result = Playbook.parse(text, path: "playbooks/\(fileName)")
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(fileName): \(errors)", sourceLocation: sourceLocation)
        return try #require(result.playbook, "\(fileName) did not parse", sourceLocation: sourceLocation)
    }

    /// A bokmål playbook and its English translation, by file name.
    struct Twin: Sendable, CustomTestStringConvertible {
        let bokmal: String
        let english: String

        var testDescription: String { "\(bokmal) / \(english)" }
    }
}
