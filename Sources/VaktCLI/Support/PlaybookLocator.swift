#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlaybookFormat

/// Finds playbooks by id or path, in the places the contract names:
/// `--playbooks DIR`, else `VAKT_PLAYBOOKS`, else the `playbooks/` folder
/// shipped with vakt.
struct PlaybookLocator {
    /// Folders to search, most specific first.
    var folders: [String]

    init(folders: [String]) {
        self.folders = folders
    }

    init(explicitFolder: String?) {
        if let explicitFolder {
            folders = [explicitFolder]
        } else if let fromEnvironment = getenv("VAKT_PLAYBOOKS").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            folders = fromEnvironment.split(separator: ":").map(String.init)
        } else {
            folders = Self.shippedFolder().map { [$0] } ?? []
        }
    }

    /// The `playbooks/` folder that came with this vakt: beside an installed
    /// binary (`../share/vakt/playbooks`, `./playbooks`), or at the root of the
    /// source checkout it was built in (`swift run`, `.build/release/vakt`).
    static func shippedFolder() -> String? {
        guard let executable = executablePath() else { return nil }
        var folder = SourceLoader.folder(of: executable)
        let candidates = [folder + "/../share/vakt/playbooks", folder + "/playbooks"]
        if let found = candidates.first(where: SourceLoader.isDirectory) { return found }
        for _ in 0..<6 {
            folder = SourceLoader.folder(of: folder)
            if SourceLoader.exists(folder + "/Package.swift"), SourceLoader.isDirectory(folder + "/playbooks") {
                return folder + "/playbooks"
            }
            if folder == "/" { break }
        }
        return nil
    }

    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return CommandLine.arguments.first }
        return buffer.withUnsafeBufferPointer { String(decoding: $0.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    }

    /// What a reference to a playbook resolved to.
    enum Resolution {
        case found(path: String)
        case notFound(message: String)
    }

    /// A path to a file works everywhere a playbook id works.
    func resolve(_ reference: String) -> Resolution {
        if reference.contains("/") || reference.hasSuffix(".playbook") || SourceLoader.exists(reference) {
            return .found(path: reference)
        }
        for folder in folders {
            let direct = folder + "/" + reference + ".playbook"
            if SourceLoader.exists(direct), Self.id(of: direct, as: .playbook) == reference {
                return .found(path: direct)
            }
        }
        let all = allPlaybooks()
        if let match = all.first(where: { $0.id == reference }) { return .found(path: match.path) }
        return .notFound(message: notFound(reference, .playbook, among: all.map(\.id)))
    }

    /// Every playbook in the search folders, with its id.
    func allPlaybooks() -> [(id: String, path: String)] {
        documents(.playbook)
    }

    /// Every document of `kind` in the search folders that parses far enough to have an id, with it.
    func documents(_ kind: DocumentKind) -> [(id: String, path: String)] {
        folders.flatMap { SourceLoader.files(in: $0) }
            .filter { DocumentKind(path: $0) == kind }
            .compactMap { path in Self.id(of: path, as: kind).map { ($0, path) } }
    }

    /// What to say when no `kind` has the id `reference`: where vakt looked, and the nearest id there.
    func notFound(_ reference: String, _ kind: DocumentKind, among ids: [String]) -> String {
        var message = "no \(kind.rawValue) with id '\(reference)'"
        message += folders.isEmpty ? " (no playbook folder found; use --playbooks DIR)" : " in " + folders.joined(separator: ", ")
        if let suggestion = Suggestion.nearest(to: reference, in: ids) { message += "; did you mean '\(suggestion)'?" }
        return message
    }

    private static func id(of path: String, as kind: DocumentKind) -> String? {
        guard case .success(let source) = SourceLoader.load(path) else { return nil }
        switch DocumentParser.parse(source, as: kind).document {
        case .playbook(let playbook)?: return playbook.id.value
        case .scenario(let scenario)?: return scenario.id.value
        case .contacts(let contacts)?: return contacts.id.value
        case nil: return nil
        }
    }
}
