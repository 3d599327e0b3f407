/// How many terminal columns text takes, and how to make it fit.
///
/// A grid, a screen test and the terminal must agree on where each column
/// starts, or a single emoji in a note shifts the border of every panel to its
/// right. Widths follow Unicode: 0 for combining marks, format characters and
/// joiners; 2 for East Asian Wide and Fullwidth characters and emoji; 1
/// otherwise. An emoji sequence (ZWJ family, flag, skin tone, keycap, an
/// emoji with VS16) is one 2-column glyph. Control characters count as the
/// 1-column pictures that `SafeText` turns them into.
public enum DisplayWidth {
    /// The columns of one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 {
            return value == 0xAD ? 0 : 1
        }
        if isZeroWidth(scalar) { return 0 }
        if value >= 0x1100, isWide(value) { return 2 }
        return 1
    }

    /// The columns of one grapheme cluster, as a grid shows it.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0x20, first.value < 0x7F, character.utf8.count == 1 { return 1 }
        if scalars.contains(where: SafeText.needsReplacement) {
            return of(SafeText.sanitized(character))
        }
        return clusterWidth(scalars)
    }

    /// The columns of a string: the sum of its clusters, control characters
    /// counted as their 1-column pictures.
    public static func of(_ text: String) -> Int {
        if let ascii = printableASCIICount(text) { return ascii }
        if isSimple(text) {
            var total = 0
            for scalar in text.unicodeScalars { total += simpleWidth(scalar) }
            return total
        }
        var total = 0
        for character in SafeText.sanitized(text) {
            total += clusterWidth(character.unicodeScalars)
        }
        return total
    }

    /// The text cut to at most `width` columns, ending in "…" when something
    /// was cut. Never splits a wide character: "日本語" at 4 columns is "日…".
    /// Control characters come back as their pictures.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let safe = SafeText.sanitized(text)
        if of(safe) <= width { return safe }
        let limit = width - 1
        var used = 0
        var result = ""
        if isSimple(safe) {
            let scalars = safe.unicodeScalars
            var cut = scalars.startIndex
            while cut < scalars.endIndex {
                let columns = simpleWidth(scalars[cut])
                if used + columns > limit { break }
                used += columns
                cut = scalars.index(after: cut)
            }
            return String(scalars[..<cut]) + "…"
        }
        for character in safe {
            let columns = clusterWidth(character.unicodeScalars)
            if used + columns > limit { break }
            result.append(character)
            used += columns
        }
        result.append("…")
        return result
    }

    /// The text truncated to `width` and padded with spaces to exactly
    /// `width` columns, for table columns and fixed-width fields.
    public static func padded(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, to: width)
        let missing = width - of(fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    /// Word-wraps text into lines of at most `width` columns.
    ///
    /// Line breaks in the text are kept (an empty line stays an empty line);
    /// lines break at spaces, and the spaces at a break are dropped. A word
    /// longer than a line is broken between characters, never inside a wide
    /// character; a character wider than the whole line becomes "…". Every
    /// line returned fits, so a caller can write it without clipping.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var wrapper = LineWrapper(width: width)
            wrapper.add(SafeText.sanitized(String(paragraph)))
            lines.append(contentsOf: wrapper.finish())
        }
        return lines
    }

    // MARK: - Internals

    /// The width of a cluster whose scalars are already safe.
    static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        guard let first = scalars.first else { return 0 }
        var rest = scalars.dropFirst().makeIterator()
        guard let second = rest.next() else { return of(first) }
        let base = of(first)
        if base == 0 {
            return scalars.dropFirst().map(of).max() ?? 0
        }
        if isRegionalIndicator(first.value), isRegionalIndicator(second.value) { return 2 }
        if first.properties.isEmoji, scalars.dropFirst().contains(where: joinsEmoji) { return 2 }
        return base
    }

    /// Scalars after an emoji that make the cluster one wide emoji glyph.
    private static func joinsEmoji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
        default: false
        }
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        (0x1F1E6...0x1F1FF).contains(value)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF, 0x200B: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        // Emoji newer than the table still draw wide on current terminals.
        return value >= 0x1F000 && (Unicode.Scalar(value)?.properties.isEmojiPresentation ?? false)
    }

    /// Whether every scalar of the text is a grapheme cluster of its own
    /// (no combining marks, joiners, variation selectors, regional
    /// indicators or conjoining jamo): then text can be measured and laid
    /// out scalar by scalar, without grapheme breaking. True for nearly all
    /// Norwegian and English text, line drawing, arrows, ✓, CJK and lone emoji.
    static func isSimple(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isSimple(scalar) { return false }
        return true
    }

    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D: false  // CR LF is one cluster
        case 0x00...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x2BFF,
            0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xAC00...0xD7A3, 0xFF00...0xFF9D, 0xFFA0...0xFFEF,
            0x1F000...0x1F1E5, 0x1F200...0x1F3FA, 0x1F400...0x1FAFF, 0x20000...0x3FFFD:
            // Emoji join only with what follows them (modifiers, VS16, ZWJ), none of which is simple.
            true
        default: false
        }
    }

    /// The width of a simple scalar as a grid shows it (controls as pictures).
    static func simpleWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x1100 { return value == 0xAD ? 0 : 1 }
        return isWide(value) ? 2 : 1
    }

    /// The length of a string of printable ASCII, or nil when it has anything else.
    static func printableASCIICount(_ text: String) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }
}
