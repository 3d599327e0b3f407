import PlaybookFormat

/// The playbook binder (`vakt show`): a playbook laid out for reading, and for
/// the printed binder a municipality keeps for the day the network is down.
public enum PlaybookBinder {
    /// Renders `playbook` in `format`, with labels in `language`.
    ///
    /// - Parameter contacts: the contact lists to look `notify` ids up in; the
    ///   lists that hold a notified contact are printed whole at the end.
    public static func render(
        _ playbook: Playbook, contacts: [ContactList], format: BinderFormat, language: ReportLanguage
    ) -> String {
        let context = BinderContext(playbook: playbook, contactLists: contacts, language: language)
        switch format {
        case .text:
            var renderer = TextBinderRenderer(context: context)
            return renderer.render()
        case .markdown:
            var renderer = MarkdownBinderRenderer(context: context)
            return renderer.render()
        case .html:
            var renderer = HTMLBinderRenderer(context: context)
            return renderer.render()
        }
    }
}
