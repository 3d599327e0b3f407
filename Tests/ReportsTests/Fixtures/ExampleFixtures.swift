import PlaybookFormat
@testable import Reports
import Testing

/// The example playbook and contact list from the format contract, copied
/// here so the tests never read outside the package.
enum ExampleFixtures {
    static let playbookText = #"""
        # Løsepengevirus — eksempel
        playbook: ransomware
        title: Løsepengevirus (ransomware)
        lang: nb
        version: 2026.1
        owner: Informasjonssikkerhetsleder
        tags: ransomware, T1486, NSM 4.2, NSM 4.3
        summary: |
          Bruk når filer blir kryptert eller en løsepengemelding dukker opp.
          Mål: stoppe spredning, sikre spor og gjenopprette trygt.

        roles:
          - lead: Hendelsesleder
          - oncall: IKT-vakt
          - dpo: Personvernombud

        deadline datatilsynet: Avviksmelding til Datatilsynet
          within: 72h
          from: personal-data-yes
          until: notify-datatilsynet
          warn: 12h
          ref: GDPR art. 33

        phase detection: Oppdage og vurdere
          step triage: Vurder varselet
            role: oncall
            expect: 15m
            do: |
              Finn ut hvilke maskiner og brukere som er berørt.
              Ikke slå av maskiner: minnet kan inneholde spor.
            check:
              - Noter tidspunktet for første varsel
              - Ta bilde av løsepengemeldingen
            record: Berørte maskiner og brukere
            ask: Er filer kryptert?
              - Ja -> isolate
              - Nei -> personal-data
              - Usikker -> isolate

        phase containment: Begrense skaden
          step isolate: Isoler berørte systemer
            role: oncall
            expect: 30m
            run: |
              # Vises for kopiering, kjøres aldri av vakt
              Disable-NetAdapter -Name "Ethernet" -Confirm:$false
            notify: kommunecert
          step personal-data: Vurder om personopplysninger er berørt
            role: dpo
            ask: Kan personopplysninger være berørt?
              - Ja -> personal-data-yes
              - Nei -> restore
          step personal-data-yes: Start 72-timersfristen
            role: dpo
            do: Fristen for avviksmelding løper fra nå.
          step notify-datatilsynet: Send avviksmelding i Altinn
            role: dpo
            do: Meld det dere vet nå; resten kan ettersendes.
            ref: https://www.datatilsynet.no/

        phase recovery: Gjenopprette
          step restore: Gjenopprett fra rene sikkerhetskopier
            role: oncall
            check:
              - Sikkerhetskopien er kontrollert fri for skadevare
              - Administratorpassord er byttet

        phase normal: Tilbake til normal drift
          step monitor: Overvåk for ny aktivitet i 14 dager
            role: oncall
            ask: Er det tegn til ny aktivitet?
              - Ja -> isolate
              - Nei -> end
        """#

    static let contactsText = #"""
        contacts: kommune-eksempel
        title: Kontakter for hendelseshåndtering

        contact ncsc: NSM Nasjonalt cybersikkerhetssenter
          phone: 02497
          when: Døgnåpent

        contact kommunecert: KommuneCERT
          phone: (fyll inn fra avtalen)
          email: (fyll inn)
        """#

    /// The example playbook, parsed; fails the test if it does not parse cleanly.
    static func playbook(sourceLocation: SourceLocation = #_sourceLocation) throws -> Playbook {
        try parsePlaybook(playbookText, sourceLocation: sourceLocation)
    }

    static func parsePlaybook(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Playbook {
        let (playbook, diagnostics) = Playbook.parse(text, path: "ransomware.playbook")
        let errors = diagnostics.filter(\.isError).map(\.message)
        #expect(errors.isEmpty, "parse errors: \(errors)", sourceLocation: sourceLocation)
        return try #require(playbook, sourceLocation: sourceLocation)
    }

    static func contacts(sourceLocation: SourceLocation = #_sourceLocation) throws -> ContactList {
        let result = DocumentParser.parse(SourceFile(path: "kommune.contacts", text: contactsText))
        #expect(!result.hasErrors, "parse errors: \(result.errors.map(\.message))", sourceLocation: sourceLocation)
        return try #require(result.contactList, sourceLocation: sourceLocation)
    }

    static func render(_ format: BinderFormat, _ language: ReportLanguage, withContacts: Bool = true) throws -> String {
        let lists = withContacts ? [try contacts()] : []
        return PlaybookBinder.render(try playbook(), contacts: lists, format: format, language: language)
    }
}
