/// A list of plain values that is emptied and refilled many times, once per
/// entry or text block: emptying it only resets the count, and refilling
/// reuses the slots, so that neither allocates nor runs the array's general
/// (and much slower) `removeAll(keepingCapacity:)`.
struct ScratchBuffer<Element> {
    private var storage: [Element] = []
    /// The elements in use are the first `count`.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index < count)
        return storage[index]
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count < storage.count {
            storage[count] = element
        } else {
            storage.append(element)
        }
        count += 1
    }

    /// Keeps only the first `newCount` elements.
    mutating func truncate(to newCount: Int) {
        count = min(count, newCount)
    }

    mutating func removeAll() {
        count = 0
    }
}
