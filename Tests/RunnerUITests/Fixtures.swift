import Foundation
import IncidentEngine
import PlaybookFormat
import Testing

/// Playbooks and times the UI tests run on.
enum Fixtures {
    /// A small playbook with everything a step can have, a decision, a loop
    /// (verify → isolate) and a deadline from the opening with a warn window.
    static let drillText = """
        playbook: drill
        title: Øvingsløype
        lang: nb
        version: 1

        roles:
          - oncall: IKT-vakt
          - lead: Hendelsesleder

        deadline report: Melding til ledelsen
          within: 2h
          until: report
          warn: 30m

        phase detection: Oppdage
          step alert: Ta imot varselet
            role: oncall
            expect: 5m
            do: |
              Skriv ned tidspunktet.
              Spør hva de så.
            check:
              - Tidspunkt notert
              - Skjermbilde tatt
              - Maskinen står på
            record: Hvem varslet og hva de så
          step assess: Vurder omfanget
            role: oncall
            ask: Er flere maskiner berørt?
              - Ja -> isolate
              - Nei -> report

        phase containment: Begrense
          step isolate: Isoler maskinene
            role: oncall
            expect: 30m
            do: Trekk ut nettverkskabelen.
            run: |
              Get-NetAdapter | Disable-NetAdapter
            notify: ncsc, ukjent
          step verify: Virket isoleringen?
            ask: Er maskinene isolert?
              - Nei -> isolate
              - Ja -> next

        phase recovery: Gjenopprette
          step report: Meld til ledelsen
            role: lead
            do: Ring hendelsesleder.
            notify: ncsc
          step wrapup: Avslutt
            do: Skriv en kort oppsummering.

        phase normal: Normal drift
          step done: Tilbake i normal drift
            do: Ferdig.

        """

    static let contactsText = """
        contacts: test
        title: Testkontakter

        contact ncsc: NSM NCSC
          phone: 02497

        """

    /// A tabletop exercise on the drill playbook: six injects, four with
    /// expectations (one with a five-minute window, easy to miss), one with
    /// paragraphs and a list, one to no role.
    static let drillScenarioText = """
        scenario: drill-tabletop
        title: Diskusjonsøvelse: mistenkelig PC
        playbook: drill
        lang: nb
        duration: 1h
        objectives:
          - Isolere maskinene innen 30 minutter etter varselet
          - Melde til ledelsen før fristen

        inject call: Servicedesk ringer
          at: 0m
          to: oncall
          text: |
            Klokka 03:05 ringer servicedesk. En ansatt på økonomi melder
            at filene på fellesområdet har fått nye navn, og at det ligger
            en tekstfil i hver mappe.

            Hun har ikke slått av maskinen.
          expect: assess
          within: 10m

        inject spread: Flere maskiner
          at: 10m
          to: oncall
          text: To maskiner til på økonomi viser den samme meldingen.
          expect: isolate
          within: 5m

        inject press: Journalisten ringer
          at: 15m
          to: lead
          text: En journalist i lokalavisa spør om kommunen er rammet av et dataangrep, og vil ha svar innen en time.
          expect: report
          within: 30m

        inject backup: Sikkerhetskopien
          at: 20m
          to: oncall
          text: |
            Driftsleverandøren melder at nattens sikkerhetskopi feilet.
            Forrige fullstendige kopi er fra fredag.
            - Filserveren: fredag 22:00
            - Økonomisystemet: fredag 23:30

        inject mayor: Ordføreren vil vite mer
          at: 30m
          to: lead
          text: Ordføreren ber om en kort status før kommunestyret i morgen.

        inject wrap: Øvelsen nærmer seg slutten
          at: 45m
          text: Sett av tid til førsteinntrykksevalueringen.

        """

    static func drillScenario() throws -> Scenario {
        try parseScenario(drillScenarioText)
    }

    static func parseScenario(_ text: String) throws -> Scenario {
        let result = DocumentParser.parse(SourceFile(path: "drill.scenario", text: text), as: .scenario)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(errors)")
        return try #require(result.scenario)
    }

    static func drill() throws -> Playbook {
        try parse(drillText)
    }

    static func parse(_ text: String, path: String = "fixture.playbook") throws -> Playbook {
        let result = Playbook.parse(text, path: path)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(errors)")
        return try #require(result.playbook)
    }

    static func contacts(_ text: String = contactsText, path: String = "test.contacts") throws -> ContactList {
        let result = DocumentParser.parse(SourceFile(path: path, text: text), as: .contacts)
        return try #require(result.contactList)
    }

    /// The repository's root, found from this file.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func shipped(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("playbooks").appendingPathComponent(name),
                   encoding: .utf8)
    }

    static func ransomware() throws -> Playbook {
        try parse(try shipped("ransomware.playbook"), path: "ransomware.playbook")
    }

    static func shippedContacts() throws -> ContactList {
        try contacts(try shipped("kontakter.contacts"), path: "kontakter.contacts")
    }

    /// 2026-11-29T03:10:00+01:00, a Sunday night in Norway.
    static let openedAt = Timestamp(millisecondsSinceEpoch: 1_795_918_200_000, offsetMinutes: 60)

    static func at(minutes: Int, seconds: Int = 0) -> Timestamp {
        openedAt.adding(seconds: minutes * 60 + seconds)
    }

    static let sha = String(repeating: "ab", count: 32)
}
