import Glibc
import IncidentEngine

/// The incidents under a vakt home: creating them, finding them by ID or
/// prefix, and listing them.
///
/// Every folder it makes is 0700 and every file 0600 whatever the umask,
/// and a new incident's folder is fsynced together with its parent, so that
/// an incident reported as opened is still there after a power cut.
public struct IncidentCatalog: Sendable {
    public let home: VaktHome

    public init(home: VaktHome) {
        self.home = home
    }

    /// The folder of an ID (whether or not it exists).
    public func folder(_ id: IncidentID) -> IncidentFolder {
        IncidentFolder(id: id, path: home.incidentsPath + "/" + id.rawValue)
    }

    /// Every incident folder, sorted by ID (which sorts by opening day).
    public func ids() throws(StoreError) -> [IncidentID] {
        let path = home.incidentsPath
        guard let directory = opendir(path) else {
            if errno == ENOENT { return [] }
            throw .system(operation: "read folder", path: path, errno: errno)
        }
        defer { closedir(directory) }
        var found: [IncidentID] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let id = IncidentID(name) else { continue }
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            // Links are listed so that opening them can refuse them by name rather than "not found".
            let type = info.st_mode & S_IFMT
            guard type == S_IFDIR || type == S_IFLNK else { continue }
            found.append(id)
        }
        return found.sorted()
    }

    /// The folder of an ID that `ids()` listed, checked like `resolve` checks
    /// it, without reading the whole folder of incidents again.
    public func listedFolder(_ id: IncidentID) throws(StoreError) -> IncidentFolder {
        try checked(folder(id))
    }

    /// The incident whose ID is `text` or starts with it.
    ///
    /// An exact ID wins over longer IDs it is a prefix of; otherwise the
    /// prefix must match exactly one incident.
    public func resolve(_ text: String) throws(StoreError) -> IncidentFolder {
        let all = try ids()
        if let exact = all.first(where: { $0.rawValue == text }) { return try checked(folder(exact)) }
        let matches = all.filter { $0.rawValue.hasPrefix(text) }
        guard !text.isEmpty, let first = matches.first else { throw .noSuchIncident(text) }
        guard matches.count == 1 else { throw .ambiguousIncident(text, matches: matches.map(\.rawValue)) }
        return try checked(folder(first))
    }

    /// The open incident opened last (by its opening time), for commands run without an ID.
    ///
    /// Decided from each journal's own events (the last `incident_closed` or
    /// `incident_reopened`), without the playbook; folders whose journal
    /// cannot be read are passed over. On equal opening times the greater ID wins.
    ///
    /// The journals are read newest day first, and the search stops at a day
    /// whose incidents cannot have been opened later than the best one found:
    /// an ID's day is the local date of its opening, at an offset of up to a
    /// day either way, so a day's incidents opened before its end plus two
    /// days. A home with years of incidents reads the last days' journals,
    /// not all of them. Names without a day are always read.
    public func mostRecentOpen() throws(StoreError) -> IncidentFolder {
        let all = try ids()
        let undated = all.filter { $0.day == nil }
        let dated = all.reversed().filter { $0.day != nil }
        let reach: Int64 = 3 * 86_400_000  // from the day's start: the day, and a day of offset each way
        var best: (folder: IncidentFolder, opened: Timestamp)?
        for id in undated + dated {
            if let best, let day = id.day,
               day.adding(milliseconds: reach).millisecondsSinceEpoch < best.opened.millisecondsSinceEpoch {
                break
            }
            guard let folder = try? checked(folder(id)), let journal = try? folder.readJournal(),
                  let first = journal.records.first, first.kind == .incidentOpened
            else { continue }
            let closed = journal.records.last { $0.kind == .incidentClosed || $0.kind == .incidentReopened }?.kind
                == .incidentClosed
            guard !closed else { continue }
            if let current = best {
                let (was, now) = (current.opened.millisecondsSinceEpoch, first.occurred.millisecondsSinceEpoch)
                guard now > was || (now == was && id > current.folder.id) else { continue }
            }
            best = (folder, first.occurred)
        }
        guard let best else { throw .noOpenIncident }
        return best.folder
    }

    /// Refuses an incident folder that is a symbolic link (it could point anywhere).
    private func checked(_ folder: IncidentFolder) throws(StoreError) -> IncidentFolder {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else {
            throw .system(operation: "open folder", path: folder.path, errno: errno)
        }
        if info.st_mode & S_IFMT == S_IFLNK { throw .symbolicLink(path: folder.path) }
        return folder
    }

    /// Creates a new incident folder with the playbook copy (and, for an
    /// exercise, the scenario copy) and an empty journal, and returns the
    /// journal open for the opening event (opening it again would only repeat
    /// the work on the way to the first frame).
    ///
    /// The ID is made from the day of `opened` and the playbook id; a
    /// collision (the folder exists) draws new random characters.
    public func create<Random: RandomNumberGenerator>(
        playbookID: String, playbookBytes: [UInt8], scenarioBytes: [UInt8]? = nil, opened: Timestamp,
        using random: inout Random
    ) throws(StoreError) -> (folder: IncidentFolder, journal: Journal) {
        try Self.makeFolders(home.incidentsPath)
        var attempts = 0
        while true {
            let id = IncidentID.make(playbookID: playbookID, date: opened, using: &random)
            let folder = folder(id)
            if mkdir(folder.path, 0o700) != 0 {
                let code = errno
                attempts += 1
                if code == EEXIST && attempts < 100 { continue }
                throw .system(operation: "create folder", path: folder.path, errno: code)
            }
            guard chmod(folder.path, 0o700) == 0 else {
                throw .system(operation: "set permissions on", path: folder.path, errno: errno)
            }
            let copy = try PosixFile.open(folder.playbookPath, writable: true, create: true, exclusive: true)
            try copy.writeAll(playbookBytes)
            try copy.sync()
            if let scenarioBytes {
                let scenario = try PosixFile.open(folder.scenarioPath, writable: true, create: true, exclusive: true)
                try scenario.writeAll(scenarioBytes)
                try scenario.sync()
            }
            let journal = try Journal(path: folder.journalPath, create: true)
            try PosixFile.syncDirectory(folder.path)
            try PosixFile.syncDirectory(home.incidentsPath)
            return (folder, journal)
        }
    }

    public func create(
        playbookID: String, playbookBytes: [UInt8], scenarioBytes: [UInt8]? = nil, opened: Timestamp
    ) throws(StoreError) -> (folder: IncidentFolder, journal: Journal) {
        var random = SystemRandomNumberGenerator()
        return try create(
            playbookID: playbookID, playbookBytes: playbookBytes, scenarioBytes: scenarioBytes, opened: opened,
            using: &random)
    }

    /// Creates `path` and any missing parents as 0700 folders (like `mkdir -p`),
    /// syncing the parent of each folder it creates.
    static func makeFolders(_ path: String) throws(StoreError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            if info.st_mode & S_IFMT == S_IFLNK, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                return  // a home folder that is a link (e.g. onto another disk) is the user's choice
            }
            throw .system(operation: "create folder", path: path, errno: ENOTDIR)
        }
        let parent = Journal.folder(of: path)
        if parent != path && parent != "." && parent != "/" { try makeFolders(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .system(operation: "create folder", path: path, errno: errno)
        }
        _ = chmod(path, 0o700)
        try PosixFile.syncDirectory(parent)
    }
}
