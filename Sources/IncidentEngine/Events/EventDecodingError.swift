/// Why a journal line could not be read as an event.
///
/// Each case names the field by its JSON path (`data.step`), so that
/// `vakt verify` can say exactly what is wrong with a line.
public enum EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnObject(field: String, found: String)
    case missingField(String)
    case wrongType(field: String, expected: String, found: String)
    case invalidTimestamp(field: String, text: String)
    case invalidValue(field: String, reason: String)
    case unknownKind(String)
    case unexpectedField(String)

    public var description: String {
        switch self {
        case .notAnObject(let field, let found): "'\(field)' must be an object, found \(found)"
        case .missingField(let field): "missing field '\(field)'"
        case .wrongType(let field, let expected, let found): "'\(field)' must be \(expected), found \(found)"
        case .invalidTimestamp(let field, let text): "'\(field)' is not an RFC 3339 time: '\(text)'"
        case .invalidValue(let field, let reason): "'\(field)' \(reason)"
        case .unknownKind(let kind): "unknown event kind '\(kind)'"
        case .unexpectedField(let field): "unexpected field '\(field)'"
        }
    }
}
