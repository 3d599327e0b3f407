/// The language of the terminal UI's own words; the playbook's text is shown as written.
public enum UILanguage: String, CaseIterable, Hashable, Sendable {
    /// Norwegian bokmål.
    case nb
    case en

    /// The language a POSIX locale asks for: `LC_ALL`, else `LC_MESSAGES`,
    /// else `LANG` (the first one set and non-empty wins, as in `setlocale`).
    /// A Norwegian locale (`nb`, `no` or `nn`) gives bokmål, which `nn`
    /// readers read more easily than English; anything else gives English.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = locale.map(Self.init(locale:)) ?? .en
    }

    /// The language for a locale name such as `nb_NO.UTF-8`.
    public init(locale: String) {
        let language = locale.lowercased().prefix { $0.isLetter }
        self = ["nb", "no", "nn"].contains(String(language)) ? .nb : .en
    }
}
