/// A line for the responder: a refusal or a failed append (error), or
/// what just happened (info). Shown until the next key.
struct StatusMessage: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case info
        case error
    }

    var kind: Kind
    var text: String

    static func error(_ text: String) -> StatusMessage { StatusMessage(kind: .error, text: text) }
    static func info(_ text: String) -> StatusMessage { StatusMessage(kind: .info, text: text) }
}
