/// Makes text from a file safe to print on a terminal.
///
/// C0 and C1 control characters and DEL become their visible Control Pictures
/// (U+2400…) or U+FFFD, and bidirectional overrides become U+FFFD, so that no
/// file can move the cursor, change colours or reorder what a reader sees.
/// Every replacement is one column wide, which keeps carets aligned. Tabs are
/// kept when `keepTabs` is set (the caret line mirrors them).
public enum TerminalSafeText {
    public static func sanitize(_ text: String, keepTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepTabs, scalar == "\t" {
                result.append(scalar)
            } else if needsReplacement(scalar) {
                result.append(replacement(for: scalar))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
