/// The lexical rules for ids: `[a-z0-9][a-z0-9-]*`.
enum Identifier {
    static func isIDByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
        for byte in bytes where !isIDByte(byte) { return false }
        return true
    }

    static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0) }
    }

    /// What the user probably meant: lower-cased, spaces and underscores as dashes.
    static func repaired(_ text: String) -> String? {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": result.unicodeScalars.append(scalar)
            case " ", "_": result.append("-")
            case "æ": result += "ae"
            case "ø": result += "o"
            case "å": result += "a"
            default: continue
            }
        }
        while result.hasPrefix("-") { result.removeFirst() }
        return isValid(result) && result != text ? result : nil
    }
}
