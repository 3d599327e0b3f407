import PlaybookFormat
import Testing
@testable import Reports

/// The Markdown binder of the contract's example, as a reader sees it.
@Suite struct MarkdownBinderTests {
    @Test func showsTheHeaderAndNumberedSteps() throws {
        let markdown = try ExampleFixtures.render(.markdown, .nb)
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.first == "# Løsepengevirus (ransomware)")
        #expect(lines.contains("- **Id:** `ransomware`"))
        #expect(lines.contains("- **Versjon:** 2026.1"))
        #expect(lines.contains("- **Stikkord:** ransomware, T1486, NSM 4.2, NSM 4.3"))
        #expect(markdown.contains("Bruk når filer blir kryptert eller en løsepengemelding dukker opp.\\\nMål: stoppe"))
        #expect(lines.contains("- Hendelsesleder (`lead`)"))
        #expect(lines.contains("## Fase 1 av 4: Oppdage og vurdere"))
        #expect(lines.contains("_Oppdagelse_"))
        #expect(lines.contains("### 1. Vurder varselet"))
        #expect(lines.contains("### 3. Vurder om personopplysninger er berørt"))
        #expect(lines.contains("### 7. Overvåk for ny aktivitet i 14 dager"))
        #expect(lines.contains("- **Steg-id:** `isolate`"))
        #expect(lines.contains("- **Rolle:** IKT-vakt"))
        #expect(lines.contains("- **Mål:** 30 min"))
    }

    @Test func showsChecklistsCommandsAndDecisions() throws {
        let markdown = try ExampleFixtures.render(.markdown, .nb)
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.contains("**Sjekkliste**"))
        #expect(lines.contains("- [ ] Noter tidspunktet for første varsel"))
        #expect(lines.contains("- [ ] Sikkerhetskopien er kontrollert fri for skadevare"))
        #expect(lines.contains("**Kommandoer** (vises for kopiering; vakt kjører dem aldri):"))
        #expect(markdown.contains("""
            ```text
            # Vises for kopiering, kjøres aldri av vakt
            Disable-NetAdapter -Name "Ethernet" -Confirm:$false
            ```
            """))
        #expect(lines.contains("**Noter:** Berørte maskiner og brukere"))
        #expect(lines.contains("**Beslutning:** Er filer kryptert?"))
        #expect(lines.contains("- **Ja** → 2. Isoler berørte systemer"))
        #expect(lines.contains("- **Nei** → 3. Vurder om personopplysninger er berørt"))
        #expect(lines.contains("- **Nei** → slutt"))
    }

    @Test func showsDeadlinesAndContacts() throws {
        let lines = try ExampleFixtures.render(.markdown, .nb).split(separator: "\n").map(String.init)
        #expect(lines.contains("## Frister"))
        #expect(lines.contains("### Avviksmelding til Datatilsynet"))
        #expect(lines.contains("- **Innen:** 72 timer"))
        #expect(lines.contains("- **Starter:** når steg 4. Start 72-timersfristen nås"))
        #expect(lines.contains("- **Oppfylt:** når steg 5. Send avviksmelding i Altinn er fullført"))
        #expect(lines.contains("- **Varsel:** 12 timer før fristen"))
        #expect(lines.contains("- **Starter fristen:** Avviksmelding til Datatilsynet (innen 72 timer)"))
        #expect(lines.contains("**Varsle:**"))
        #expect(lines.contains("- **KommuneCERT**"))
        #expect(lines.contains("  - Telefon: (fyll inn fra avtalen)"))
        #expect(lines.contains("## Kontakter"))
        #expect(lines.contains("### Kontakter for hendelseshåndtering (kommune-eksempel)"))
        #expect(lines.contains("| Navn | Telefon | E-post | Når |"))
        #expect(lines.contains("|---|---|---|---|"))
        #expect(lines.contains("| NSM Nasjonalt cybersikkerhetssenter (ncsc) | 02497 |  | Døgnåpent |"))
        #expect(lines.contains("| KommuneCERT (kommunecert) | (fyll inn fra avtalen) | (fyll inn) |  |"))
    }

    @Test func marksMissingContacts() throws {
        let text = ExampleFixtures.playbookText.replacingFirst(
            "notify: kommunecert", with: "notify: kommunecert, politiet")
        let playbook = try ExampleFixtures.parsePlaybook(text)
        let lines = PlaybookBinder.render(
            playbook, contacts: [try ExampleFixtures.contacts()], format: .markdown, language: .en
        ).split(separator: "\n").map(String.init)
        #expect(lines.contains("- politiet (not in the contact list)"))
        #expect(lines.contains("**Not in the contact list:** politiet"))
    }

    @Test func speaksEnglish() throws {
        let lines = try ExampleFixtures.render(.markdown, .en).split(separator: "\n").map(String.init)
        #expect(lines.contains("## Phase 2 of 4: Begrense skaden"))
        #expect(lines.contains("- **Target time:** 15 min"))
        #expect(lines.contains("**Checklist**"))
        #expect(lines.contains("**Commands** (shown for copying; vakt never runs them):"))
        #expect(lines.contains("**Decision:** Er filer kryptert?"))
        #expect(lines.contains("- **Nei** → end"))
        #expect(lines.contains("- **Within:** 72 hours"))
        #expect(lines.contains("**Notify:**"))
    }
}
