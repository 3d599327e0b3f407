/// Escapes text for HTML element content and quoted attribute values.
///
/// All five significant characters are escaped everywhere, so the same call is
/// safe in text and in attributes and no playbook text can open a tag, close
/// an attribute or start an entity.
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { "&<>\"'".unicodeScalars.contains($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
