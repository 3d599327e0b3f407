import PlaybookFormat
import Testing
@testable import Reports

/// The HTML binder of the contract's example: what a reader sees, and that the
/// file is one well-formed, self-contained page that prints as a binder.
@Suite struct HTMLBinderTests {
    @Test(arguments: ReportLanguage.allCases)
    func isWellFormedAndSelfContained(language: ReportLanguage) throws {
        let html = try ExampleFixtures.render(.html, language)
        let checker = HTMLChecker(html)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        #expect(checker.danglingLinks.isEmpty, "\(checker.danglingLinks)")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        let lower = html.lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "http://", "url(", "@import", "href=\"http"] {
            #expect(!lower.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func hasAPrintStyleSheet() throws {
        let html = try ExampleFixtures.render(.html, .nb)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print {"))
        #expect(html.contains("section.phase, section.contacts { break-before: page;"))
        #expect(html.contains(".step, .deadline, tr, .ruled, ul.options { break-inside: avoid;"))
        #expect(html.contains("color: #000; background: #fff;"))
    }

    @Test func hasATableOfContents() throws {
        let html = try ExampleFixtures.render(.html, .nb)
        #expect(html.contains("<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">Innhold</h2>"))
        #expect(html.contains("<li><a href=\"#deadlines\">Frister</a></li>"))
        #expect(html.contains("<li><a href=\"#phase-2\">Fase 2 av 4: Begrense skaden</a>"))
        #expect(html.contains("<li><a href=\"#step-3\">3. Vurder om personopplysninger er berørt</a></li>"))
        #expect(html.contains("<li><a href=\"#contacts\">Kontakter</a></li>"))
    }

    @Test func showsStepsAsAReaderSeesThem() throws {
        let html = try ExampleFixtures.render(.html, .nb)
        #expect(html.contains("<section class=\"phase\" id=\"phase-1\">\n<h2><span class=\"phase-number\">Fase 1 av 4 · Oppdagelse</span> Oppdage og vurdere</h2>"))
        #expect(html.contains("<article class=\"step\" id=\"step-2\">\n<h3>2. Isoler berørte systemer <span class=\"step-id\">isolate</span></h3>"))
        #expect(html.contains("<dt>Rolle</dt><dd>IKT-vakt</dd>"))
        #expect(html.contains("<dt>Mål</dt><dd>15 min</dd>"))
        #expect(html.contains("<div class=\"text\">Finn ut hvilke maskiner og brukere som er berørt.\nIkke slå av maskiner: minnet kan inneholde spor.</div>"))
        #expect(html.contains("<li><span class=\"box\" aria-hidden=\"true\">☐</span>Noter tidspunktet for første varsel</li>"))
        #expect(html.contains("<h4>Kommandoer <span class=\"hint\">(vises for kopiering; vakt kjører dem aldri)</span></h4>"))
        #expect(html.contains("<pre><code># Vises for kopiering, kjøres aldri av vakt\nDisable-NetAdapter -Name &quot;Ethernet&quot; -Confirm:$false</code></pre>"))
        #expect(html.contains("<h4>Noter</h4>\n<div class=\"text\">Berørte maskiner og brukere</div>\n<div class=\"ruled\" aria-hidden=\"true\">"))
        #expect(html.contains("<p class=\"question\">Er filer kryptert?</p>"))
        #expect(html.contains("<strong>Nei</strong> → <a href=\"#step-3\">3. Vurder om personopplysninger er berørt</a></li>"))
        #expect(html.contains("<strong>Nei</strong> → slutt</li>"))
        #expect(html.contains("<dt>Ref</dt><dd>https://www.datatilsynet.no/</dd>"))
    }

    @Test func showsDeadlinesAndContacts() throws {
        let html = try ExampleFixtures.render(.html, .en)
        #expect(html.contains("<h3>Avviksmelding til Datatilsynet</h3>"))
        #expect(html.contains("<dt>Within</dt><dd>72 hours</dd>"))
        #expect(html.contains("<dt>Starts</dt><dd>when step <a href=\"#step-4\">4. Start 72-timersfristen</a> is reached</dd>"))
        #expect(html.contains("<dt>Met</dt><dd>when step <a href=\"#step-5\">5. Send avviksmelding i Altinn</a> is completed</dd>"))
        #expect(html.contains("<dt>Warning</dt><dd>12 hours before the deadline</dd>"))
        #expect(html.contains("<li><strong>KommuneCERT</strong> — Phone: (fyll inn fra avtalen); Email: (fyll inn)</li>"))
        #expect(html.contains("<thead><tr><th>Name</th><th>Phone</th><th>Email</th><th>When</th></tr></thead>"))
        #expect(html.contains("<tr><td><strong>NSM Nasjonalt cybersikkerhetssenter</strong> <code>ncsc</code></td><td>02497</td><td></td><td>Døgnåpent</td></tr>"))
        #expect(html.contains("<td class=\"blank\"></td>"))
    }

    @Test func marksMissingContacts() throws {
        let text = ExampleFixtures.playbookText.replacingFirst(
            "notify: kommunecert", with: "notify: kommunecert, politiet")
        let playbook = try ExampleFixtures.parsePlaybook(text)
        let html = PlaybookBinder.render(
            playbook, contacts: [try ExampleFixtures.contacts()], format: .html, language: .nb)
        #expect(html.contains("<li class=\"missing\">politiet (ikke i kontaktlisten)</li>"))
        #expect(html.contains("<p class=\"missing\"><strong>Ikke i kontaktlisten:</strong> politiet</p>"))
        #expect(HTMLChecker(html).problems.isEmpty)
    }

    @Test func showsNextStepTargetsAndUnknownReferences() {
        let playbook = HandBuilt.playbook(steps: [
            HandBuilt.step("a", "Første", role: "ghost", decision: [("Videre", .next), ("Hopp", .step("nowhere"))]),
            HandBuilt.step("b", "Andre", decision: [("Igjen", .step("a")), ("Videre", .next)]),
        ])
        let html = PlaybookBinder.render(playbook, contacts: [], format: .html, language: .en)
        #expect(HTMLChecker(html).problems.isEmpty)
        #expect(html.contains("<dt>Role</dt><dd>ghost (unknown role)</dd>"))
        #expect(html.contains("<strong>Videre</strong> → next step (<a href=\"#step-2\">2. Andre</a>)</li>"))
        #expect(html.contains("<strong>Hopp</strong> → nowhere (unknown step)</li>"))
        #expect(html.contains("<strong>Videre</strong> → next step (end)</li>"))
    }

    @Test func aPlaybookWithoutStepsIsStillAPage() {
        let playbook = Playbook(id: HandBuilt.located("empty"), title: HandBuilt.located("Tom"))
        for format in BinderFormat.allCases {
            let output = PlaybookBinder.render(playbook, contacts: [], format: format, language: .nb)
            #expect(output.contains("(ingen steg)"))
        }
        let html = PlaybookBinder.render(playbook, contacts: [], format: .html, language: .nb)
        #expect(HTMLChecker(html).problems.isEmpty)
    }
}
