/// One logical entry of the format: a field, a list, a text block, a block
/// header or a list item, with the items and text that belong to it.
struct Entry {
    enum Form {
        /// `key: value`, or `key:` (then `items` holds the list).
        case field
        /// `key: |` with its text read into `value`.
        case textBlock
        /// `KIND ID: Title`; its children are read by the kind's decoder.
        case block
        /// `- item`
        case item
    }

    var form: Form
    var line: Line
    /// The key, the block's KIND, or `-` for an item.
    var key: Located<String>
    /// The block's ID.
    var id: Located<String>?
    /// The value, title or item text; nil when nothing was written.
    var value: Located<String>?
    /// `- item` lines indented under a field (a list, or a decision's options).
    var items: [Entry] = []
    /// The span of the `|` that opened a text block.
    var blockMarker: SourceSpan?

    var isExtension: Bool { key.value.hasPrefix("x-") }
}
