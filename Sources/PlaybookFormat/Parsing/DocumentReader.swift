/// Reads the indentation structure of a file into entries, whatever the kind
/// of document, and reports every structural problem once.
///
/// The reader is a recursive descent over lines with one line of lookahead.
/// Decoders pull a block's entries one at a time (`nextEntry(_:)`) and descend
/// only into blocks the grammar defines (at most four levels), so that hostile
/// input such as 200 levels of indentation is skipped iteratively with one
/// diagnostic instead of recursing.
///
/// Entries point into the source bytes; per line the reader allocates nothing
/// once its scratch buffers (`items`, `seenKeys`, `textLines`, `textBytes`) have grown.
struct DocumentReader {
    let source: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    private var lines: LineReader
    private var lookahead: Line?
    private(set) var diagnostics: [Diagnostic] = []
    private var errorCount = 0
    /// Set once too many errors were reported: the rest of the file is not read.
    private(set) var stopped = false
    /// The `- item` lines of the entry read last (see `Entry.items`).
    private(set) var items = ScratchBuffer<ListItem>()
    /// The text of the entry read last when it is a text block; nil when it had none (already
    /// reported), or once a decoder took it.
    private(set) var blockText: Located<String>?
    /// The keys given so far in each open block, innermost last (see `EntryCursor`).
    private var seenKeys = ScratchBuffer<SeenKey>()
    /// The lines of the text block being read, and its text; kept between blocks to reuse their storage.
    private var textLines = ScratchBuffer<Line>()
    private var textBytes: [UInt8] = []
    private let keys = EntryKey.Table.shared

    static let maximumErrors = 100

    /// A field's key, remembered to report the same key given twice in one block.
    private struct SeenKey {
        var key: EntryKey
        var start: Int
        var end: Int
        var line: Int
    }

    init(source: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
        self.lines = LineReader(bytes: bytes)
        self.lookahead = nil
        advance()
    }

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

    /// (Never inlined: it holds the line reader's loop, inlined into it once.)
    @inline(never)
    private mutating func advance() {
        lookahead = lines.nextLine()
        if !lines.problems.isEmpty { flushLineProblems() }
    }

    private mutating func flushLineProblems() {
        let problems = lines.problems
        lines.problems.removeAll(keepingCapacity: true)
        for (code, severity, message, span) in problems {
            add(Diagnostic(severity, code, message, in: source, at: span))
        }
    }

    /// The next line that is neither blank nor a comment, without consuming it.
    @inline(__always)
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

    // The small non-mutating helpers are always inlined: called from a mutating method, a
    // helper that is not inlined gets a copy of the whole reader (a memcpy per call).

    /// The text of `bytes[from..<to]`, from a line with `encoding`: valid UTF-8 is not
    /// checked again; in invalid UTF-8 the invalid bytes become U+FFFD.
    @inline(__always)
    func string(_ from: Int, _ to: Int, _ encoding: LineEncoding) -> String {
        guard to > from else { return "" }
        return encoding.string(UnsafeBufferPointer(rebasing: bytes[from..<to]))
    }

    @inline(__always)
    func located(_ from: Int, _ to: Int, line: Int, _ encoding: LineEncoding) -> Located<String> {
        Located(string(from, to, encoding), at: SourceSpan(start: from, end: to, line: line))
    }

    /// An entry's value (or a block's title) as written.
    @inline(__always)
    func value(_ entry: Entry) -> Located<String> {
        located(entry.valueStart, entry.valueEnd, line: entry.lineNumber, entry.encoding)
    }

    /// A list item's text as written.
    @inline(__always)
    func value(_ item: ListItem) -> Located<String> {
        located(item.valueStart, item.end, line: item.line, item.encoding)
    }

    /// The text of the text block read last, moved out (not copied) to the decoder that stores it.
    mutating func takeBlockText() -> Located<String>? {
        var text: Located<String>?
        swap(&text, &blockText)
        return text
    }

    /// The key, KIND or `-` as written (for diagnostics and `x-` fields).
    @inline(__always)
    func keyText(_ entry: Entry) -> String {
        string(entry.contentStart, entry.keyEnd, .ascii)  // checked to be [a-z][a-z0-9-]* (or `-`)
    }

    /// A block's ID as written.
    @inline(__always)
    func idText(_ entry: Entry) -> Located<String> {
        located(entry.idStart, entry.idEnd, line: entry.lineNumber, entry.encoding)
    }

    // MARK: Structure

    /// Where to start reading the entries indented under a parent at
    /// `parentIndent` (-1 for the top level) with `nextEntry(_:)`.
    @inline(__always)
    func entries(under parentIndent: Int) -> EntryCursor {
        EntryCursor(parentIndent: parentIndent, seenStart: seenKeys.count)
    }

