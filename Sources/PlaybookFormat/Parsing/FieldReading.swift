/// Typed reading of entry values, shared by the decoders of every document
/// kind so that each rule (empty values, ids, durations, lists) is checked
/// in one place and reported the same way everywhere.
///
/// Values are read from the source bytes; a `String` is made only for what
/// the model keeps, or a diagnostic quotes.
extension DocumentReader {
    /// A text value, on one line or (when `allowBlock`) as a `key: |` block.
    mutating func text(_ entry: Entry, allowBlock: Bool = true) -> Located<String>? {
        guard hasText(entry, allowBlock: allowBlock) else { return nil }
        if entry.form == .textBlock { return takeBlockText() }
        return value(entry)
    }

    /// True when `entry` holds a value that `text(_:allowBlock:)` returns; reports why not otherwise.
    /// Without `allowBlock` the value is `entry.valueStart..<entry.valueEnd`.
    private mutating func hasText(_ entry: Entry, allowBlock: Bool) -> Bool {
        if !entry.items.isEmpty {
            let key = keyText(entry)
            error(.expectedEntry, "'\(key)' takes a value, not a list", at: items[entry.items.lowerBound].contentSpan,
                  help: allowBlock ? "for several lines of text write '\(key): |' and indent the text" : nil)
            return false
        }
        if entry.form == .textBlock {
            guard allowBlock else {
                error(.textBlockNotAllowed, "'\(keyText(entry))' takes a value on the same line, not a text block",
                      at: entry.blockMarker)
                return false
            }
            return blockText != nil
        }
        guard entry.hasValue else {
            if entry.form == .field {
                let key = keyText(entry)
                error(.emptyValue, "empty value for '\(key)'", at: entry.keySpan,
                      help: allowBlock ? "write the value after the colon, or '\(key): |' and the text on the lines below" : "write the value after the colon")
            }
            return false
        }
        return true
    }

    /// A value that must be an id (`[a-z0-9][a-z0-9-]*`).
    mutating func id(_ entry: Entry, what: String) -> Located<String>? {
        guard hasText(entry, allowBlock: false) else { return nil }
        return checkedID(entry.valueStart, entry.valueEnd, line: entry.lineNumber, what: what)
    }

    /// The id written in `bytes[from..<to]` if it is well-formed; reports and returns nil otherwise.
    mutating func checkedID(_ from: Int, _ to: Int, line: Int, what: String) -> Located<String>? {
        if Identifier.isValid(UnsafeBufferPointer(rebasing: bytes[from..<to])) {
            return located(from, to, line: line, .ascii)
        }
        return checkedID(located(from, to, line: line, .invalid), what: what)
    }

    /// The well-formed ids among `parts`, in order; each malformed one is reported.
    /// (Filtered in place: `compactMap` would make a second array for every list.)
    mutating func checkedIDs(_ parts: consuming [Located<String>], what: String) -> [Located<String>] {
        var ids = parts
        var kept = 0
        for index in ids.indices where checkedID(ids[index], what: what) != nil {
            if kept != index { ids[kept] = ids[index] }
            kept += 1
        }
        if kept < ids.count { ids.removeLast(ids.count - kept) }
        return ids
    }

    /// Checks that `value` is a well-formed id; reports and returns nil otherwise.
    mutating func checkedID(_ value: Located<String>, what: String) -> Located<String>? {
        if Identifier.isValid(value.value) { return value }
        error(.invalidID, "invalid \(what) '\(value.value)': ids use a-z, 0-9 and '-', and start with a letter or digit",
              at: value.span, help: Identifier.repaired(value.value).map { "write '\($0)'" })
        return nil
    }

    /// A duration (`45s`, `15m`, `1h30m`, `3d`).
    mutating func duration(_ entry: Entry) -> Located<PlaybookDuration>? {
        guard hasText(entry, allowBlock: false) else { return nil }
        guard let duration = PlaybookDuration(bytes: UnsafeBufferPointer(rebasing: bytes[entry.valueStart..<entry.valueEnd])) else {
            let written = value(entry)
            error(.invalidDuration, "invalid duration '\(written.value)'", at: written.span,
                  help: "write a number and a unit, largest first, without spaces: 45s, 15m, 2h, 1h30m, 3d, 1d12h")
            return nil
        }
        return Located(duration, at: entry.valueSpan)
    }

    /// A list of `- item` lines.
    mutating func list(_ entry: Entry) -> [Located<String>] {
        if entry.form == .textBlock {
            error(.expectedList, "'\(keyText(entry))' is a list, not a text block", at: entry.blockMarker,
                  help: "write each item on its own line as '- item'")
            return []
        }
        if entry.hasValue {
            let key = keyText(entry)
            error(.expectedList, "'\(key)' is a list; write its items on the lines below", at: entry.valueSpan,
                  help: "write '\(key):' and then each item indented as '- item'")
            return []
        }
        if entry.items.isEmpty {
            error(.emptyValue, "empty list '\(keyText(entry))'", at: entry.keySpan,
                  help: "write each item on its own indented line as '- item'")
            return []
        }
        var values: [Located<String>] = []
        values.reserveCapacity(entry.items.count)
        for position in entry.items where items[position].hasValue {
            values.append(value(items[position]))
        }
        return values
    }

