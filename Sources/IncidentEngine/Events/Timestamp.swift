/// An instant with millisecond precision, together with the UTC offset that
/// was in force where it was taken.
///
/// Incidents are read by people in their local time (`03:10` on the night of
/// the incident), but ordered and timed by the instant; keeping both means a
/// journal written in Norway in winter (+01:00) and read in summer still shows
/// the times people saw. Formatting and parsing are RFC 3339, written by hand
/// because a journal of a million events must parse in well under a second.
///
/// Equality compares both the instant and the offset (a round trip must keep
/// the offset); ordering is by instant first, then by offset, so it agrees
/// with equality and orders different instants by time.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64
    /// The local offset from UTC, in minutes (Norway: 60 in winter, 120 in summer).
    public var offsetMinutes: Int

    /// The largest offset RFC 3339 can write (±23:59).
    public static let maximumOffsetMinutes = 23 * 60 + 59

    public init(millisecondsSinceEpoch: Int64, offsetMinutes: Int = 0) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
        self.offsetMinutes = max(-Self.maximumOffsetMinutes, min(Self.maximumOffsetMinutes, offsetMinutes))
    }

    /// A timestamp from local calendar fields; nil when a field is out of range.
    public init?(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0,
        offsetMinutes: Int = 0
    ) {
        guard (0...9999).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999).contains(millisecond), abs(offsetMinutes) <= Self.maximumOffsetMinutes
        else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let localSeconds = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        let utcSeconds = localSeconds - Int64(offsetMinutes * 60)
        self.millisecondsSinceEpoch = utcSeconds * 1_000 + Int64(millisecond)
        self.offsetMinutes = offsetMinutes
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        if lhs.millisecondsSinceEpoch != rhs.millisecondsSinceEpoch {
            return lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
        }
        return lhs.offsetMinutes < rhs.offsetMinutes
    }

    /// True when both name the same instant, whatever their offsets.
    public func isSameInstant(as other: Timestamp) -> Bool {
        millisecondsSinceEpoch == other.millisecondsSinceEpoch
    }

    /// This instant moved by `seconds` (keeping the offset).
    public func adding(seconds: Int) -> Timestamp {
        adding(milliseconds: Int64(seconds) * 1_000)
    }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds, offsetMinutes: offsetMinutes)
    }

    /// Milliseconds from `earlier` to this instant (negative if `earlier` is later).
    public func milliseconds(since earlier: Timestamp) -> Int64 {
        millisecondsSinceEpoch - earlier.millisecondsSinceEpoch
    }

    /// The same instant as seen with another UTC offset.
    public func withOffset(minutes: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch, offsetMinutes: minutes)
    }

    // MARK: Calendar fields

    /// The local calendar fields of a timestamp (in its own offset).
    public struct Components: Hashable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var millisecond: Int
    }

    /// The calendar fields in the timestamp's own offset.
    public var components: Components {
        let local = millisecondsSinceEpoch + Int64(offsetMinutes) * 60_000
        let (days, msOfDay) = Self.floorDivide(local, 86_400_000)
        let (year, month, day) = Self.civilFromDays(days)
        let ms = Int(msOfDay)
        return Components(
            year: year, month: month, day: day, hour: ms / 3_600_000, minute: ms / 60_000 % 60,
            second: ms / 1_000 % 60, millisecond: ms % 1_000
        )
    }

    // MARK: RFC 3339

    /// RFC 3339 with milliseconds: `2026-11-29T03:10:00.123+01:00` (`Z` for UTC).
    ///
    /// Always the same shape, so that the journal has one spelling per instant
    /// and offset. Years outside 0000…9999 cannot be written by RFC 3339 and
    /// are clamped (such a time can only come from a broken clock).
    public var rfc3339: String {
        var c = components
        if millisecondsSinceEpoch < Self.minimumMilliseconds {
            c = Components(year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0)
        } else if c.year > 9999 {
            c = Components(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999)
        }
        let offset = abs(offsetMinutes)
        let length = offsetMinutes == 0 ? 24 : 29
        // One allocation: the bytes are written straight into the string.
        return String(unsafeUninitializedCapacity: length) { buffer in
            func put(_ value: Int, _ digits: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + digits - 1, through: start, by: -1) {
                    buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(c.year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(c.month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(c.day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(c.hour, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(c.minute, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(c.second, 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(c.millisecond, 3, at: 20)
            if offsetMinutes == 0 {
                buffer[23] = UInt8(ascii: "Z")
            } else {
                buffer[23] = offsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
                put(offset / 60, 2, at: 24)
                buffer[26] = UInt8(ascii: ":")
                put(offset % 60, 2, at: 27)
            }
            return length
        }
    }

    public var description: String { rfc3339 }

    /// Parses RFC 3339: `2026-11-29T03:10:00+01:00`, `…:00.5Z`, `…:00.123456-03:30`.
    ///
    /// `T` may be `t` or a space, `Z` may be `z`. Fractions finer than a
    /// millisecond are truncated. Leap seconds (`:60`) are refused: the
    /// journal cannot order them. Nil when the text is not a valid time.
    public init?(rfc3339 text: String) {
        var text = text
        let parsed = text.withUTF8 { Self.parse(UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses RFC 3339 from UTF-8 bytes (for readers that never make a String).
    public init?(rfc3339 bytes: UnsafeRawBufferPointer) {
        guard let parsed = Self.parse(bytes) else { return nil }
        self = parsed
    }

    private static func parse(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        // Shortest: 2026-11-29T03:10:00Z (20 bytes).
        let count = b.count
        guard count >= 20 else { return nil }
        // Two digits at a time, inlined: a journal of a million events has two million times to read.
        @inline(__always) func digits(_ start: Int) -> Int? {
            let tens = b[start] &- UInt8(ascii: "0")
            let ones = b[start + 1] &- UInt8(ascii: "0")
            guard tens < 10, ones < 10 else { return nil }
            return Int(tens) * 10 + Int(ones)
        }
        guard let century = digits(0), let yearInCentury = digits(2), b[4] == UInt8(ascii: "-"), let month = digits(5),
              b[7] == UInt8(ascii: "-"), let day = digits(8),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
              let hour = digits(11), b[13] == UInt8(ascii: ":"), let minute = digits(14),
              b[16] == UInt8(ascii: ":"), let second = digits(17)
        else { return nil }
        let year = century * 100 + yearInCentury
        var index = 19
        var millisecond = 0
        if b[index] == UInt8(ascii: ".") {
            index += 1
            var fractionDigits = 0
            while index < count, b[index] &- UInt8(ascii: "0") < 10 {
                if fractionDigits < 3 { millisecond = millisecond * 10 + Int(b[index] - UInt8(ascii: "0")) }
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
            for _ in fractionDigits..<max(fractionDigits, 3) { millisecond *= 10 }
        }
        guard index < count else { return nil }
        var offset = 0
        switch b[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard count - index >= 6, let hours = digits(index + 1), b[index + 3] == UInt8(ascii: ":"),
                  let minutes = digits(index + 4), hours <= 23, minutes <= 59
            else { return nil }
            offset = hours * 60 + minutes
            if b[index] == UInt8(ascii: "-") { offset = -offset }
            index += 6
        default:
            return nil
        }
        guard index == count else { return nil }
        return Timestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            millisecond: millisecond, offsetMinutes: offset
        )
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, after Howard Hinnant's algorithms)

    /// 0000-01-01T00:00:00Z, the earliest instant RFC 3339 can write.
    static let minimumMilliseconds: Int64 = daysFromCivil(year: 0, month: 1, day: 1) * 86_400_000

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var q = value / divisor
        var r = value % divisor
        if r < 0 {
            q -= 1
            r += divisor
        }
        return (q, r)
    }
}
