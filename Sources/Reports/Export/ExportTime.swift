import IncidentEngine
import PlaybookFormat

/// Times and durations as people read them in the reports' facts and
/// tables: each time in the offset it was taken in (the clock on the wall
/// that night) and in UTC, which is what Datatilsynet, the police and
/// forensic timelines compare. (The timeline rows write the same spellings
/// straight into bytes: `TimeCells`.)
enum ExportTime {
    /// `2026-11-29`, local.
    static func date(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))"
    }

    /// `03:10:05`, local.
    static func clock(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    /// `+01:00` (`+00:00` for UTC).
    static func offset(_ time: Timestamp) -> String {
        let minutes = abs(time.offsetMinutes)
        return (time.offsetMinutes < 0 ? "-" : "+") + "\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// `02:10:05Z`, with the UTC date in front when it is not the local date.
    static func utc(_ time: Timestamp) -> String {
        let utc = time.withOffset(minutes: 0)
        let prefix = date(utc) == date(time) ? "" : date(utc) + " "
        return prefix + clock(utc) + "Z"
    }

    /// `2026-11-29 03:10:05 +01:00`.
    static func full(_ time: Timestamp) -> String {
        "\(date(time)) \(clock(time)) \(offset(time))"
    }

    /// `2026-11-29 03:10:05 +01:00 (02:10:05Z)`: a fact line's time.
    static func fullWithUTC(_ time: Timestamp) -> String {
        "\(full(time)) (\(utc(time)))"
    }

    /// A span in words, to the second: `1 time 5 min`, `3 døgn 2 timer`; `0 min` for nothing.
    static func words(_ milliseconds: Int64, _ strings: ReportStrings) -> String {
        let seconds = Int((abs(milliseconds) + 500) / 1_000)
        return strings.words(PlaybookDuration(seconds: seconds))
    }

    /// `T+01:05:00`: time since the incident was opened (hours not wrapped at 24).
    static func elapsed(_ milliseconds: Int64) -> String {
        ElapsedTime.text(milliseconds)
    }

    /// Seconds, rounded towards zero (for the machine formats).
    static func seconds(_ milliseconds: Int64) -> Int64 {
        milliseconds / 1_000
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
