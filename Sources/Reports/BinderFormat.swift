/// The output formats of the playbook binder (`vakt show --format`).
public enum BinderFormat: String, CaseIterable, Sendable {
    /// Plain UTF-8 for a terminal or `lpr`, wrapped at 80 columns.
    case text
    /// GitHub-flavoured Markdown, for a wiki or a repository.
    case markdown = "md"
    /// One self-contained HTML file with a print style sheet, for the paper binder.
    case html
}
