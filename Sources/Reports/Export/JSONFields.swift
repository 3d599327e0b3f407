import IncidentEngine

/// Writes one JSON object's members straight into an `ExportWriter`: keys
/// on their own indented lines at `level` (the incident, the summary), or
/// all on one line when `level` is nil (an item of a list). Absent values are
/// written as `null`, so every object of a kind has the same keys.
struct JSONFields {
    let level: Int?
    private var count = 0

    init(level: Int?) {
        self.level = level
    }

    /// `"key": ` (or `"key":` on one line), after the separator; keys are this module's own.
    mutating func key(_ key: StaticString, _ w: inout ExportWriter) {
        w.raw(count == 0 ? "{" : ",")
        if let level {
            w.byte(UInt8(ascii: "\n"))
            w.indent(level + 1)
        }
        w.byte(UInt8(ascii: "\""))
        w.raw(key)
        w.raw(level == nil ? "\":" : "\": ")
        count += 1
    }

    /// A key made at run time (an event kind): escaped like any string.
    mutating func key(_ key: String, _ w: inout ExportWriter) {
        w.raw(count == 0 ? "{" : ",")
        if let level {
            w.byte(UInt8(ascii: "\n"))
            w.indent(level + 1)
        }
        w.jsonString(key)
        w.raw(level == nil ? ":" : ": ")
        count += 1
    }

    mutating func string(_ key: StaticString, _ value: String?, _ w: inout ExportWriter) {
        self.key(key, &w)
        if let value { w.jsonString(value) } else { w.raw("null") }
    }

    mutating func int(_ key: StaticString, _ value: Int?, _ w: inout ExportWriter) {
        self.key(key, &w)
        if let value { w.int(value) } else { w.raw("null") }
    }

    mutating func int(_ key: String, _ value: Int, _ w: inout ExportWriter) {
        self.key(key, &w)
        w.int(value)
    }

    mutating func bool(_ key: StaticString, _ value: Bool, _ w: inout ExportWriter) {
        self.key(key, &w)
        w.raw(value ? "true" : "false")
    }

    /// A time as RFC 3339, as the journal writes it.
    mutating func time(_ key: StaticString, _ value: Timestamp?, _ w: inout ExportWriter) {
        self.key(key, &w)
        guard let value else {
            w.raw("null")
            return
        }
        w.byte(UInt8(ascii: "\""))
        w.timestamp(value)
        w.byte(UInt8(ascii: "\""))
    }

    /// Milliseconds written as whole seconds.
    mutating func seconds(_ key: StaticString, _ milliseconds: Int64?, _ w: inout ExportWriter) {
        self.key(key, &w)
        if let milliseconds { w.int(ExportTime.seconds(milliseconds)) } else { w.raw("null") }
    }

    mutating func end(_ w: inout ExportWriter) {
        if count == 0 {
            w.raw("{}")
            return
        }
        if let level {
            w.byte(UInt8(ascii: "\n"))
            w.indent(level)
        }
        w.byte(UInt8(ascii: "}"))
    }
}
