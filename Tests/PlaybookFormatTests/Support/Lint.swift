import Testing
@testable import PlaybookFormat

/// Parses `text` as a document of `kind` and returns the result.
func parse(_ text: String, as kind: DocumentKind = .playbook, path: String = "test.playbook") -> ParseResult {
    DocumentParser.parse(SourceFile(path: path, text: text), as: kind)
}

func parse(bytes: [UInt8], as kind: DocumentKind = .playbook) -> ParseResult {
    DocumentParser.parse(SourceFile(path: "test.playbook", bytes: bytes), as: kind)
}

/// `code@line:column` for each diagnostic, the form the tests compare.
func positions(_ result: ParseResult) -> [String] {
    result.diagnostics.map { "\($0.code.rawValue)@\($0.line):\($0.column)" }
}

/// Expects exactly one diagnostic with `code`, at `line`:`column`, and returns it.
@discardableResult
func expectOne(
    _ code: DiagnosticCode, at line: Int, _ column: Int, in result: ParseResult,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let matching = result.diagnostics.filter { $0.code == code }
    #expect(matching.count == 1, "expected one \(code.rawValue), got \(positions(result))", sourceLocation: sourceLocation)
    guard let diagnostic = matching.first else { return nil }
    #expect(diagnostic.line == line, "line of \(code.rawValue): \(positions(result))", sourceLocation: sourceLocation)
    #expect(diagnostic.column == column, "column of \(code.rawValue): \(positions(result))", sourceLocation: sourceLocation)
    return diagnostic
}

/// A minimal valid playbook with all four core stages; `extra` is appended.
func playbook(_ body: String, header: String = "playbook: test\ntitle: Test\n") -> String {
    header + body
}

let coreStages = """
    phase detection: Oppdage
      step triage: Vurder varselet
        do: Se på varselet.
    phase containment: Begrense
      step isolate: Isoler
        do: Koble fra nettet.
    phase recovery: Gjenopprette
      step restore: Gjenopprett
        do: Hent tilbake fra kopi.
    phase normal: Normal drift
      step monitor: Overvåk
        do: Følg med i 14 dager.

    """

/// Loads a fixture from Tests/PlaybookFormatTests/Fixtures.
func fixture(_ name: String, filePath: String = #filePath) throws -> SourceFile {
    var folder = filePath
    while let slash = folder.lastIndex(of: "/"), !folder.hasSuffix("PlaybookFormatTests") {
        folder = String(folder[..<slash])
    }
    let path = folder + "/Fixtures/" + name
    let bytes = try readBytes(path)
    return SourceFile(path: path, bytes: bytes)
}

struct FixtureError: Error { var path: String }

func readBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw FixtureError(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
