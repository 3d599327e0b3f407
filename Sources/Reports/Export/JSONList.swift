/// Writes a JSON array whose items each take one line, indented at `level`.
struct JSONList {
    let level: Int
    private var count = 0

    init(level: Int) {
        self.level = level
    }

    /// Starts the next item (the caller writes it).
    mutating func item(_ w: inout ExportWriter) {
        w.raw(count == 0 ? "[\n" : ",\n")
        w.indent(level + 1)
        count += 1
    }

    mutating func end(_ w: inout ExportWriter) {
        if count == 0 {
            w.raw("[]")
            return
        }
        w.byte(UInt8(ascii: "\n"))
        w.indent(level)
        w.byte(UInt8(ascii: "]"))
    }
}
