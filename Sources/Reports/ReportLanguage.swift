/// The language of the labels in a report; the playbook's own text is shown as written.
public enum ReportLanguage: String, CaseIterable, Sendable {
    /// Norwegian bokmål, the default: the binders are kept by Norwegian municipalities.
    case nb
    case en

    /// The language for a playbook's `lang` field: English for `en` and its
    /// regional variants, bokmål for everything else (including `nn` and `no`,
    /// whose readers read bokmål labels more easily than English ones).
    public init(playbookLang: String?) {
        let tag = (playbookLang ?? "").lowercased()
        if tag == "en" || tag.hasPrefix("en-") || tag.hasPrefix("en_") {
            self = .en
        } else {
            self = .nb
        }
    }

    /// The value for the HTML `lang` attribute.
    public var htmlLang: String { rawValue }
}
