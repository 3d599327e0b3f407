/// Prints diagnostics the way compilers do, so that editors can jump to them:
///
///     playbooks/ransomware.playbook:36:15: error: unknown step 'isolat' in decision option
///           - Ja -> isolat
///                   ^~~~~~
///       help: did you mean 'isolate'?
///
/// The source line is echoed as it stands, made safe for the terminal; a very
/// long line is cut to a window around the caret.
public struct DiagnosticRenderer: Sendable {
    /// Colour the severity words (only for a terminal, never with NO_COLOR).
    public var colors: Bool
    /// The widest source excerpt to echo, in characters.
    public var maximumExcerpt = 160

    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// Renders one diagnostic; `source` is the file it points into, if it could be read.
    public func render(_ diagnostic: Diagnostic, source: SourceFile?) -> String {
        var text = ""
        let path = TerminalSafeText.sanitize(diagnostic.path)
        if diagnostic.line > 0 {
            text += "\(path):\(diagnostic.line):\(diagnostic.column): "
        } else {
            text += "\(path): "
        }
        text += severityWord(diagnostic.severity) + " " + TerminalSafeText.sanitize(diagnostic.message) + "\n"
        if diagnostic.line > 0, let source, diagnostic.span.start <= source.bytes.count {
            let (line, caret) = excerpt(for: diagnostic, in: source)
            text += line + "\n" + caret + "\n"
        }
        if let help = diagnostic.help {
            text += "  " + paint("help:", code: "1") + " " + TerminalSafeText.sanitize(help) + "\n"
        }
        return text
    }

    /// Renders all diagnostics and a closing count line (`2 errors, 1 warning in 3 files`).
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) -> String {
        diagnostics.map { render($0, source: sources[$0.path]) }.joined()
    }

    private func severityWord(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: paint("error:", code: "1;31")
        case .warning: paint("warning:", code: "1;33")
        }
    }

    private func paint(_ text: String, code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The echoed line and the caret line under it.
    func excerpt(for diagnostic: Diagnostic, in source: SourceFile) -> (String, String) {
        let scalars = Array(source.lineText(containing: diagnostic.span.start).unicodeScalars)
        let startColumn = max(diagnostic.column - 1, 0)
        let endColumn = max(min(diagnostic.endColumn - 1, scalars.count), startColumn + 1)
        // A window around the caret for very long lines.
        var from = 0
        var to = scalars.count
        if scalars.count > maximumExcerpt {
            from = max(0, min(startColumn - maximumExcerpt / 3, scalars.count - maximumExcerpt))
            to = min(scalars.count, from + maximumExcerpt)
        }
        var line = String.UnicodeScalarView()
        var caret = String.UnicodeScalarView()
        if from > 0 {
            line.append("…")
            caret.append(" ")
        }
        for index in from..<max(to, min(endColumn, from + maximumExcerpt)) {
            let scalar: Unicode.Scalar = index < scalars.count ? scalars[index] : " "
            let shown: Unicode.Scalar = scalar == "\t" ? "\t"
                : TerminalSafeText.needsReplacement(scalar) ? TerminalSafeText.replacement(for: scalar) : scalar
            if index < scalars.count { line.append(shown) }
            if index < startColumn {
                caret.append(shown == "\t" ? "\t" : " ")
                if Self.isWide(scalar) { caret.append(" ") }
            } else if index < endColumn {
                caret.append(index == startColumn ? "^" : "~")
                if Self.isWide(scalar) { caret.append("~") }
            }
        }
        if to < scalars.count { line.append("…") }
        var caretText = String(caret)
        while caretText.hasSuffix(" ") { caretText.removeLast() }
        return (String(line), caretText)
    }

    /// East Asian wide characters and emoji take two columns in a terminal.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
