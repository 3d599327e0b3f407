import IncidentEngine

/// Reads `--at TIME`: RFC 3339, or `HH:MM` meaning today in local time
/// (yesterday if that would lie in the future).
enum AtTime {
    static func parse(_ text: String?, now: Timestamp) throws -> Timestamp? {
        guard let text else { return nil }
        if let time = Timestamp(rfc3339: text) { return time }
        if let time = clockTime(text, now: now) { return time }
        throw CommandFailure(
            "--at '\(text)' is not a time: use RFC 3339 (2026-11-29T03:10:00+01:00) or HH:MM", exitCode: 2)
    }

    /// `HH:MM` on the local day of `now`, or the day before when that is later than `now`.
    static func clockTime(_ text: String, now: Timestamp) -> Timestamp? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        let today = now.components
        guard let candidate = local(today.year, today.month, today.day, hour, minute, near: now) else { return nil }
        if candidate.millisecondsSinceEpoch <= now.millisecondsSinceEpoch { return candidate }
        let yesterday = now.adding(seconds: -86_400).components
        return local(yesterday.year, yesterday.month, yesterday.day, hour, minute, near: now)
    }

    /// A local wall time with the UTC offset in force at that moment (daylight saving may differ from now's).
    private static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, near now: Timestamp)
        -> Timestamp?
    {
        guard let guess = Timestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, offsetMinutes: now.offsetMinutes)
        else { return nil }
        let offset = WallClock.localOffsetMinutes(at: guess.millisecondsSinceEpoch)
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, offsetMinutes: offset)
    }
}
