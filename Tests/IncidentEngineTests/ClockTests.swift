import IncidentEngine
import Testing

@Suite struct ClockTests {
    @Test func manualClockMovesOnlyWhenTold() {
        var clock = ManualClock(Fixtures.openedAt)
        #expect(clock.now() == Fixtures.openedAt)
        clock.advance(seconds: 90)
        #expect(clock.now() == Fixtures.openedAt.adding(seconds: 90))
        clock.set(Fixtures.openedAt)
        #expect(clock.now() == Fixtures.openedAt)
    }

    @Test func wallClockIsNowInLocalTime() {
        let clock: any Clock = WallClock()
        let first = clock.now()
        let second = clock.now()
        #expect(first.millisecondsSinceEpoch <= second.millisecondsSinceEpoch)
        // After 2020 and before 2100: the real time, in milliseconds.
        #expect(first.millisecondsSinceEpoch > 1_577_836_800_000)
        #expect(first.millisecondsSinceEpoch < 4_102_444_800_000)
        #expect(first.offsetMinutes == WallClock.localOffsetMinutes(at: first.millisecondsSinceEpoch))
        #expect(abs(first.offsetMinutes) <= Timestamp.maximumOffsetMinutes)
    }
}

@Suite struct ElapsedTimeTests {
    @Test func writesHoursPastADayAndASignBeforeTheStart() {
        #expect(ElapsedTime.text(0) == "T+00:00:00")
        #expect(ElapsedTime.text(3_905_999) == "T+01:05:05")
        #expect(ElapsedTime.text(100 * 3_600_000) == "T+100:00:00")
        #expect(ElapsedTime.text(-5_000) == "T-00:00:05")
        #expect(ElapsedTime.span(-5_000) == "00:00:05")
    }
}
