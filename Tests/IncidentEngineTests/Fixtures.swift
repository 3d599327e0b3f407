import IncidentEngine
import PlaybookFormat
import Testing

/// Playbooks the tests run, parsed by the real parser.
enum Fixtures {
    /// The contract's example playbook (docs: playbook-format.md).
    static let ransomwareText = """
        playbook: ransomware
        title: Løsepengevirus (ransomware)
        lang: nb
        version: 2026.1

        roles:
          - oncall: IKT-vakt
          - dpo: Personvernombud

        deadline datatilsynet: Avviksmelding til Datatilsynet
          within: 72h
          from: personal-data-yes
          until: notify-datatilsynet
          warn: 12h

        phase detection: Oppdage og vurdere
          step triage: Vurder varselet
            role: oncall
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
            do: Koble fra nettet.
          step personal-data: Vurder om personopplysninger er berørt
            role: dpo
            ask: Kan personopplysninger være berørt?
              - Ja -> personal-data-yes
              - Nei -> restore
          step personal-data-yes: Start 72-timersfristen
            do: Fristen for avviksmelding løper fra nå.
          step notify-datatilsynet: Send avviksmelding i Altinn
            do: Meld det dere vet nå.

        phase recovery: Gjenopprette
          step restore: Gjenopprett fra rene sikkerhetskopier
            check:
              - Sikkerhetskopien er kontrollert fri for skadevare
              - Administratorpassord er byttet

        phase normal: Tilbake til normal drift
          step monitor: Overvåk for ny aktivitet i 14 dager
            ask: Er det tegn til ny aktivitet?
              - Ja -> isolate
              - Nei -> end

        """

    /// A straight line with a deadline from opening and a `next` option.
    static let linearText = """
        playbook: phishing
        title: Phishing
        version: 1

        deadline report: Meld til ledelsen
          within: 1h
          until: report
          warn: 15m

        deadline never: Uten sluttsteg
          within: 2h

        phase detection: Oppdage
          step a: Første
            do: Gjør noe.
          step b: Andre
            ask: Videre?
              - Ja -> next
              - Slutt -> end
        phase containment: Begrense
          step c: Tredje
            do: Gjør noe.
          step report: Rapporter
            do: Skriv rapport.
        phase recovery: Gjenopprette
          step d: Fjerde
            do: Gjør noe.
        phase normal: Normal drift
          step e: Siste
            do: Ferdig.

        """

    /// A loop: `check` sends the flow back to `try` until it works.
    static let loopText = """
        playbook: retry
        title: Prøv igjen

        phase detection: Oppdage
          step start: Start
            do: Begynn.
        phase containment: Begrense
          step try: Forsøk
            do: Prøv.
          step check: Virket det?
            ask: Virket det?
              - Nei -> try
              - Ja -> next
              - Gi opp -> end
        phase recovery: Gjenopprette
          step fix: Rett opp
            do: Rett.
        phase normal: Normal
          step done: Ferdig
            ask: Alt i orden?
              - Nei -> start
              - Ja -> end

        """

    /// A personal-data breach, shaped like the shipped personvernbrudd
    /// playbook: the 72-hour deadline runs from `aware` until `notify`, and
    /// the risk assessment may lead past `notify` (internal register only).
    static let breachText = """
        playbook: avvik
        title: Brudd på personopplysningssikkerheten
        version: 1

        deadline datatilsynet: Avviksmelding til Datatilsynet
          within: 72h
          from: aware
          until: notify
          warn: 12h

        deadline register: Før avviket i internt register
          within: 30d
          from: aware

        phase detection: Oppdage
          step receive: Ta imot meldingen
            do: Skriv ned hva som har skjedd.
          step aware: Kommunen er kjent med bruddet
            do: Fristen løper fra nå.
        phase containment: Begrense
          step contain: Stans bruddet
            do: Stans det.
          step risk: Vurder risikoen for de berørte
            ask: Hvor stor er risikoen?
              - Lite sannsynlig -> register-only
              - Risiko -> notify
              - Høy risiko -> notify
          step register-only: Før bruddet i det interne registeret
            ask: Er bruddet dokumentert?
              - Ja -> remediate
              - Nei, vurder på nytt -> risk
          step notify: Send avviksmelding til Datatilsynet
            do: Meld det dere vet nå.
        phase recovery: Gjenopprette
          step remediate: Rett opp årsaken
            do: Rett opp.
        phase normal: Normal drift
          step wrap-up: Avslutt avviket
            ask: Er det kommet ny informasjon?
              - Ja, vurder risikoen på nytt -> risk
              - Nei -> end

        """

    static func playbook(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Playbook {
        let result = Playbook.parse(text, path: "fixture.playbook")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
        return try #require(result.playbook, sourceLocation: sourceLocation)
    }

    /// 2026-11-29T03:10:00+01:00, a Sunday night in Norway.
    static let openedAt = Timestamp(millisecondsSinceEpoch: 1_795_918_200_000, offsetMinutes: 60)
    static let sha = String(repeating: "ab", count: 32)
}
