/// Where `DocumentReader.nextEntry(_:)` is in one block: the state of reading
/// a block's entries one at a time, kept by the decoder that reads them.
struct EntryCursor {
    /// The indentation of the block's own line (-1 for the top level).
    let parentIndent: Int
    /// The indentation of the block's entries, once the first one was read.
    var childIndent: Int?
    /// The block's keys so far are `DocumentReader.seenKeys[seenStart..<seenEnd]`.
    let seenStart: Int
    var seenEnd: Int
    /// The known keys among them, one bit per `EntryKey`: most keys are told new by one test.
    var seenKnownKeys: UInt64 = 0
    /// The indentation of the last entry, when it was a block: lines under it
    /// that its decoder did not read are skipped before the next entry.
    var openBlockIndent: Int?

    init(parentIndent: Int, seenStart: Int) {
        self.parentIndent = parentIndent
        self.childIndent = parentIndent < 0 ? 0 : nil
        self.seenStart = seenStart
        self.seenEnd = seenStart
    }
}
