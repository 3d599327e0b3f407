/// Diagnostics as JSON for editors and scripts (`vakt lint --format json`).
///
/// Written by hand so that the format module needs no Foundation: one object
/// with the counts and an array of diagnostics, keys in a fixed order.
public enum DiagnosticJSON {
    public static func encode(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter(\.isError).count
        var json = "{\"files\":\(files),\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors),\"diagnostics\":["
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { json += "," }
            json += "{\"path\":" + quote(diagnostic.path)
            json += ",\"line\":\(diagnostic.line),\"column\":\(diagnostic.column),\"endColumn\":\(diagnostic.endColumn)"
            json += ",\"severity\":" + quote(diagnostic.severity.rawValue)
            json += ",\"code\":" + quote(diagnostic.code.rawValue)
            json += ",\"message\":" + quote(diagnostic.message)
            if let help = diagnostic.help { json += ",\"help\":" + quote(help) }
            json += "}"
        }
        return json + "]}"
    }

    /// A JSON string literal; control characters are escaped, everything else is raw UTF-8.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
