import IncidentEngine

/// The times of a timeline row, written straight into bytes with the same
/// spelling as `ExportTime`: the local date, the local clock with its offset
/// (and, for a back-dated entry, when it was recorded), and UTC.
enum TimeCells {
    /// `2026-11-29`.
    static func localDate(_ time: Timestamp, _ w: inout ExportWriter) {
        w.date(time.components)
    }

    /// `03:10:00 +01:00`, and ` (ført inn 03:15:00)` when recorded later
    /// (with its date when that is another day).
    static func localTime(_ time: Timestamp, recorded: Timestamp, _ recordedPrefix: String, _ w: inout ExportWriter) {
        let c = time.components
        w.clock(c)
        w.byte(UInt8(ascii: " "))
        w.offset(time.offsetMinutes, alwaysOffset: true)
        guard time < recorded else { return }
        let r = recorded.components
        w.raw(" (")
        w.raw(recordedPrefix)
        if (r.year, r.month, r.day) != (c.year, c.month, c.day) {
            w.date(r)
            w.byte(UInt8(ascii: " "))
        }
        w.clock(r)
        w.byte(UInt8(ascii: ")"))
    }

    /// `02:10:00Z`, with the UTC date in front when it is not the local date.
    static func utc(_ time: Timestamp, _ w: inout ExportWriter) {
        let local = time.components
        let utc = time.withOffset(minutes: 0).components
        if (utc.year, utc.month, utc.day) != (local.year, local.month, local.day) {
            w.date(utc)
            w.byte(UInt8(ascii: " "))
        }
        w.clock(utc)
        w.byte(UInt8(ascii: "Z"))
    }
}
