/// Appends lines of UTF-8 text to a byte array sized up front (so that the
/// corpus never needs a second copy while it grows).
struct ByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func line(_ indent: Int, _ text: String) {
        for _ in 0..<indent { bytes.append(0x20) }
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    mutating func blank() {
        bytes.append(0x0A)
    }
}
