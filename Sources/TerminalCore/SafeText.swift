/// Makes text safe to put on a terminal: a grid can only hold printable text.
///
/// C0 controls become their visible Control Pictures (U+2400…), DEL becomes
/// U+2421, C1 controls and bidirectional overrides and isolates become
/// U+FFFD. Each replacement is one column wide, so layout does not shift and
/// no journal entry or playbook can move the cursor, change colours, or
/// reorder what a responder reads. (The same rules as the format's
/// `TerminalSafeText`; this module depends on nothing, so it has its own.)
public enum SafeText {
    public static func sanitized(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
            needsWork = true
            break
        }
        guard needsWork, text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(needsReplacement(scalar) ? replacement(for: scalar) : scalar)
        }
        return String(result)
    }

    /// The character as a grid will hold it.
    public static func sanitized(_ character: Character) -> String {
        sanitized(String(character))
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
