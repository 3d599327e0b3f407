import Testing
@testable import PlaybookFormat

/// Every example in the product contract parses and validates as the contract
/// says. The examples are copied into Fixtures/ so the tests need no ../shared.
@Suite struct ContractExampleTests {
    @Test func examplePlaybookIsClean() throws {
        let result = DocumentParser.parse(try fixture("contract-example.playbook"))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let parsed = try #require(result.playbook)
        #expect(parsed.id.value == "ransomware")
        #expect(parsed.title.value == "Løsepengevirus (ransomware)")
        #expect(parsed.lang?.value == "nb")
        #expect(parsed.version?.value == "2026.1")
        #expect(parsed.tags.map(\.value) == ["ransomware", "T1486", "NSM 4.2", "NSM 4.3"])
        #expect(parsed.summary?.value == "Bruk når filer blir kryptert eller en løsepengemelding dukker opp.\nMål: stoppe spredning, sikre spor og gjenopprette trygt.")
        #expect(parsed.roles.map(\.id.value) == ["lead", "oncall", "dpo"])
        #expect(parsed.phases.map(\.stage.value) == [.detection, .containment, .recovery, .normal])
        #expect(parsed.steps.map(\.id.value) == ["triage", "isolate", "personal-data", "personal-data-yes",
                                                 "notify-datatilsynet", "restore", "monitor"])
        let deadline = try #require(parsed.deadlines.first)
        #expect(deadline.id.value == "datatilsynet")
        #expect(deadline.within.value.seconds == 72 * 3600)
        #expect(deadline.from?.value == "personal-data-yes")
        #expect(deadline.until?.value == "notify-datatilsynet")
        #expect(deadline.warn?.value.seconds == 12 * 3600)
        #expect(deadline.ref?.value == "GDPR art. 33")
        let triage = parsed.steps[0]
        #expect(triage.instructions?.value == "Finn ut hvilke maskiner og brukere som er berørt.\nIkke slå av maskiner: minnet kan inneholde spor.")
        #expect(triage.checklist.count == 2)
        #expect(triage.record?.value == "Berørte maskiner og brukere")
        #expect(triage.decision?.options.map(\.target.value) == [.step("isolate"), .step("personal-data"), .step("isolate")])
        let isolate = parsed.steps[1]
        #expect(isolate.commands?.value == "# Vises for kopiering, kjøres aldri av vakt\nDisable-NetAdapter -Name \"Ethernet\" -Confirm:$false")
        #expect(isolate.notify.map(\.value) == ["kommunecert"])
        #expect(parsed.steps.last?.decision?.options.map(\.target.value) == [.step("isolate"), .end])
    }

    @Test func exampleScenarioAndContactsAreClean() throws {
        let scenarioSource = try fixture("contract-example.scenario")
        let scenario = DocumentParser.parse(scenarioSource)
        #expect(scenario.diagnostics.isEmpty, "\(positions(scenario))")
        let contacts = DocumentParser.parse(try fixture("contract-example.contacts"))
        #expect(contacts.diagnostics.isEmpty, "\(positions(contacts))")
        let playbookSource = try fixture("contract-example.playbook")
        let target = try #require(DocumentParser.parse(playbookSource).playbook)
        let list = try #require(contacts.contactList)
        #expect(CrossReferenceValidator.checkContacts(of: target, in: playbookSource, against: [list]).isEmpty)
        let parsedScenario = try #require(scenario.scenario)
        #expect(CrossReferenceValidator.checkScenario(parsedScenario, in: scenarioSource, against: target).isEmpty)
    }

    /// The contract's diagnostic example, character for character.
    @Test func misspeltTargetReadsAsTheContractShows() throws {
        let original = try fixture("contract-example.playbook")
        let text = String(decoding: original.bytes, as: UTF8.self).replacingAll("      - Ja -> isolate\n      - Nei -> personal-data", with: "      - Ja -> isolat\n      - Nei -> personal-data")
        let source = SourceFile(path: "playbooks/ransomware.playbook", text: text)
        let result = DocumentParser.parse(source)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        let rendered = DiagnosticRenderer().render(diagnostic, source: source)
        #expect(rendered == """
            playbooks/ransomware.playbook:36:15: error: unknown step 'isolat' in decision option
                  - Ja -> isolat
                          ^~~~~~
              help: did you mean 'isolate'?

            """)
    }
}
