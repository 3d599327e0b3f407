/// An RFC 4180 reader written apart from the exporter's writer, to read the
/// CSV back cell for cell: quoted fields with doubled quotes and line breaks
/// inside them, CRLF between records. Strict: a quote inside an unquoted
/// field, or text after a closing quote, is an error.
enum CSVReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var atFieldStart = true
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if atFieldStart, scalar == "\"" {
                // A quoted field: up to the closing quote.
                var closed = false
                while let inner = scalars.first {
                    scalars = scalars.dropFirst()
                    if inner == "\"" {
                        if scalars.first == "\"" {
                            field.unicodeScalars.append("\"")
                            scalars = scalars.dropFirst()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        field.unicodeScalars.append(inner)
                    }
                }
                guard closed else { throw Failure(description: "unterminated quoted field in row \(rows.count + 1)") }
                guard let next = scalars.first, next == "," || next == "\r" else {
                    if scalars.isEmpty { break }
                    throw Failure(description: "text after a closing quote in row \(rows.count + 1)")
                }
                atFieldStart = false
                continue
            }
            atFieldStart = false
            switch scalar {
            case ",":
                row.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                guard scalars.first == "\n" else { throw Failure(description: "a CR without LF in row \(rows.count + 1)") }
                scalars = scalars.dropFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                atFieldStart = true
            case "\"":
                throw Failure(description: "a quote inside an unquoted field in row \(rows.count + 1)")
            case "\n":
                throw Failure(description: "a bare LF outside quotes in row \(rows.count + 1)")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if !atFieldStart || !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
