/// The entry point of the format: bytes in, a document and diagnostics out.
///
/// Any input ends in a result, never a crash: empty, binary, torn or huge
/// files each get a diagnostic with a line and column where there is one.
public enum DocumentParser {
    /// Files larger than this are refused before parsing (the CLI refuses them before reading).
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Parses and validates one file on its own. References to other files
    /// (contacts, a scenario's playbook) are checked by `CrossReferenceValidator`.
    ///
    /// - Parameter kind: the kind of document; when nil, taken from the path's
    ///   extension, else from the first key (`playbook:`, `scenario:`, `contacts:`).
    public static func parse(_ source: SourceFile, as kind: DocumentKind? = nil) -> ParseResult {
        if source.bytes.count > maximumFileSize {
            return ParseResult(document: nil, diagnostics: [Diagnostic(
                fileError: .fileTooLarge,
                "file is \(source.bytes.count) bytes; the limit is \(maximumFileSize) bytes (64 MiB)", path: source.path)])
        }
        if let problem = binaryProblem(in: source) {
            return ParseResult(document: nil, diagnostics: [problem])
        }
        return source.bytes.withUnsafeBufferPointer { buffer in
            var reader = DocumentReader(source: source, bytes: buffer)
            let sniffed = sniffKind(buffer)
            let documentKind = kind ?? DocumentKind(path: source.path) ?? sniffed.kind ?? .playbook
            if reader.isEmpty {
                reader.error(.emptyFile, "empty file", at: .fileStart,
                             help: "a \(documentKind.rawValue) starts with '\(documentKind.rawValue): ID'")
                return ParseResult(document: nil, diagnostics: reader.diagnostics)
            }
            if let other = sniffed.kind, other != documentKind {
                reader.error(.wrongDocumentKind, "this file holds a \(other.rawValue), not a \(documentKind.rawValue)",
                             at: sniffed.span, help: "name it with the extension .\(other.fileExtension)")
                return ParseResult(document: nil, diagnostics: reader.diagnostics)
            }
            var document: Document?
            switch documentKind {
            case .playbook:
                if let (playbook, facts) = PlaybookDecoder.decode(&reader) {
                    PlaybookValidator.validate(playbook, facts, &reader)
                    document = .playbook(playbook)
                }
            case .scenario:
                if let scenario = ScenarioDecoder.decode(&reader) {
                    ScenarioValidator.validate(scenario, &reader)
                    document = .scenario(scenario)
                }
            case .contacts:
                if let contacts = ContactListDecoder.decode(&reader) {
                    ContactListValidator.validate(contacts, &reader)
                    document = .contacts(contacts)
                }
            }
            return ParseResult(document: document, diagnostics: reader.diagnostics.sortedByPosition())
        }
    }

    /// A NUL byte near the start means a binary file: one clear error instead of a flood.
    private static func binaryProblem(in source: SourceFile) -> Diagnostic? {
        let nulOffset = source.bytes.withUnsafeBufferPointer { firstNUL(in: UnsafeBufferPointer(rebasing: $0.prefix(8192))) }
        guard let nul = nulOffset else { return nil }
        let line = 1 + source.bytes[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return Diagnostic(.error, .binaryFile, "this looks like a binary file (NUL byte); expected UTF-8 text",
                          in: source, at: SourceSpan(start: nul, end: nul + 1, line: line))
    }

    /// The offset of the first NUL byte, looking at eight bytes at a time.
    private static func firstNUL(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Some byte is zero exactly when this is not zero.
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] == 0 { return index }
            index += 1
        }
        return nil
    }

    /// The kind named by the first key of the file (`playbook:`, `scenario:`,
    /// `contacts:`), with the span of that key; nil when it starts with another key.
    private static func sniffKind(_ bytes: UnsafeBufferPointer<UInt8>) -> (kind: DocumentKind?, span: SourceSpan) {
        var reader = LineReader(bytes: bytes)
        while let line = reader.nextLine() {
            guard !line.isBlank, bytes[line.contentStart] != UInt8(ascii: "#"), line.indent == 0 else { continue }
            for kind in DocumentKind.allCases {
                let key = Array((kind.rawValue + ":").utf8)
                if line.contentEnd - line.contentStart >= key.count,
                   bytes[line.contentStart..<line.contentStart + key.count].elementsEqual(key) {
                    return (kind, line.span(line.contentStart, line.contentStart + key.count - 1))
                }
            }
            return (nil, line.contentSpan)
        }
        return (nil, .fileStart)
    }
}

/// What parsing one file produced.
public struct ParseResult: Sendable {
    /// The document, also when it has errors (as far as it could be read);
    /// nil only when the file is unusable (empty, binary, too large).
    public var document: Document?
    /// Errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    public init(document: Document?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }

    public var playbook: Playbook? {
        if case .playbook(let playbook) = document { return playbook }
        return nil
    }

    public var scenario: Scenario? {
        if case .scenario(let scenario) = document { return scenario }
        return nil
    }

    public var contactList: ContactList? {
        if case .contacts(let list) = document { return list }
        return nil
    }
}

extension Playbook {
    /// Parses a playbook from text; the playbook is nil when it has errors.
    public static func parse(_ text: String, path: String = "<memory>") -> (playbook: Playbook?, diagnostics: [Diagnostic]) {
        let result = DocumentParser.parse(SourceFile(path: path, text: text), as: .playbook)
        return (result.hasErrors ? nil : result.playbook, result.diagnostics)
    }
}

extension Array where Element == Diagnostic {
    /// In file order; on one line, in column order; otherwise in the order they were found.
    func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.path != b.path { return a.path < b.path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
