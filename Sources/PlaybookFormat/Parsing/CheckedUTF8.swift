extension String {
    /// A string of `bytes`, which must be valid UTF-8, copied without checking
    /// them again.
    ///
    /// The line reader checks every byte of the file, and making a `String` the
    /// usual way (`String(decoding:as:)`) would check every byte of every value
    /// once more: for text with æ, ø and å, one byte at a time, and most of the
    /// cost of making the string. Callers pass only bytes from lines the reader
    /// found no invalid UTF-8 on, cut at ASCII delimiters (so never inside a
    /// character), or bytes taken from a `String`.
    ///
    /// - Parameter isASCII: whether all bytes are ASCII; nil when not known (they are looked at).
    ///   ASCII text must be marked as such, as `String(decoding:as:)` does: without the mark
    ///   every later comparison and hash of the string takes the slow, Unicode-aware path.
    @inline(__always)
    init(checkedUTF8 bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool?) {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            let isASCII = isASCII ?? Self.isASCII(bytes)
            self = String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
        } else {
            self = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// True when no byte has its high bit set; eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
