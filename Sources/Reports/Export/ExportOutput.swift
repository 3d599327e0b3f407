/// Where an export's bytes go, a chunk at a time, so that a journal of a
/// million events is written out as it is rendered instead of being held
/// in memory twice.
public protocol ExportOutput {
    /// Takes the next chunk of UTF-8; throwing stops the export.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Collects every chunk: for callers that want the whole document as a string.
public struct ExportBytes: ExportOutput {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        bytes.append(contentsOf: chunk)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
