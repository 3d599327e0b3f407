/// Step ids to the first step that has each: an open-addressing hash table of
/// 8-byte slots (a hash tag and a position) over the ids themselves, kept in
/// step order.
///
/// It does what a `[String: Int]` would, with a third of the memory to touch:
/// on a large playbook the table is probed at random, and every cache line
/// counts. The hash is Swift's own (seeded per process), so ids cannot be
/// written to collide on purpose.
struct StepIndex {
    /// Every step's id, by position.
    private(set) var ids: [String] = []
    /// `tag << 32 | (position + 1)` of each id's first step; 0 for an empty slot.
    private var slots: [UInt64]
    private var used = 0

    /// Room for about `count` ids without growing.
    init(expectedCount count: Int) {
        var capacity = 16
        while capacity < 2 * count { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        ids.reserveCapacity(count)
    }

    /// Adds the id of the next step; returns the position of an earlier step with the same id, if any.
    mutating func add(_ id: String) -> Int? {
        let position = ids.count
        ids.append(id)
        let tag = Self.tag(id)
        var slot = Int(truncatingIfNeeded: tag) & (slots.count - 1)
        while slots[slot] != 0 {
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == tag {
                let earlier = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
                if ids[earlier] == id { return earlier }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = UInt64(tag) << 32 | UInt64(position + 1)
        used += 1
        if 2 * used > slots.count { grow() }
        return nil
    }

    /// The position of the first step with `id`.
    subscript(id: String) -> Int? {
        let tag = Self.tag(id)
        var slot = Int(truncatingIfNeeded: tag) & (slots.count - 1)
        while slots[slot] != 0 {
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == tag {
                let position = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
                if ids[position] == id { return position }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Twice the slots; the tags say where each entry goes (they are the hash bits that pick a slot).
    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: 2 * slots.count)
        for entry in slots where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & (larger.count - 1)
            while larger[slot] != 0 { slot = (slot + 1) & (larger.count - 1) }
            larger[slot] = entry
        }
        slots = larger
    }

    /// 32 bits of the id's hash (consistent with `==`, as `Hashable` requires).
    private static func tag(_ id: String) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(id)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }
}
