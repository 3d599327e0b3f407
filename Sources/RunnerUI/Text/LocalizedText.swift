/// A piece of UI text in both languages, so that tables (keys, formats)
/// can be declared once and shown in either.
public struct LocalizedText: Hashable, Sendable {
    public let nb: String
    public let en: String

    public init(nb: String, en: String) {
        self.nb = nb
        self.en = en
    }

    /// The same text in both languages (key names such as `Enter`).
    public init(_ both: String) {
        self.init(nb: both, en: both)
    }

    public func callAsFunction(_ language: UILanguage) -> String {
        language == .nb ? nb : en
    }
}
