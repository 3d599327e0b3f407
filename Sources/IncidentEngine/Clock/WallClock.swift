#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's real time, with the local UTC offset in force at that instant
/// (so a journal written in Norway shows +01:00 in winter, +02:00 in summer).
///
/// Uses `clock_gettime` and `localtime_r` directly: no Foundation needed, and
/// the offset follows `TZ` like every other program on the machine.
public struct WallClock: Clock {
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let ms = Int64(spec.tv_sec) * 1_000 + Int64(spec.tv_nsec) / 1_000_000
        return Timestamp(millisecondsSinceEpoch: ms, offsetMinutes: Self.localOffsetMinutes(at: ms))
    }

    /// The local UTC offset, in minutes, in force at an instant.
    public static func localOffsetMinutes(at millisecondsSinceEpoch: Int64) -> Int {
        var seconds = time_t(Timestamp.floorDivide(millisecondsSinceEpoch, 1_000).quotient)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff) / 60
    }
}
