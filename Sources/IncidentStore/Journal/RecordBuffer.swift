import IncidentEngine

/// Records decoded by one reader, kept where they can be handed on without copying.
///
/// A Swift array cannot give its elements away: joining arrays copies every
/// record, retaining each of its strings, and dropping the sources releases
/// them all again. Opening a journal of a million events joins the records
/// of every piece it read, and copying them cost about as much as decoding
/// them; this buffer moves them bit for bit instead (`[EventRecord](moving:)`).
final class RecordBuffer {
    private var storage: UnsafeMutablePointer<EventRecord>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func append(_ record: consuming EventRecord) {
        if count == capacity { grow() }
        (storage + count).initialize(to: record)
        count += 1
    }

    /// The record at `index`, read in place (no copy of its strings).
    subscript(index: Int) -> EventRecord {
        unsafeAddress {
            precondition(index >= 0 && index < count, "record index out of range")
            return UnsafePointer(storage + index)
        }
    }

    /// Drops the records from `index` on.
    func removeSuffix(from index: Int) {
        guard index < count else { return }
        (storage + index).deinitialize(count: count - index)
        count = index
    }

    /// Moves every record to `target`, uninitialized room for `count` records, and leaves this buffer empty.
    func moveAll(to target: UnsafeMutablePointer<EventRecord>) {
        target.moveInitialize(from: storage, count: count)
        count = 0
    }

    private func grow() {
        let larger = UnsafeMutablePointer<EventRecord>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}

extension Array where Element == EventRecord {
    /// The records of `buffers`, in order, moved into one array; the buffers are left empty.
    init(moving buffers: [RecordBuffer]) {
        let total = buffers.reduce(0) { $0 + $1.count }
        self.init(unsafeUninitializedCapacity: total) { target, initialized in
            initialized = 0
            guard var next = target.baseAddress else { return }
            for buffer in buffers {
                let count = buffer.count
                buffer.moveAll(to: next)
                next += count
            }
            initialized = total
        }
    }
}
