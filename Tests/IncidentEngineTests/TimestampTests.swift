import IncidentEngine
import Testing
import VaktTestSupport

@Suite struct TimestampTests {
    @Test func formatsWithMillisecondsAndOffset() throws {
        let time = try #require(
            Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, second: 0, millisecond: 123, offsetMinutes: 60))
        #expect(time.rfc3339 == "2026-11-29T03:10:00.123+01:00")
        #expect(time.withOffset(minutes: 0).rfc3339 == "2026-11-29T02:10:00.123Z")
        #expect(time.withOffset(minutes: -210).rfc3339 == "2026-11-28T22:40:00.123-03:30")
    }

    @Test func parsesVariants() throws {
        let base = try #require(Timestamp(rfc3339: "2026-11-29T03:10:00+01:00"))
        #expect(base.rfc3339 == "2026-11-29T03:10:00.000+01:00")
        #expect(Timestamp(rfc3339: "2026-11-29T02:10:00Z")?.isSameInstant(as: base) == true)
        #expect(Timestamp(rfc3339: "2026-11-29t02:10:00z")?.isSameInstant(as: base) == true)
        #expect(Timestamp(rfc3339: "2026-11-29 02:10:00.5Z")?.millisecondsSinceEpoch == base.millisecondsSinceEpoch + 500)
        #expect(Timestamp(rfc3339: "2026-11-29T02:10:00.123456789Z")?.millisecondsSinceEpoch
            == base.millisecondsSinceEpoch + 123)
        #expect(Timestamp(rfc3339: "2026-11-28T23:10:00-03:00")?.isSameInstant(as: base) == true)
        #expect(Timestamp(rfc3339: "2026-11-28T23:10:00-03:00")?.offsetMinutes == -180)
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29T03:10:00", "2026-11-29T03:10:00+0100", "2026-13-01T00:00:00Z",
        "2026-02-29T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T03:60:00Z",
        "2026-11-29T03:10:60Z", "2026-11-29T03:10:00.Z", "2026-11-29T03:10:00+24:00", "2026-11-29T03:10:00+01:60",
        "2026-11-29T03:10:00Zx", "2026-11-29T03:10:00+01:00 ", "２026-11-29T03:10:00Z", "2026-1-29T03:10:00Z",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func leapDayAndEpochEdges() {
        #expect(Timestamp(rfc3339: "2024-02-29T12:00:00Z") != nil)
        #expect(Timestamp(rfc3339: "2000-02-29T12:00:00Z") != nil)
        #expect(Timestamp(rfc3339: "1900-02-29T12:00:00Z") == nil)
        #expect(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.millisecondsSinceEpoch == 0)
        #expect(Timestamp(millisecondsSinceEpoch: -1).rfc3339 == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(rfc3339: "0000-01-01T00:00:00Z") != nil)
        #expect(Timestamp(rfc3339: "9999-12-31T23:59:59.999Z") != nil)
    }

    @Test func roundTripsManyInstantsAndOffsets() throws {
        var generator = SplitMix64(seed: 7)
        let offsets = [0, 60, 120, -180, -210, 330, 345, -600, 840, -(23 * 60 + 59), 23 * 60 + 59]
        for _ in 0..<20_000 {
            // Any instant between year 1 and 9998, any offset RFC 3339 can write.
            let ms = Int64(generator.next(below: 315_000_000_000_000)) - 62_000_000_000_000
            let time = Timestamp(
                millisecondsSinceEpoch: ms, offsetMinutes: offsets[generator.next(below: UInt64(offsets.count))])
            let parsed = try #require(Timestamp(rfc3339: time.rfc3339))
            #expect(parsed == time)
            #expect(parsed.rfc3339 == time.rfc3339)
        }
    }

    @Test func ordersByInstantWhateverTheOffset() throws {
        let oslo = try #require(Timestamp(rfc3339: "2026-11-29T03:10:00+01:00"))
        let utcLater = try #require(Timestamp(rfc3339: "2026-11-29T02:10:00.001Z"))
        let sameInstant = oslo.withOffset(minutes: 0)
        #expect(oslo < utcLater)
        #expect(oslo != sameInstant)
        #expect(oslo.isSameInstant(as: sameInstant))
        #expect([utcLater, oslo].sorted() == [oslo, utcLater])
        #expect(utcLater.milliseconds(since: oslo) == 1)
    }

    @Test func components() throws {
        let time = try #require(Timestamp(rfc3339: "2026-03-29T01:59:59.999-00:30"))
        let c = time.components
        #expect([c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond] == [2026, 3, 29, 1, 59, 59, 999])
    }
}
