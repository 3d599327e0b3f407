/// Reads the little JSON the python helpers print: one JSON string, or one
/// array of strings, a line (escapes included, surrogate pairs joined).
enum JSONArrayReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// One array of strings per line.
    static func rows(_ text: String) throws -> [[String]] {
        try text.split(separator: "\n").map { line in
            var scalars = Array(line.unicodeScalars)[...]
            return try array(&scalars)
        }
    }

    /// One string per line.
    static func strings(_ text: String) throws -> [String] {
        try text.split(separator: "\n").map { line in
            var scalars = Array(line.unicodeScalars)[...]
            return try string(&scalars)
        }
    }

    static func array(_ s: inout ArraySlice<Unicode.Scalar>) throws -> [String] {
        guard s.popFirst() == "[" else { throw Failure(description: "expected [") }
        var items: [String] = []
        skipSpaces(&s)
        if s.first == "]" {
            s.removeFirst()
            return items
        }
        while true {
            skipSpaces(&s)
            items.append(try string(&s))
            skipSpaces(&s)
            switch s.popFirst() {
            case ",": continue
            case "]": return items
            default: throw Failure(description: "expected , or ]")
            }
        }
    }

    static func string(_ s: inout ArraySlice<Unicode.Scalar>) throws -> String {
        guard s.popFirst() == "\"" else { throw Failure(description: "expected a string") }
        var out = String.UnicodeScalarView()
        var pendingHigh: UInt32?
        while let c = s.popFirst() {
            switch c {
            case "\"":
                return String(out)
            case "\\":
                guard let e = s.popFirst() else { throw Failure(description: "bad escape") }
                switch e {
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "b": out.append("\u{8}")
                case "f": out.append("\u{C}")
                case "u":
                    let hex = String(String.UnicodeScalarView(s.prefix(4)))
                    s = s.dropFirst(4)
                    guard let value = UInt32(hex, radix: 16) else { throw Failure(description: "bad \\u") }
                    if (0xD800...0xDBFF).contains(value) {
                        pendingHigh = value
                    } else if (0xDC00...0xDFFF).contains(value), let high = pendingHigh {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                        if let scalar = Unicode.Scalar(combined) { out.append(scalar) }
                        pendingHigh = nil
                    } else if let scalar = Unicode.Scalar(value) {
                        out.append(scalar)
                    }
                default: out.append(e)
                }
            default:
                out.append(c)
            }
        }
        throw Failure(description: "unterminated string")
    }

    private static func skipSpaces(_ s: inout ArraySlice<Unicode.Scalar>) {
        while let c = s.first, c == " " { s.removeFirst() }
    }
}
