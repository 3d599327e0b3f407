import IncidentEngine

/// Times as responders read them: in the offset the time was taken in
/// (the clock on the wall that night), with fixed-width digits.
enum TimeText {
    /// `03:10`.
    static func clock(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.hour)):\(pad(c.minute))"
    }

    /// `03:10:05`.
    static func clockSeconds(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `2026-11-29`.
    static func date(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))"
    }

    /// `2026-11-29 03:10`.
    static func dateTime(_ time: Timestamp) -> String {
        "\(date(time)) \(clock(time))"
    }

    /// `71:17:50` for a span (hours not wrapped at 24; the sign is dropped).
    static func span(_ milliseconds: Int64) -> String {
        ElapsedTime.span(milliseconds)
    }

    /// `T+00:42:10`: time since the incident was opened.
    static func elapsed(_ milliseconds: Int64) -> String {
        ElapsedTime.text(milliseconds)
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
