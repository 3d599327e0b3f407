import Testing
@testable import PlaybookFormat

/// Every scenario error and warning the contract lists, each at its
/// line:column in an otherwise valid scenario. (OtherDocumentTests covers
/// missing `scenario`/`playbook`/`at`, duplicate inject ids, `within` without
/// `expect`, an inject after the end, an unknown inject key and the
/// references; this suite covers the rest.)
@Suite struct ScenarioRuleTests {
    /// Valid on its own and against `target`; line numbers below refer to it.
    let base = """
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
          expect: isolate
          within: 20m

        """

    func scenario(_ text: String) -> ParseResult {
        parse(text, as: .scenario, path: "drill.scenario")
    }

    func edited(_ target: String, _ replacement: String, sourceLocation: SourceLocation = #_sourceLocation) -> ParseResult {
        #expect(base.contains(target), "the base scenario has '\(target)'", sourceLocation: sourceLocation)
        return scenario(base.replacingAll(target, with: replacement))
    }

    /// The playbook the base scenario runs.
    func target() throws -> Playbook {
        let header = "playbook: test\ntitle: T\nroles:\n  - lead: Leder\n  - oncall: Vakt\n"
        return try #require(parse(playbook(coreStages, header: header)).playbook)
    }

    func references(_ text: String, against playbook: Playbook?, known: [String] = []) throws -> [Diagnostic] {
        let source = SourceFile(path: "drill.scenario", text: text)
        let parsed = try #require(DocumentParser.parse(source).scenario)
        return CrossReferenceValidator.checkScenario(parsed, in: source, against: playbook, knownPlaybooks: known)
    }

    @Test func baseIsClean() throws {
        let result = scenario(base)
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(try references(base, against: try target()).isEmpty)
    }

    // MARK: Required fields

    @Test func missingTitle() {
        let result = edited("title: Øvelse\n", "")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        #expect(expectOne(.missingField, at: 1, 1, in: result)?.message == "missing 'title: …'")
    }

    @Test func missingScenarioID() {
        let result = edited("scenario: drill\n", "")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        #expect(expectOne(.missingField, at: 1, 1, in: result)?.message == "missing 'scenario: ID'")
    }

    @Test func missingPlaybookAlone() {
        let result = edited("playbook: test\n", "")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        let diagnostic = expectOne(.missingField, at: 1, 1, in: result)
        #expect(diagnostic?.message == "missing 'playbook: ID' (the playbook the participants run)")
    }

    @Test func injectWithoutTitle() {
        let result = edited("inject press: Pressen ringer", "inject press:")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.missingTitle, at: 18, 1, in: result)
    }

    // MARK: Durations

    @Test func malformedScenarioDuration() {
        let result = edited("duration: 2h", "duration: 2 timer")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.invalidDuration, at: 5, 11, in: result)
    }

    @Test func malformedAt() {
        let result = edited("at: 40m", "at: 40")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.invalidDuration, at: 19, 7, in: result)
    }

    @Test func malformedWithin() {
        let result = edited("within: 15m", "within: 15min")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.invalidDuration, at: 16, 11, in: result)
    }

    @Test func durationsTakeNoTextBlock() {
        let result = edited("  at: 40m\n", "  at: |\n    40m\n")
        expectOne(.textBlockNotAllowed, at: 19, 7, in: result)
    }

    // MARK: Ids

    @Test func malformedIDs() {
        expectOne(.invalidID, at: 1, 11, in: edited("scenario: drill", "scenario: Drill"))
        expectOne(.invalidID, at: 3, 11, in: edited("playbook: test", "playbook: Test"))
        expectOne(.invalidID, at: 18, 8, in: edited("inject press:", "inject Press:"))
        expectOne(.invalidID, at: 20, 7, in: edited("to: lead", "to: Leder"))
        let expect = edited("expect: triage", "expect: Triage")
        expectOne(.invalidID, at: 15, 11, in: expect)
        // The malformed expect is dropped, so its within stands alone.
        expectOne(.withinWithoutExpect, at: 16, 11, in: expect)
    }

    // MARK: Entries

    @Test func unknownTopLevelKeySuggests() {
        let result = edited("lang: nb", "langs: nb")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        #expect(expectOne(.unknownKey, at: 4, 1, in: result)?.help == "did you mean 'lang'?")
    }

    @Test func unknownBlockInAScenario() {
        let result = scenario(base + "step s: S\n  do: x\n")
        expectOne(.unknownBlockKind, at: 24, 1, in: result)
    }

    @Test func keyGivenTwiceInAnInject() {
        let result = edited("  to: lead\n", "  to: lead\n  to: oncall\n")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.duplicateKey, at: 21, 3, in: result)
    }

    @Test func objectivesIsAList() {
        let result = edited("objectives:\n  - Varsle riktig", "objectives: Varsle riktig")
        #expect(result.diagnostics.count == 1, "\(positions(result))")
        expectOne(.expectedList, at: 6, 13, in: result)
    }

    @Test func emptyValues() {
        expectOne(.emptyValue, at: 6, 1, in: edited("  - Varsle riktig\n", ""))
        expectOne(.emptyValue, at: 21, 3, in: edited("  text: En journalist spør.", "  text:"))
        expectOne(.emptyValue, at: 8, 10, in: edited("summary: Kort om øvelsen", "summary: |\n"))
    }

    // MARK: References and warnings

    @Test func unknownRoleListsTheRoles() throws {
        let diagnostics = try references(base.replacingAll("to: lead", with: "to: ordforer"), against: try target())
        #expect(diagnostics.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["unknown-role@20:7"])
        #expect(diagnostics.first?.help == "roles: lead, oncall")
    }

    @Test func unknownPlaybookWithNothingLikeIt() throws {
        let diagnostics = try references(base, against: nil, known: ["ransomware", "kontokapring"])
        #expect(diagnostics.map { "\($0.code.rawValue)@\($0.line):\($0.column)" } == ["unknown-playbook@3:11"])
        #expect(diagnostics.first?.help == "put the playbook beside the scenario, or name its folder with --playbooks")
    }

    @Test func injectExactlyAtTheEndIsFine() {
        let result = edited("at: 40m", "at: 2h")
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
    }
}
