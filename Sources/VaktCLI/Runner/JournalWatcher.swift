#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NcursesBackend

/// Notices appends to a journal by other vakt processes, so that a second
/// responder's actions appear on this screen within a second.
///
/// It only looks at the file's size, modification time and inode every
/// `intervalMilliseconds` and posts `.journalChanged` when they differ;
/// reading the journal stays on the UI loop's thread, which owns it. A
/// `stat` four times a second costs nothing, works on any file system
/// (inotify does not see writes over NFS), and needs no extra descriptor.
final class JournalWatcher: Sendable {
    /// What a change of the journal file looks like from outside.
    private struct Signature: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private let task: Task<Void, Never>

    /// Starts watching. The first look always reports a change, so that
    /// appends made between reading the journal and starting the watcher
    /// are not missed.
    init(path: String, inbox: Inbox<LoopMessage>, intervalMilliseconds: Int = 250) {
        let interval = UInt64(max(1, intervalMilliseconds)) * 1_000_000
        task = Task.detached {
            var last: Signature?
            while !Task.isCancelled {
                let current = Self.signature(of: path)
                if current != last {
                    last = current
                    inbox.post(.journalChanged)
                }
                try? await Task.sleep(nanoseconds: interval)
            }
        }
    }

    deinit {
        task.cancel()
    }

    func stop() {
        task.cancel()
    }

    private static func signature(of path: String) -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Signature(
            size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}