    /// The next entry of the block `cursor` reads, with its items and text
    /// already read; nil after the block's last entry.
    ///
    /// Keys given twice in one block are reported here, once for every kind of
    /// block. Lines indented deeper than a sibling that nobody consumed are
    /// reported as unexpected indentation.
    mutating func nextEntry(_ cursor: inout EntryCursor) -> Entry? {
        // Children of the previous block that its decoder did not read (an unknown block kind, say).
        if let blockIndent = cursor.openBlockIndent {
            cursor.openBlockIndent = nil
            if let next = peekContent(), next.indent > blockIndent, !stopped {
                skipLines(deeperThan: blockIndent)
            }
        }
        // Keys of blocks nested in this one are done with.
        seenKeys.truncate(to: cursor.seenEnd)
        items.removeAll()
        blockText = nil

        while !stopped, let line = peekContent() {
            if line.indent <= cursor.parentIndent { return nil }
            let indent = cursor.childIndent ?? line.indent
            cursor.childIndent = indent
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
                      help: "siblings here are indented by \(indent) spaces, the block they belong to by \(max(cursor.parentIndent, 0))")
            }
            advance()
            guard var entry = parseEntry(line) else {
                skipLines(deeperThan: line.indent)
                continue
            }
            readAttachments(of: &entry)
            if entry.form == .field || entry.form == .textBlock {
                // A known key is looked for among the block's keys only when its bit says it is there.
                if !entry.key.isKnown || cursor.seenKnownKeys & entry.key.bit != 0,
                   let firstLine = firstLine(ofKeyIn: entry, cursor) {
                    error(.duplicateKey, "duplicate key '\(keyText(entry))'; it was first given on line \(firstLine)",
                          at: entry.keySpan)
                    continue
                }
                seenKeys.append(SeenKey(key: entry.key, start: line.contentStart, end: entry.keyEnd, line: line.number))
                cursor.seenEnd = seenKeys.count
                if entry.key.isKnown { cursor.seenKnownKeys |= entry.key.bit }
            } else if entry.form == .block {
                cursor.openBlockIndent = line.indent
            }
            return entry
        }
        return nil
    }

    /// The line where `entry`'s key was first given in the block `cursor` reads, if it was.
    /// (Mutating so that it works on the reader in place, not on a copy of it.)
    private mutating func firstLine(ofKeyIn entry: Entry, _ cursor: EntryCursor) -> Int? {
        let start = entry.contentStart
        let length = entry.keyEnd - start
        for index in cursor.seenStart..<cursor.seenEnd where seenKeys[index].key == entry.key {
            let seen = seenKeys[index]
            if entry.key.isKnown { return seen.line }
            if seen.end - seen.start == length,
               UnsafeBufferPointer(rebasing: bytes[seen.start..<seen.end])
                .elementsEqual(UnsafeBufferPointer(rebasing: bytes[start..<entry.keyEnd])) {
                return seen.line
            }
        }
        return nil
    }

    private static func indentationHelp(expected: Int) -> String {
        expected == 0 ? "top-level entries start at the first column" : "siblings here are indented by \(expected) spaces"
    }

    /// Reads the `- item` lines under a field, or the text of a `key: |` block.
    private mutating func readAttachments(of entry: inout Entry) {
        switch entry.form {
        case .textBlock:
            blockText = readTextBlock(after: entry)
        case .field:
            guard let next = peekContent(), next.indent > entry.indent, isItem(next) else { return }
            let itemIndent = next.indent
            let first = items.count
            while !stopped, let line = peekContent(), line.indent > entry.indent {
                if line.indent != itemIndent || !isItem(line) {
                    if line.indent > itemIndent {
                        error(.unexpectedIndentation, "unexpected indentation under a list item",
                              at: line.span(line.start, line.contentStart))
                        skipLines(deeperThan: itemIndent)
                    } else {
                        error(.expectedListItem, "expected a list item ('- …') in '\(keyText(entry))'",
                              at: line.contentSpan)
                        advance()
                        skipLines(deeperThan: line.indent)
                    }
                    continue
                }
                advance()
                items.append(parseItem(line))
            }
            entry.items = first..<items.count
        case .block, .item:
            return
        }
    }

    @inline(__always)
    private func isItem(_ line: Line) -> Bool {
        bytes[line.contentStart] == UInt8(ascii: "-")
            && (line.contentStart + 1 == line.contentEnd || bytes[line.contentStart + 1] == 0x20)
    }

    /// The text of a `key: |` block: the following lines indented deeper than the
    /// key, common indentation removed, blank lines inside kept, trailing ones dropped.
    private mutating func readTextBlock(after entry: Entry) -> Located<String>? {
        textLines.removeAll()
        var lastContent = -1
        var common = Int.max
        while !stopped, let line = lookahead {
            if line.isBlank {
                textLines.append(line)
                advance()
                continue
            }
            guard line.indent > entry.indent else { break }
            textLines.append(line)
            lastContent = textLines.count - 1
            common = min(common, line.indent)
            advance()
        }
        let marker = entry.blockMarker
        guard lastContent >= 0 else {
            let key = keyText(entry)
            error(.emptyValue, "empty text block for '\(key)'", at: marker,
                  help: "write the text on the following lines, indented deeper than '\(key)'")
            return nil
        }
        let lineCount = lastContent + 1  // (half-open ranges below: a closed one iterates through generic code)
        let text = joinedText(lineCount: lineCount, less: common)
        var swallowed: Line?
        for index in 0..<lineCount where looksLikeBlockHeader(textLines[index]) {
            swallowed = textLines[index]
            break
        }
        if let swallowed {
            let key = keyText(entry)
            error(.unterminatedTextBlock,
                  "the text block of '\(key)' runs on into line \(swallowed.number), which looks like an entry",
                  at: marker,
                  help: "a text block ends at the first line indented no deeper than '\(key)'; dedent line \(swallowed.number)")
        }
        var first = textLines[0]
        for index in 0..<lineCount where !textLines[index].isBlank {
            first = textLines[index]
            break
        }
        let last = textLines[lastContent]
        return Located(text, at: SourceSpan(start: first.start + common, end: last.contentEnd, line: first.number))
    }

    /// The first `lineCount` lines of `textLines` less `common` columns of indentation, joined with
    /// newlines: in a buffer kept between blocks, then one string, whose bytes are not checked again
    /// when the line reader found them valid.
    private mutating func joinedText(lineCount: Int, less common: Int) -> String {
        var length = lineCount - 1
        var encoding = LineEncoding.ascii
        for index in 0..<lineCount where !textLines[index].isBlank {
            length += textLines[index].contentEnd - (textLines[index].start + common)
            encoding = max(encoding, textLines[index].encoding)
        }
        if textBytes.count < length { textBytes = [UInt8](repeating: 0, count: max(length, 2 * textBytes.count)) }
        let source = bytes
        let lines = textLines
        return textBytes.withUnsafeMutableBufferPointer { buffer in
            guard let output = buffer.baseAddress, let input = source.baseAddress else { return "" }
            var count = 0
            for index in 0..<lineCount {
                if index > 0 {
                    output[count] = 0x0A
                    count += 1
                }
                let line = lines[index]
                if !line.isBlank {
                    let from = line.start + common
                    (output + count).update(from: input + from, count: line.contentEnd - from)
                    count += line.contentEnd - from
                }
            }
            return encoding.string(UnsafeBufferPointer(start: output, count: count))
        }
    }

    /// `phase x: …`, `step x: …` and the like, which almost never start a line of prose.
    private func looksLikeBlockHeader(_ line: Line) -> Bool {
        guard !line.isBlank else { return false }
        // Cheap first-byte filter: only p, s, d, i and c can start a block kind.
        switch bytes[line.contentStart] {
        case UInt8(ascii: "p"), UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "c"): break
        default: return false
        }
        // The first word, if it is a block kind (the longest, `deadline`, has eight letters).
        var wordEnd = line.contentStart
        while wordEnd < line.contentEnd, wordEnd - line.contentStart <= 8, bytes[wordEnd] != 0x20 { wordEnd += 1 }
        guard wordEnd < line.contentEnd, bytes[wordEnd] == 0x20 else { return false }
        switch keys.key(bytes, from: line.contentStart, to: wordEnd) {
        case .phase, .step, .deadline, .inject, .contact: break
        default: return false
        }
        var index = wordEnd + 1
        var sawID = false
        while index < line.contentEnd, Identifier.isIDByte(bytes[index]) { index += 1; sawID = true }
        return sawID && index < line.contentEnd && bytes[index] == UInt8(ascii: ":")
    }

    // MARK: Entries

    /// Parses the content of one line into an entry; reports and returns nil when it is none.
    private mutating func parseEntry(_ line: Line) -> Entry? {
        let start = line.contentStart
        let end = line.contentEnd
        if isItem(line) {
            let item = parseItem(line)
            var entry = Entry(.item, .other, line: line, keyEnd: start + 1)
            entry.valueStart = item.valueStart
            entry.valueEnd = item.end
            return entry
        }
        // Most lines are `key: value`: the first colon or space is the colon that ends the key.
        var colon = firstColonOrSpace(from: start, to: end)
        var headEnd = colon
        var wordEnd = colon
        if colon == end || bytes[colon] != UInt8(ascii: ":") {
            while colon < end, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            guard colon < end else {
                error(.expectedEntry, "expected 'key: value', '- item' or 'KIND ID: Title'", at: line.contentSpan,
                      help: "text that runs over several lines belongs in a text block ('key: |')")
                return nil
            }
            headEnd = colon
            while headEnd > start, bytes[headEnd - 1] == 0x20 { headEnd -= 1 }
            wordEnd = start
            while wordEnd < headEnd, bytes[wordEnd] != 0x20 { wordEnd += 1 }
        }
        // A key the format defines is well-formed; only others need checking.
        let key = keys.key(bytes, from: start, to: wordEnd)
        guard key.isKnown || isPlainKey(start, wordEnd) else {
            reportInvalidKey(start, wordEnd, line: line.number)
            return nil
        }

        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }

        if wordEnd < headEnd {
            var idStart = wordEnd
            while idStart < headEnd, bytes[idStart] == 0x20 { idStart += 1 }
            if UnsafeBufferPointer(rebasing: bytes[idStart..<headEnd]).contains(0x20) {
                error(.expectedEntry, "expected 'KIND ID: Title' with one word for the ID",
                      at: line.span(idStart, headEnd))
                return nil
            }
            var entry = Entry(.block, key, line: line, keyEnd: wordEnd)
            entry.idStart = idStart
            entry.idEnd = headEnd
            entry.valueStart = valueStart
            entry.valueEnd = end
            return entry
        }
        let form: Entry.Form = end - valueStart == 1 && bytes[valueStart] == UInt8(ascii: "|") ? .textBlock : .field
        var entry = Entry(form, key, line: line, keyEnd: wordEnd)
        entry.valueStart = valueStart
        entry.valueEnd = end
        return entry
    }

    /// The offset of the first `:` or space in `bytes[from..<to]` (`to` if there is none),
    /// looking at eight bytes at a time.
    @inline(__always)
    private func firstColonOrSpace(from: Int, to: Int) -> Int {
        var index = from
        if let base = bytes.baseAddress {
            while index + 8 <= to {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let colons = word ^ 0x3A3A_3A3A_3A3A_3A3A
                let spaces = word ^ 0x2020_2020_2020_2020
                // The high bit of each zero byte (exact for the lowest one, which is all that is used).
                let found = ((colons &- 0x0101_0101_0101_0101) & ~colons | (spaces &- 0x0101_0101_0101_0101) & ~spaces)
                    & 0x8080_8080_8080_8080
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < to, bytes[index] != UInt8(ascii: ":"), bytes[index] != 0x20 { index += 1 }
        return index
    }

    /// A `- item` line; an item with no text is reported (and kept, without a value).
    @inline(__always)
    private mutating func parseItem(_ line: Line) -> ListItem {
        let start = line.contentStart
        let end = line.contentEnd
        var textStart = start + 1
        while textStart < end, bytes[textStart] == 0x20 { textStart += 1 }
        if textStart == end {
            error(.emptyValue, "empty list item", at: line.span(start, start + 1))
        }
        return ListItem(line: line.number, start: start, valueStart: textStart, end: end,
                        encoding: line.encoding)
    }

    /// Keys and KINDs are lower-case ASCII: `[a-z][a-z0-9-]*`.
    @inline(__always)
    private func isPlainKey(_ from: Int, _ to: Int) -> Bool {
        guard from < to, bytes[from] >= UInt8(ascii: "a"), bytes[from] <= UInt8(ascii: "z") else { return false }
        for index in from + 1 ..< to where !Identifier.isIDByte(bytes[index]) { return false }
        return true
    }

    /// Says what is wrong with a key that is not `[a-z][a-z0-9-]*`.
    private mutating func reportInvalidKey(_ from: Int, _ to: Int, line: Int) {
        let key = located(from, to, line: line, .invalid)  // (as good as any encoding for a diagnostic)
        guard from < to else {
            error(.expectedEntry, "expected a key before ':'", at: key.span)
            return
        }
        let lowered = key.value.lowercased()
        if lowered != key.value, lowered.utf8.allSatisfy(Identifier.isIDByte) {
            error(.invalidKey, "key '\(key.value)' is not lower-case", at: key.span, help: "write '\(lowered)'")
        } else {
            error(.invalidKey, "key '\(key.value)' is not a lower-case ASCII word (a-z, 0-9, '-')", at: key.span)
        }
    }
}
