import PlaybookFormat
import Testing
@testable import Reports

@Suite struct ReportStringsTests {
    @Test func durationsReadAsWords() throws {
        let nb = ReportStrings(.nb)
        let en = ReportStrings(.en)
        func duration(_ text: String) throws -> PlaybookDuration { try #require(PlaybookDuration(parsing: text)) }
        #expect(nb.words(try duration("30m")) == "30 min")
        #expect(nb.words(try duration("1h")) == "1 time")
        #expect(nb.words(try duration("1h30m")) == "1 time 30 min")
        #expect(nb.words(try duration("72h")) == "72 timer")
        #expect(nb.words(try duration("1d12h")) == "36 timer")
        #expect(nb.words(try duration("14d")) == "14 døgn")
        #expect(nb.words(try duration("45s")) == "45 sek")
        #expect(en.words(try duration("1h")) == "1 hour")
        #expect(en.words(try duration("72h")) == "72 hours")
        #expect(en.words(try duration("4d2h")) == "4 days 2 hours")
        #expect(en.words(try duration("0m")) == "0 min")
    }

    @Test func languageFollowsThePlaybook() {
        #expect(ReportLanguage(playbookLang: nil) == .nb)
        #expect(ReportLanguage(playbookLang: "nb") == .nb)
        #expect(ReportLanguage(playbookLang: "nn") == .nb)
        #expect(ReportLanguage(playbookLang: "no") == .nb)
        #expect(ReportLanguage(playbookLang: "en") == .en)
        #expect(ReportLanguage(playbookLang: "en-GB") == .en)
        #expect(ReportLanguage(playbookLang: "EN") == .en)
        #expect(BinderFormat(rawValue: "md") == .markdown)
    }

    @Test func everyLabelIsTranslated() {
        let nb = ReportStrings(.nb)
        let en = ReportStrings(.en)
        let pairs = [
            (nb.role, en.role), (nb.target, en.target), (nb.checklist, en.checklist), (nb.decision, en.decision),
            (nb.notify, en.notify), (nb.deadlines, en.deadlines), (nb.commands, en.commands), (nb.record, en.record),
            (nb.contacts, en.contacts), (nb.nextStep, en.nextStep), (nb.end, en.end),
        ]
        #expect(pairs.map(\.0) == ["Rolle", "Mål", "Sjekkliste", "Beslutning", "Varsle", "Frister", "Kommandoer",
                                   "Noter", "Kontakter", "neste steg", "slutt"])
        #expect(pairs.map(\.1) == ["Role", "Target time", "Checklist", "Decision", "Notify", "Deadlines", "Commands",
                                   "Record", "Contacts", "next step", "end"])
    }
}
