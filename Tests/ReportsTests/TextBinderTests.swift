import PlaybookFormat
import Testing
@testable import Reports

/// The plain-text binder of the contract's example, as a reader sees it.
@Suite struct TextBinderTests {
    @Test func showsTheHeaderRolesAndSummary() throws {
        let text = try ExampleFixtures.render(.text, .nb)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Løsepengevirus (ransomware)")
        #expect(lines[1] == String(repeating: "=", count: 27))
        #expect(lines.contains("Id:        ransomware"))
        #expect(lines.contains("Versjon:   2026.1"))
        #expect(lines.contains("Eier:      Informasjonssikkerhetsleder"))
        #expect(lines.contains("Stikkord:  ransomware, T1486, NSM 4.2, NSM 4.3"))
        #expect(lines.contains("Bruk når filer blir kryptert eller en løsepengemelding dukker opp."))
        #expect(lines.contains("Mål: stoppe spredning, sikre spor og gjenopprette trygt."))
        #expect(lines.contains("- Hendelsesleder (lead)"))
        #expect(lines.contains("- Personvernombud (dpo)"))
    }

    @Test func numbersStepsAcrossPhasesInFileOrder() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        let titles = [
            "1. Vurder varselet [triage]", "2. Isoler berørte systemer [isolate]",
            "3. Vurder om personopplysninger er berørt [personal-data]",
            "4. Start 72-timersfristen [personal-data-yes]",
            "5. Send avviksmelding i Altinn [notify-datatilsynet]",
            "6. Gjenopprett fra rene sikkerhetskopier [restore]",
            "7. Overvåk for ny aktivitet i 14 dager [monitor]",
        ]
        var positions: [Int] = []
        for title in titles {
            positions.append(try #require(lines.firstIndex(of: title), "missing \(title)"))
        }
        #expect(positions == positions.sorted())
        #expect(lines.contains("Fase 1 av 4 · Oppdagelse"))
        #expect(lines.contains("Oppdage og vurdere"))
        #expect(lines.contains("Fase 4 av 4 · Normal drift"))
        // Phase 2 comes between step 1 and step 2.
        let phase2 = try #require(lines.firstIndex(of: "Fase 2 av 4 · Begrensning"))
        #expect(phase2 > positions[0] && phase2 < positions[1])
    }

