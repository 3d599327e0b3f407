/// Typed reading of entry values, shared by the decoders of every document
/// kind so that each rule (empty values, ids, durations, lists) is checked
/// in one place and reported the same way everywhere.
extension DocumentReader {
    /// A text value, on one line or (when `allowBlock`) as a `key: |` block.
    mutating func text(_ entry: Entry, allowBlock: Bool = true) -> Located<String>? {
        if !entry.items.isEmpty {
            error(.expectedEntry, "'\(entry.key.value)' takes a value, not a list", at: entry.items[0].line.contentSpan,
                  help: allowBlock ? "for several lines of text write '\(entry.key.value): |' and indent the text" : nil)
            return nil
        }
        if entry.form == .textBlock, !allowBlock {
            error(.textBlockNotAllowed, "'\(entry.key.value)' takes a value on the same line, not a text block",
                  at: entry.blockMarker ?? entry.key.span)
            return nil
        }
        guard let value = entry.value else {
            if entry.form == .field {
                error(.emptyValue, "empty value for '\(entry.key.value)'", at: entry.key.span,
                      help: allowBlock ? "write the value after the colon, or '\(entry.key.value): |' and the text on the lines below" : "write the value after the colon")
            }
            return nil
        }
        return value
    }

    /// A value that must be an id (`[a-z0-9][a-z0-9-]*`).
    mutating func id(_ entry: Entry, what: String) -> Located<String>? {
        guard let value = text(entry, allowBlock: false) else { return nil }
        return checkedID(value, what: what)
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
        guard let value = text(entry, allowBlock: false) else { return nil }
        guard let duration = PlaybookDuration(parsing: value.value) else {
            error(.invalidDuration, "invalid duration '\(value.value)'", at: value.span,
                  help: "write a number and a unit, largest first, without spaces: 45s, 15m, 2h, 1h30m, 3d, 1d12h")
            return nil
        }
        return Located(duration, at: value.span)
    }

    /// A list of `- item` lines.
    mutating func list(_ entry: Entry) -> [Located<String>] {
        if entry.form == .textBlock {
            error(.expectedList, "'\(entry.key.value)' is a list, not a text block", at: entry.blockMarker ?? entry.key.span,
                  help: "write each item on its own line as '- item'")
            return []
        }
        if let value = entry.value {
            error(.expectedList, "'\(entry.key.value)' is a list; write its items on the lines below", at: value.span,
                  help: "write '\(entry.key.value):' and then each item indented as '- item'")
            return []
        }
        if entry.items.isEmpty {
            error(.emptyValue, "empty list '\(entry.key.value)'", at: entry.key.span,
                  help: "write each item on its own indented line as '- item'")
            return []
        }
        return entry.items.compactMap(\.value)
    }

    /// A comma-separated value (`tags`, `notify`), each part with its own span.
    mutating func commaList(_ entry: Entry) -> [Located<String>] {
        guard let value = text(entry, allowBlock: false) else { return [] }
        var parts: [Located<String>] = []
        let utf8 = Array(value.value.utf8)
        var partStart = 0
        for index in 0...utf8.count where index == utf8.count || utf8[index] == UInt8(ascii: ",") {
            var from = partStart
            var to = index
            while from < to, utf8[from] == 0x20 { from += 1 }
            while to > from, utf8[to - 1] == 0x20 { to -= 1 }
            let span = SourceSpan(start: value.span.start + from, end: value.span.start + to, line: value.span.line)
            if from == to {
                error(.emptyValue, "empty item in the list of '\(entry.key.value)'",
                      at: SourceSpan(start: value.span.start + min(index, utf8.count - 1), end: value.span.start + min(index, utf8.count - 1) + 1, line: value.span.line))
            } else {
                parts.append(Located(String(decoding: utf8[from..<to], as: UTF8.self), at: span))
            }
            partStart = index + 1
        }
        return parts
    }

    /// Reports an entry that this kind of block does not define, saying what
    /// was probably meant: a misspelt key, a field written as a block, an item
    /// outside a list.
    mutating func unknownKey(_ entry: Entry, in context: String, known: [String], blocks: [String] = []) {
        let key = entry.key.value
        switch entry.form {
        case .item:
            error(.expectedEntry, "a list item outside a list", at: entry.line.contentSpan,
                  help: "list items go under a list key such as 'check:', indented deeper than it")
        case .block where known.contains(key):
            error(.expectedEntry, "'\(key)' is a field, written '\(key): value'", at: entry.id?.span ?? entry.key.span)
        case .block:
            let help = Suggestion.help(for: key, in: blocks)
                ?? (blocks.isEmpty ? "\(context) has no blocks inside it" : "blocks here: " + blocks.joined(separator: ", "))
            error(.unknownBlockKind, "unknown block '\(key)' in \(context)", at: entry.key.span, help: help)
        case .field, .textBlock:
            if blocks.contains(key) {
                error(.expectedEntry, "'\(key)' starts a block, written '\(key) ID: Title'", at: entry.key.span)
                return
            }
            let help = Suggestion.help(for: key, in: known + blocks)
                ?? (known.isEmpty ? "\(context) holds only " + blocks.map { "'\($0) ID: Title'" }.joined(separator: ", ")
                    : "keys here: " + known.joined(separator: ", "))
            error(.unknownKey, "unknown key '\(key)' in \(context)", at: entry.key.span, help: help)
        }
    }

    /// A block's title (`KIND ID: Title`), which is required.
    mutating func title(_ entry: Entry) -> Located<String> {
        if let value = entry.value { return value }
        error(.missingTitle, "\(entry.key.value) '\(entry.id?.value ?? "")' has no title", at: entry.line.contentSpan,
              help: "write a title after the colon: '\(entry.key.value) \(entry.id?.value ?? "id"): Title'")
        return Located("", at: entry.line.contentSpan)
    }

    /// An `x-` extension field: kept as written.
    func extensionField(_ entry: Entry) -> ExtensionField {
        let value = entry.value ?? Located(entry.items.compactMap(\.value?.value).joined(separator: "\n"), at: entry.key.span)
        return ExtensionField(key: entry.key, value: value)
    }
}
