import IncidentEngine

/// Reads the time a responder types for a back-dated note: `HH:MM` (today
/// in local time, yesterday if that would lie in the future) or RFC 3339.
enum TimeEntry {
    static func parse(_ text: String, now: Timestamp) -> Timestamp? {
        let given = text.trimmingSpaces
        if let full = Timestamp(rfc3339: given) { return full }
        let parts = given.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        let today = now.components
        guard let candidate = Timestamp(
            year: today.year, month: today.month, day: today.day, hour: hour, minute: minute,
            offsetMinutes: now.offsetMinutes)
        else { return nil }
        if candidate.millisecondsSinceEpoch > now.millisecondsSinceEpoch {
            return candidate.adding(seconds: -86_400)
        }
        return candidate
    }
}

extension String {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
