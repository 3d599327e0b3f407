/// Reads the indentation structure of a file into entries, whatever the kind
/// of document, and reports every structural problem once.
///
/// The reader is a recursive descent over lines with one line of lookahead.
/// It recurses only into blocks the grammar defines (at most four levels), so
/// that hostile input such as 200 levels of indentation is skipped iteratively
/// with one diagnostic instead of recursing.
struct DocumentReader {
    let source: SourceFile
    private var lines: LineReader
    private var lookahead: Line?
    private(set) var diagnostics: [Diagnostic] = []
    private var errorCount = 0
    /// Set once too many errors were reported: the rest of the file is not read.
    private(set) var stopped = false

    static let maximumErrors = 100

    init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.lines = LineReader(bytes: bytes)
        self.lookahead = nil
        advance()
    }

    private var bytes: UnsafeBufferPointer<UInt8> { lines.bytes }

    // MARK: Diagnostics

    mutating func error(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String? = nil) {
        add(Diagnostic(.error, code, message, in: source, at: span, help: help))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at span: SourceSpan, help: String? = nil) {
        add(Diagnostic(.warning, code, message, in: source, at: span, help: help))
    }

    private mutating func add(_ diagnostic: Diagnostic) {
        guard !stopped else { return }
        if diagnostic.isError {
            errorCount += 1
            if errorCount > Self.maximumErrors {
                stopped = true
                diagnostics.append(Diagnostic(
                    .error, .tooManyErrors, "too many errors (\(Self.maximumErrors)); stopped reading this file",
                    in: source, at: diagnostic.span))
                return
            }
        }
        diagnostics.append(diagnostic)
    }

    // MARK: Lines

    private mutating func advance() {
        lookahead = lines.nextLine()
        flushLineProblems()
    }

    private mutating func flushLineProblems() {
        guard !lines.problems.isEmpty else { return }
        let problems = lines.problems
        lines.problems.removeAll(keepingCapacity: true)
        for (code, severity, message, span) in problems {
            add(Diagnostic(severity, code, message, in: source, at: span))
        }
    }

    /// The next line that is neither blank nor a comment, without consuming it.
    private mutating func peekContent() -> Line? {
        while let line = lookahead, !stopped {
            // Comments, and lines whose tab indentation was reported and leaves their place unknown.
            if line.isBlank || bytes[line.contentStart] == UInt8(ascii: "#") || line.hasTabIndent {
                advance()
            } else {
                return line
            }
        }
        return nil
    }

    /// True when the file holds nothing but blank lines and comments.
    var isEmpty: Bool {
        mutating get { peekContent() == nil && !stopped }
    }

    /// The first content line of the file, for documents that miss a required field.
    mutating func firstContentSpan() -> SourceSpan {
        peekContent()?.contentSpan ?? .fileStart
    }

    /// Consumes every line indented deeper than `indent` (and blank lines between them).
    private mutating func skipLines(deeperThan indent: Int) {
        while let line = peekContent(), line.indent > indent { advance() }
    }

    // MARK: Strings

    func string(_ from: Int, _ to: Int) -> String {
        guard to > from else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    func located(_ from: Int, _ to: Int, line: Int) -> Located<String> {
        Located(string(from, to), at: SourceSpan(start: from, end: to, line: line))
    }

    // MARK: Structure

    /// Calls `body` for each entry indented under a parent at `parentIndent`
    /// (-1 for the top level), with its items and text already read.
    ///
    /// Keys given twice in one block are reported here, once for every kind of
    /// block. Lines indented deeper than a sibling that nobody consumed are
    /// reported as unexpected indentation.
    mutating func forEachEntry(under parentIndent: Int, _ body: (inout DocumentReader, Entry) -> Void) {
        var childIndent: Int? = parentIndent < 0 ? 0 : nil
        var seenKeys: [(key: String, line: Int)] = []
        while !stopped, let line = peekContent() {
            if line.indent <= parentIndent { return }
            let indent = childIndent ?? line.indent
            childIndent = indent
            if line.indent > indent {
                error(.unexpectedIndentation, "unexpected indentation", at: line.span(line.start, line.contentStart),
                      help: Self.indentationHelp(expected: indent))
                skipLines(deeperThan: indent)
                continue
            }
            if line.indent < indent {
                error(.inconsistentDedent,
                      "indented by \(line.indent) spaces, which matches no enclosing level",
                      at: line.span(line.start, line.contentStart),
                      help: "siblings here are indented by \(indent) spaces, the block they belong to by \(max(parentIndent, 0))")
            }
            advance()
            guard var entry = parseEntry(line) else {
                skipLines(deeperThan: line.indent)
                continue
            }
            readAttachments(of: &entry)
            if entry.form == .field || entry.form == .textBlock {
                if let first = seenKeys.first(where: { $0.key == entry.key.value }) {
                    error(.duplicateKey, "duplicate key '\(entry.key.value)'; it was first given on line \(first.line)",
                          at: entry.key.span)
                    continue
                }
                seenKeys.append((entry.key.value, line.number))
            }
            body(&self, entry)
            // Children of a block the decoder did not read (an unknown block kind, say).
            if entry.form == .block, let next = peekContent(), next.indent > line.indent, !stopped {
                skipLines(deeperThan: line.indent)
            }
        }
    }

    private static func indentationHelp(expected: Int) -> String {
        expected == 0 ? "top-level entries start at the first column" : "siblings here are indented by \(expected) spaces"
    }

    /// Reads the `- item` lines under a field, or the text of a `key: |` block.
    private mutating func readAttachments(of entry: inout Entry) {
        switch entry.form {
        case .textBlock:
            entry.value = readTextBlock(after: entry)
        case .field:
            guard let next = peekContent(), next.indent > entry.line.indent, isItem(next) else { return }
            let itemIndent = next.indent
            while !stopped, let line = peekContent(), line.indent > entry.line.indent {
                if line.indent != itemIndent || !isItem(line) {
                    if line.indent > itemIndent {
                        error(.unexpectedIndentation, "unexpected indentation under a list item",
                              at: line.span(line.start, line.contentStart))
                        skipLines(deeperThan: itemIndent)
                    } else {
                        error(.expectedListItem, "expected a list item ('- …') in '\(entry.key.value)'",
                              at: line.contentSpan)
                        advance()
                        skipLines(deeperThan: line.indent)
                    }
                    continue
                }
                advance()
                if let item = parseEntry(line) { entry.items.append(item) }
            }
        case .block, .item:
            return
        }
    }

    private func isItem(_ line: Line) -> Bool {
        bytes[line.contentStart] == UInt8(ascii: "-")
            && (line.contentStart + 1 == line.contentEnd || bytes[line.contentStart + 1] == 0x20)
    }

    /// The text of a `key: |` block: the following lines indented deeper than the
    /// key, common indentation removed, blank lines inside kept, trailing ones dropped.
    private mutating func readTextBlock(after entry: Entry) -> Located<String>? {
        var collected: [Line] = []
        var lastContent = -1
        var common = Int.max
        while !stopped, let line = lookahead {
            if line.isBlank {
                collected.append(line)
                advance()
                continue
            }
            guard line.indent > entry.line.indent else { break }
            collected.append(line)
            lastContent = collected.count - 1
            common = min(common, line.indent)
            advance()
        }
        let marker = entry.blockMarker ?? entry.key.span
        guard lastContent >= 0 else {
            error(.emptyValue, "empty text block for '\(entry.key.value)'", at: marker,
                  help: "write the text on the following lines, indented deeper than '\(entry.key.value)'")
            return nil
        }
        // One allocation: copy each line's bytes (less the common indentation) straight from the input.
        let capacity = collected[lastContent].contentEnd - collected[0].start
        let source = bytes
        let text = String(unsafeUninitializedCapacity: capacity) { output in
            var count = 0
            for (index, line) in collected[...lastContent].enumerated() {
                if index > 0 {
                    output[count] = 0x0A
                    count += 1
                }
                if !line.isBlank {
                    let from = line.start + common
                    let length = line.contentEnd - from
                    _ = UnsafeMutableBufferPointer(rebasing: output[count ..< count + length])
                        .initialize(from: UnsafeBufferPointer(rebasing: source[from ..< line.contentEnd]))
                    count += length
                }
            }
            return count
        }
        if let swallowed = collected[...lastContent].first(where: looksLikeBlockHeader) {
            error(.unterminatedTextBlock,
                  "the text block of '\(entry.key.value)' runs on into line \(swallowed.number), which looks like an entry",
                  at: marker,
                  help: "a text block ends at the first line indented no deeper than '\(entry.key.value)'; dedent line \(swallowed.number)")
        }
        let first = collected.first { !$0.isBlank } ?? collected[0]
        let last = collected[lastContent]
        return Located(text, at: SourceSpan(start: first.start + common, end: last.contentEnd, line: first.number))
    }

    /// `phase x: …`, `step x: …` and the like, which almost never start a line of prose.
    private func looksLikeBlockHeader(_ line: Line) -> Bool {
        guard !line.isBlank else { return false }
        // Cheap first-byte filter: only p, s, d, i and c can start a block kind.
        switch bytes[line.contentStart] {
        case UInt8(ascii: "p"), UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "c"): break
        default: return false
        }
        for kind in Self.blockKinds {
            guard line.contentEnd - line.contentStart > kind.count else { continue }
            var matches = true
            for offset in 0..<kind.count where bytes[line.contentStart + offset] != kind[offset] {
                matches = false
                break
            }
            if matches {
                var index = line.contentStart + kind.count
                var sawID = false
                while index < line.contentEnd, Identifier.isIDByte(bytes[index]) { index += 1; sawID = true }
                return sawID && index < line.contentEnd && bytes[index] == UInt8(ascii: ":")
            }
        }
        return false
    }

    private static let blockKinds: [[UInt8]] = ["phase ", "step ", "deadline ", "inject ", "contact "].map { Array($0.utf8) }

    // MARK: Entries

    /// Parses the content of one line into an entry; reports and returns nil when it is none.
    private mutating func parseEntry(_ line: Line) -> Entry? {
        let start = line.contentStart
        let end = line.contentEnd
        if isItem(line) {
            var textStart = start + 1
            while textStart < end, bytes[textStart] == 0x20 { textStart += 1 }
            let value = textStart < end ? located(textStart, end, line: line.number) : nil
            if value == nil {
                error(.emptyValue, "empty list item", at: line.span(start, start + 1))
            }
            return Entry(form: .item, line: line, key: located(start, start + 1, line: line.number), value: value)
        }
        var colon = start
        while colon < end, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < end else {
            error(.expectedEntry, "expected 'key: value', '- item' or 'KIND ID: Title'", at: line.contentSpan,
                  help: "text that runs over several lines belongs in a text block ('key: |')")
            return nil
        }
        var headEnd = colon
        while headEnd > start, bytes[headEnd - 1] == 0x20 { headEnd -= 1 }
        var wordEnd = start
        while wordEnd < headEnd, bytes[wordEnd] != 0x20 { wordEnd += 1 }
        let key = located(start, wordEnd, line: line.number)
        guard isPlainKey(start, wordEnd) || checkKey(key) else { return nil }

        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        let value = valueStart < end ? located(valueStart, end, line: line.number) : nil

        if wordEnd < headEnd {
            var idStart = wordEnd
            while idStart < headEnd, bytes[idStart] == 0x20 { idStart += 1 }
            let id = located(idStart, headEnd, line: line.number)
            if UnsafeBufferPointer(rebasing: bytes[idStart..<headEnd]).contains(0x20) {
                error(.expectedEntry, "expected 'KIND ID: Title' with one word for the ID", at: id.span)
                return nil
            }
            return Entry(form: .block, line: line, key: key, id: id, value: value)
        }
        if let value, value.value == "|" {
            return Entry(form: .textBlock, line: line, key: key, value: nil, blockMarker: value.span)
        }
        return Entry(form: .field, line: line, key: key, value: value)
    }

    /// The fast path of `checkKey`, on the bytes: `[a-z][a-z0-9-]*`.
    private func isPlainKey(_ from: Int, _ to: Int) -> Bool {
        guard from < to, bytes[from] >= UInt8(ascii: "a"), bytes[from] <= UInt8(ascii: "z") else { return false }
        for index in from + 1 ..< to where !Identifier.isIDByte(bytes[index]) { return false }
        return true
    }

    /// Keys and KINDs are lower-case ASCII: `[a-z][a-z0-9-]*`.
    private mutating func checkKey(_ key: Located<String>) -> Bool {
        let utf8 = key.value.utf8
        guard let first = utf8.first else {
            error(.expectedEntry, "expected a key before ':'", at: key.span)
            return false
        }
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first), utf8.allSatisfy(Identifier.isIDByte) {
            return true
        }
        let lowered = key.value.lowercased()
        if lowered != key.value, lowered.utf8.allSatisfy(Identifier.isIDByte) {
            error(.invalidKey, "key '\(key.value)' is not lower-case", at: key.span, help: "write '\(lowered)'")
        } else {
            error(.invalidKey, "key '\(key.value)' is not a lower-case ASCII word (a-z, 0-9, '-')", at: key.span)
        }
        return false
    }
}
