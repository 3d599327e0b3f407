#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first-in, first-out queue behind a pthread mutex: the storage of an
/// `Inbox`. (`Synchronization.Mutex` needs macOS 15; the package supports 14.)
final class LockedQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every access to `items` holds `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var items: [Element] = []

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func append(_ item: Element) {
        pthread_mutex_lock(mutex)
        items.append(item)
        pthread_mutex_unlock(mutex)
    }

    func takeAll() -> [Element] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let taken = items
        items.removeAll()
        return taken
    }

    var isEmpty: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return items.isEmpty
    }
}