    /// A comma-separated value (`tags`, `notify`), each part with its own span.
    mutating func commaList(_ entry: Entry) -> [Located<String>] {
        guard hasText(entry, allowBlock: false) else { return [] }
        let start = entry.valueStart
        let line = entry.lineNumber
        guard !entry.hasInvalidUTF8 else {
            // Positions counted in the repaired text, as they always were for such a line.
            let repaired = Array(string(start, entry.valueEnd, .invalid).utf8)
            return repaired.withUnsafeBufferPointer { commaList(entry, in: $0, at: start, line: line) }
        }
        return commaList(entry, in: UnsafeBufferPointer(rebasing: bytes[start..<entry.valueEnd]), at: start, line: line)
    }

    /// Splits `text` (valid UTF-8, which starts at offset `base` of the file) at its commas.
    private mutating func commaList(_ entry: Entry, in text: UnsafeBufferPointer<UInt8>, at base: Int,
                                    line: Int) -> [Located<String>] {
        var parts: [Located<String>] = []
        parts.reserveCapacity(1 + text.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) })
        var partStart = 0
        for index in 0..<text.count + 1 where index == text.count || text[index] == UInt8(ascii: ",") {
            var from = partStart
            var to = index
            while from < to, text[from] == 0x20 { from += 1 }
            while to > from, text[to - 1] == 0x20 { to -= 1 }
            if from == to {
                let at = base + min(index, text.count - 1)
                error(.emptyValue, "empty item in the list of '\(keyText(entry))'",
                      at: SourceSpan(start: at, end: at + 1, line: line))
            } else {
                let part = String(checkedUTF8: UnsafeBufferPointer(rebasing: text[from..<to]), isASCII: nil)
                parts.append(Located(part, at: SourceSpan(start: base + from, end: base + to, line: line)))
            }
            partStart = index + 1
        }
        return parts
    }

    /// Reports an entry that this kind of block does not define, saying what
    /// was probably meant: a misspelt key, a field written as a block, an item
    /// outside a list.
    mutating func unknownKey(_ entry: Entry, in context: String, known: [String], blocks: [String] = []) {
        let key = keyText(entry)
        switch entry.form {
        case .item:
            error(.expectedEntry, "a list item outside a list", at: entry.contentSpan,
                  help: "list items go under a list key such as 'check:', indented deeper than it")
        case .block where known.contains(key):
            error(.expectedEntry, "'\(key)' is a field, written '\(key): value'", at: entry.idSpan)
        case .block:
            let help = Suggestion.help(for: key, in: blocks)
                ?? (blocks.isEmpty ? "\(context) has no blocks inside it" : "blocks here: " + blocks.joined(separator: ", "))
            error(.unknownBlockKind, "unknown block '\(key)' in \(context)", at: entry.keySpan, help: help)
        case .field, .textBlock:
            if blocks.contains(key) {
                error(.expectedEntry, "'\(key)' starts a block, written '\(key) ID: Title'", at: entry.keySpan)
                return
            }
            let help = Suggestion.help(for: key, in: known + blocks)
                ?? (known.isEmpty ? "\(context) holds only " + blocks.map { "'\($0) ID: Title'" }.joined(separator: ", ")
                    : "keys here: " + known.joined(separator: ", "))
            error(.unknownKey, "unknown key '\(key)' in \(context)", at: entry.keySpan, help: help)
        }
    }

    /// A block's title (`KIND ID: Title`), which is required.
    mutating func title(_ entry: Entry) -> Located<String> {
        if entry.hasValue { return value(entry) }
        let kind = keyText(entry)
        let id = idText(entry).value
        error(.missingTitle, "\(kind) '\(id)' has no title", at: entry.contentSpan,
              help: "write a title after the colon: '\(kind) \(id): Title'")
        return Located("", at: entry.contentSpan)
    }

    /// A block's id, checked; as written when it is malformed (already reported).
    mutating func blockID(_ entry: Entry, what: String) -> Located<String> {
        checkedID(entry.idStart, entry.idEnd, line: entry.lineNumber, what: what) ?? idText(entry)
    }

    /// An `x-` extension field: kept as written.
    mutating func extensionField(_ entry: Entry) -> ExtensionField {
        let key = Located(keyText(entry), at: entry.keySpan)
        let value: Located<String>
        if entry.form == .textBlock, let text = takeBlockText() {
            value = text
        } else if entry.form != .textBlock, entry.hasValue {
            value = self.value(entry)
        } else {
            let lines = entry.items.filter { items[$0].hasValue }.map { self.value(items[$0]).value }
            value = Located(lines.joined(separator: "\n"), at: entry.keySpan)
        }
        return ExtensionField(key: key, value: value)
    }
}
