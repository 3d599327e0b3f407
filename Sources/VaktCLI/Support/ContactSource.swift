import PlaybookFormat

/// The contact lists that go with a playbook: those named with `--contacts`,
/// else every *.contacts file in the playbook's folder.
enum ContactSource {
    static func lists(beside playbookPath: String, explicit: [String]) -> [ContactList] {
        let folder = SourceLoader.folder(of: playbookPath)
        let paths = explicit.isEmpty
            ? SourceLoader.files(in: folder).filter {
                DocumentKind(path: $0) == .contacts && SourceLoader.folder(of: $0) == folder
            }
            : explicit
        return paths.compactMap { path in
            guard case .success(let source) = SourceLoader.load(path) else { return nil }
            return DocumentParser.parse(source, as: .contacts).contactList
        }
    }
}
