/// Makes text from a playbook safe to print on a terminal, a printer or a web page.
///
/// A playbook is a file anyone may have written. Control characters in it could
/// move the cursor, recolour or clear a responder's terminal, or hide text;
/// bidi overrides could make a command read differently from what it is.
/// Each such character is replaced by a visible stand-in, so the reader sees
/// that something odd is there instead of having it acted on.
public enum TextSanitizer {
    /// What stands in for a C1 control character or a bidi override.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Replaces every unsafe character in `text`.
    ///
    /// - Parameters:
    ///   - keepLineBreaks: keep `\n` (and read `\r\n` as `\n`); otherwise a line
    ///     break becomes a space, for text that must stay on one line.
    ///   - keepTabs: keep `\t` (in verbatim command blocks); otherwise it becomes a space.
    public static func sanitize(_ text: String, keepLineBreaks: Bool = true, keepTabs: Bool = false) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { isUnsafe($0) }) else { return text }
        var result = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let following = scalars.index(after: index)
            switch scalar.value {
            case 0x0A:
                result.append(keepLineBreaks ? scalar : " ")
            case 0x0D where keepLineBreaks && following < scalars.endIndex && scalars[following] == "\n":
                break  // CRLF reads as LF
            case 0x09:
                result.append(keepTabs ? scalar : " ")
            case 0x00...0x1F:
                // Control Pictures: U+2400 + the code (␀ … ␟, ␛ for ESC).
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? replacement)
            case 0x7F:
                result.append("\u{2421}")  // ␡
            default:
                result.append(isUnsafe(scalar) ? replacement : scalar)
            }
            index = following
        }
        return String(result)
    }

    /// True for the characters that `sanitize` replaces or normalises:
    /// C0 controls (including tab and line feed), DEL, C1 controls and the
    /// bidi embeddings, overrides and isolates.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