    @Test func showsStepDetails() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("   Rolle:  IKT-vakt"))
        #expect(lines.contains("   Mål:    15 min"))
        #expect(lines.contains("   Mål:    30 min"))
        #expect(lines.contains("   Finn ut hvilke maskiner og brukere som er berørt."))
        #expect(lines.contains("   Ikke slå av maskiner: minnet kan inneholde spor."))
        #expect(lines.contains("   Sjekkliste:"))
        #expect(lines.contains("   [ ] Noter tidspunktet for første varsel"))
        #expect(lines.contains("   [ ] Administratorpassord er byttet"))
        #expect(lines.contains("   Noter: Berørte maskiner og brukere"))
        #expect(lines.contains("   Ref:                https://www.datatilsynet.no/"))
    }

    @Test func showsCommandsVerbatimAndSaysTheyAreNotRun() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("   Kommandoer (vises for kopiering; vakt kjører dem aldri):"))
        #expect(lines.contains(#"       Disable-NetAdapter -Name "Ethernet" -Confirm:$false"#))
        #expect(lines.contains("       # Vises for kopiering, kjøres aldri av vakt"))
    }

    @Test func showsDecisionsWithTheirTargetsTitles() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("   Beslutning: Er filer kryptert?"))
        #expect(lines.contains("   ( ) Ja       → 2. Isoler berørte systemer"))
        #expect(lines.contains("   ( ) Nei      → 3. Vurder om personopplysninger er berørt"))
        #expect(lines.contains("   ( ) Usikker  → 2. Isoler berørte systemer"))
        #expect(lines.contains("   ( ) Nei  → 6. Gjenopprett fra rene sikkerhetskopier"))
        #expect(lines.contains("   ( ) Nei  → slutt"))
    }

    @Test func showsDeadlinesWithStepTitles() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("Frister"))
        #expect(lines.contains("Avviksmelding til Datatilsynet"))
        #expect(lines.contains("  Innen:    72 timer"))
        #expect(lines.contains("  Starter:  når steg 4. Start 72-timersfristen nås"))
        #expect(lines.contains("  Oppfylt:  når steg 5. Send avviksmelding i Altinn er fullført"))
        #expect(lines.contains("  Varsel:   12 timer før fristen"))
        #expect(lines.contains("  Ref:      GDPR art. 33"))
        // …and at the steps that start and meet it.
        #expect(lines.contains("   Starter fristen:  Avviksmelding til Datatilsynet (innen 72 timer)"))
        #expect(lines.contains("   Oppfyller fristen:  Avviksmelding til Datatilsynet"))
    }

    @Test func looksContactsUpAndListsThemAtTheEnd() throws {
        let lines = try ExampleFixtures.render(.text, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("   Varsle:"))
        #expect(lines.contains("   - KommuneCERT"))
        #expect(lines.contains("       Telefon:  (fyll inn fra avtalen)"))
        #expect(lines.contains("       E-post:   (fyll inn)"))
        let contacts = try #require(lines.lastIndex(of: "Kontakter"))
        let tail = Array(lines[contacts...])
        #expect(tail.contains("Kontakter for hendelseshåndtering (kommune-eksempel)"))
        #expect(tail.contains("  NSM Nasjonalt cybersikkerhetssenter (ncsc)"))
        #expect(tail.contains("    Telefon:  02497"))
        #expect(tail.contains("    Når:      Døgnåpent"))
        #expect(tail.contains("  KommuneCERT (kommunecert)"))
    }

    @Test func marksContactsThatAreMissing() throws {
        let text = ExampleFixtures.playbookText.replacingFirst(
            "notify: kommunecert", with: "notify: kommunecert, politiet")
        let playbook = try ExampleFixtures.parsePlaybook(text)
        let output = PlaybookBinder.render(
            playbook, contacts: [try ExampleFixtures.contacts()], format: .text, language: .nb)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains("   - KommuneCERT"))
        #expect(lines.contains("   - politiet (ikke i kontaktlisten)"))
        #expect(lines.contains("Ikke i kontaktlisten: politiet"))

        let english = PlaybookBinder.render(playbook, contacts: [], format: .text, language: .en)
        #expect(english.contains("   - politiet (no contact list given)\n"))
        #expect(english.contains("   - kommunecert (no contact list given)\n"))
    }

    @Test func speaksEnglish() throws {
        let lines = try ExampleFixtures.render(.text, .en).split(separator: "\n").map(String.init)
        #expect(lines.contains("Version:  2026.1"))
        #expect(lines.contains("Roles"))
        #expect(lines.contains("Deadlines"))
        #expect(lines.contains("  Within:   72 hours"))
        #expect(lines.contains("  Starts:   when step 4. Start 72-timersfristen is reached"))
        #expect(lines.contains("  Met:      when step 5. Send avviksmelding i Altinn is completed"))
        #expect(lines.contains("  Warning:  12 hours before the deadline"))
        #expect(lines.contains("Phase 1 of 4 · Detection"))
        #expect(lines.contains("   Role:         IKT-vakt"))
        #expect(lines.contains("   Target time:  15 min"))
        #expect(lines.contains("   Checklist:"))
        #expect(lines.contains("   Commands (shown for copying; vakt never runs them):"))
        #expect(lines.contains("   Record: Berørte maskiner og brukere"))
        #expect(lines.contains("   Decision: Er det tegn til ny aktivitet?"))
        #expect(lines.contains("   ( ) Nei  → end"))
        #expect(lines.contains("   Notify:"))
        #expect(lines.contains("       Phone:  (fyll inn fra avtalen)"))
        #expect(lines.contains("Contacts"))
    }

    @Test func staysWithin80Columns() throws {
        for language in ReportLanguage.allCases {
            let text = try ExampleFixtures.render(.text, language)
            for line in text.split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 80, "too wide: \(line)")
                #expect(line.last != " ", "trailing space: \(line)")
            }
        }
    }

    @Test func showsNextStepTargetsAndUnknownReferences() {
        let playbook = HandBuilt.playbook(steps: [
            HandBuilt.step("a", "Første", role: "ghost", decision: [("Videre", .next), ("Hopp", .step("nowhere"))]),
            HandBuilt.step("b", "Andre", decision: [("Igjen", .step("a")), ("Videre", .next)]),
        ])
        let lines = PlaybookBinder.render(playbook, contacts: [], format: .text, language: .nb)
            .split(separator: "\n").map(String.init)
        #expect(lines.contains("   Rolle:  ghost (ukjent rolle)"))
        #expect(lines.contains("   ( ) Videre  → neste steg (2. Andre)"))
        #expect(lines.contains("   ( ) Hopp    → nowhere (ukjent steg)"))
        #expect(lines.contains("   ( ) Igjen   → 1. Første"))
        #expect(lines.contains("   ( ) Videre  → neste steg (slutt)"))
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
