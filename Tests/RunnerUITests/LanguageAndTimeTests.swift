import IncidentEngine
@testable import RunnerUI
import Testing

@Suite struct LanguageAndTimeTests {
    @Test func theLocaleChoosesTheLanguage() {
        #expect(UILanguage(environment: ["LANG": "nb_NO.UTF-8"]) == .nb)
        #expect(UILanguage(environment: ["LANG": "nn_NO.UTF-8"]) == .nb)
        #expect(UILanguage(environment: ["LANG": "no_NO"]) == .nb)
        #expect(UILanguage(environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(UILanguage(environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(UILanguage(environment: [:]) == .en)
        #expect(UILanguage(environment: ["LANG": "nb_NO.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(UILanguage(environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "nb_NO.UTF-8"]) == .nb)
        #expect(UILanguage(environment: ["LANG": "nb_NO.UTF-8", "LC_ALL": ""]) == .nb, "an empty variable counts as unset")
        #expect(UILanguage(environment: ["LANG": "nob"]) == .en)
    }

    @Test func aTypedTimeIsTodayOrYesterdayOrRFC3339() {
        let now = Fixtures.at(minutes: 31)  // 03:41 +01:00
        #expect(TimeEntry.parse("03:05", now: now) == Fixtures.at(minutes: -5))
        #expect(TimeEntry.parse(" 3:05 ", now: now) == Fixtures.at(minutes: -5))
        #expect(TimeEntry.parse("23:50", now: now) == Fixtures.at(minutes: -200))
        #expect(TimeEntry.parse("2026-11-29T02:00:00+01:00", now: now) == Fixtures.at(minutes: -70))
        for bad in ["", "3", "25:00", "03:60", "03:5", "٠٣:٠٥", "kl 3", "03:05:00"] {
            #expect(TimeEntry.parse(bad, now: now) == nil, "\(bad)")
        }
    }

    @Test func spansAndClocksHaveFixedWidthDigits() {
        #expect(TimeText.span(71 * 3_600_000 + 17 * 60_000 + 50_000) == "71:17:50")
        #expect(TimeText.span(-65_000) == "00:01:05")
        #expect(TimeText.elapsed(2_530_000) == "T+00:42:10")
        #expect(TimeText.elapsed(150 * 3_600_000) == "T+150:00:00")
        #expect(TimeText.clock(Fixtures.openedAt) == "03:10")
        #expect(TimeText.dateTime(Fixtures.openedAt) == "2026-11-29 03:10")
    }
}
