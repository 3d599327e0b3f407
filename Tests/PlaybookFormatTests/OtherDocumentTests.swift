import Testing
@testable import PlaybookFormat

/// Scenarios, contact lists, and the references between files.
@Suite struct OtherDocumentTests {
    let scenarioText = """
        scenario: drill
        title: Øvelse
        playbook: test
        lang: nb
        duration: 2h
        objectives:
          - Varsle riktig
        summary: Kort om øvelsen

        inject first: Første
          at: 0m
          to: oncall
          text: |
            Mange ringer.
          expect: triage
          within: 15m

        inject press: Pressen ringer
          at: 40m
          to: lead
          text: En journalist spør.

        """

    let contactsText = """
        contacts: liste
        title: Kontakter

        contact ncsc: NSM NCSC
          phone: 02497
          when: Døgnåpent

        contact kommunecert: KommuneCERT
          phone: (fyll inn)
          email: (fyll inn)
          note: Fra avtalen
          ref: https://www.nhn.no/

        """

    @Test func scenarioIsRead() {
        let result = parse(scenarioText, as: .scenario, path: "drill.scenario")
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let scenario = result.scenario
        #expect(scenario?.id.value == "drill")
        #expect(scenario?.playbook.value == "test")
        #expect(scenario?.duration?.value.seconds == 7200)
        #expect(scenario?.objectives.map(\.value) == ["Varsle riktig"])
        #expect(scenario?.injects.map(\.id.value) == ["first", "press"])
        #expect(scenario?.injects.first?.text?.value == "Mange ringer.")
        #expect(scenario?.injects.first?.within?.value.seconds == 900)
        #expect(scenario?.injects.last?.at.value.seconds == 2400)
    }

    @Test func scenarioRules() {
        let missing = parse("scenario: s\ntitle: T\ninject a: A\n  text: x\n", as: .scenario)
        #expect(missing.diagnostics.filter { $0.code == .missingField }.map { "\($0.line):\($0.column)" } == ["1:1", "3:1"])
        #expect(missing.diagnostics.contains { $0.code == .missingField && $0.message.contains("playbook") })
        #expect(missing.diagnostics.contains { $0.code == .missingField && $0.message.contains("'at'") })
        let duplicate = parse(scenarioText + "inject first: Igjen\n  at: 1h\n", as: .scenario)
        expectOne(.duplicateID, at: 22, 8, in: duplicate)
        let lonely = parse(scenarioText.replacingAll("  expect: triage\n", with: ""), as: .scenario)
        expectOne(.withinWithoutExpect, at: 15, 11, in: lonely)
        let late = parse(scenarioText.replacingAll("at: 40m", with: "at: 3h"), as: .scenario)
        expectOne(.injectAfterEnd, at: 19, 7, in: late)
        let unknown = parse(scenarioText.replacingAll("  to: lead", with: "  too: lead"), as: .scenario)
        #expect(expectOne(.unknownKey, at: 20, 3, in: unknown)?.help == "did you mean 'to'?")
    }

    @Test func scenarioReferencesAreCheckedAgainstItsPlaybook() throws {
        let source = SourceFile(path: "drill.scenario", text: scenarioText.replacingAll("expect: triage", with: "expect: triag")
            .replacingAll("to: lead", with: "to: leder"))
        let scenario = try #require(DocumentParser.parse(source).scenario)
        let header = "playbook: test\ntitle: T\nroles:\n  - lead: Leder\n  - oncall: Vakt\n"
        let target = try #require(parse(playbook(coreStages, header: header)).playbook)
        let diagnostics = CrossReferenceValidator.checkScenario(scenario, in: source, against: target)
        #expect(diagnostics.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["unknown-step@15:11", "unknown-role@20:7"])
        #expect(diagnostics.first?.help == "did you mean 'triage'?")
        let missing = CrossReferenceValidator.checkScenario(scenario, in: source, against: nil, knownPlaybooks: ["tst"])
        #expect(missing.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["unknown-playbook@3:11"])
    }

    @Test func contactListIsRead() {
        let result = parse(contactsText, as: .contacts, path: "k.contacts")
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let list = result.contactList
        #expect(list?.contacts.map(\.id.value) == ["ncsc", "kommunecert"])
        #expect(list?.contact("ncsc")?.phone?.value == "02497")
        #expect(list?.contact("kommunecert")?.note?.value == "Fra avtalen")
    }

    @Test func contactListRules() {
        let noMeans = parse(contactsText + "contact politi: Politiet\n  when: Alltid\n", as: .contacts)
        expectOne(.unreachableContact, at: 13, 1, in: noMeans)
        let duplicate = parse(contactsText + "contact ncsc: Igjen\n  phone: 1\n", as: .contacts)
        expectOne(.duplicateID, at: 13, 9, in: duplicate)
        expectOne(.missingField, at: 1, 1, in: parse("title: T\ncontact a: A\n  phone: 1\n", as: .contacts))
    }

    @Test func notifyIsCheckedAgainstContactLists() throws {
        let contacts = try #require(parse(contactsText, as: .contacts).contactList)
        let text = playbook(coreStages.replacingAll("    do: Koble fra nettet.", with: "    do: x\n    notify: ncsc, kommunecrt"))
        let source = SourceFile(path: "p.playbook", text: text)
        let parsed = try #require(DocumentParser.parse(source).playbook)
        let diagnostics = CrossReferenceValidator.checkContacts(of: parsed, in: source, against: [contacts])
        #expect(diagnostics.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["unknown-contact@9:19"])
        #expect(diagnostics.first?.help == "did you mean 'kommunecert'?")
        #expect(CrossReferenceValidator.checkContacts(of: parsed, in: source, against: []).isEmpty)
    }

    @Test func kindComesFromTheExtensionOrTheFirstKey() {
        #expect(DocumentParser.parse(SourceFile(path: "x.scenario", text: scenarioText)).scenario != nil)
        #expect(DocumentParser.parse(SourceFile(path: "x.txt", text: "# c\n" + contactsText)).contactList != nil)
        #expect(DocumentParser.parse(SourceFile(path: "x.txt", text: scenarioText)).scenario != nil)
        // A scenario in a .playbook file is named as one, not read as a broken playbook.
        let wrong = DocumentParser.parse(SourceFile(path: "x.playbook", text: scenarioText))
        #expect(wrong.diagnostics.map(\.code) == [.wrongDocumentKind])
    }
}

@Suite struct DocumentKindTests {
    @Test func fileNamedForOneKindHoldingAnotherIsOneError() {
        let result = DocumentParser.parse(SourceFile(path: "k.playbook", text: "# liste\ncontacts: k\ncontact a: A\n  phone: 1\n"))
        #expect(result.diagnostics.count == 1)
        let diagnostic = expectOne(.wrongDocumentKind, at: 2, 1, in: result)
        #expect(diagnostic?.help == "name it with the extension .contacts")
    }
}
