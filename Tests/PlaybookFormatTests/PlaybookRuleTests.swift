import Testing
@testable import PlaybookFormat

/// The rules that need a whole playbook: required fields, ids, stages,
/// decisions, references and the flow warnings.
@Suite struct PlaybookRuleTests {
    @Test func minimalPlaybookIsClean() {
        let result = parse(playbook(coreStages))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let parsed = result.playbook
        #expect(parsed?.steps.map(\.id.value) == ["triage", "isolate", "restore", "monitor"])
        #expect(parsed?.phases.map(\.stage.value) == [.detection, .containment, .recovery, .normal])
        #expect(parsed?.phases.map(\.stepRange) == [0..<1, 1..<2, 2..<3, 3..<4])
        #expect(parsed.map { $0.phase(ofStepAt: 2).title.value } == "Gjenopprette")
    }

    @Test func missingRequiredFields() {
        let result = parse(coreStages)
        #expect(result.diagnostics.filter { $0.code == .missingField }.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.code != .missingField || ($0.line == 1 && $0.column == 1) })
    }

    @Test func reservedStepIDs() {
        expectOne(.reservedID, at: 7, 8, in: parse(playbook(coreStages).replacingAll("step isolate:", with: "step next:")))
        expectOne(.reservedID, at: 7, 8, in: parse(playbook(coreStages).replacingAll("step isolate:", with: "step end:")))
    }

    @Test func duplicateStepIDsAcrossPhases() {
        let diagnostic = expectOne(.duplicateID, at: 7, 8, in: parse(playbook(coreStages).replacingAll("step isolate:", with: "step triage:")))
        #expect(diagnostic?.message.contains("line 4") == true)
    }

    @Test func duplicateRoleAndDeadlineIDs() {
        let roles = "roles:\n  - lead: A\n  - lead: B\n"
        expectOne(.duplicateID, at: 5, 5, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\n" + roles)))
        let deadlines = "deadline d: A\n  within: 1h\ndeadline d: B\n  within: 2h\n"
        expectOne(.duplicateID, at: 5, 10, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\n" + deadlines)))
    }

    @Test func unknownAndDuplicateStages() {
        let unknown = expectOne(.unknownStage, at: 3, 7, in: parse(playbook(coreStages).replacingAll("phase detection:", with: "phase detect:")))
        #expect(unknown?.help == "did you mean 'detection'?")
        let duplicate = parse(playbook(coreStages + "phase detection: Igjen\n  step again: Igjen\n    do: x\n"))
        expectOne(.duplicateStage, at: 15, 7, in: duplicate)
    }

    @Test func phaseWithoutStepsIsAnError() {
        expectOne(.emptyPhase, at: 15, 1, in: parse(playbook(coreStages + "phase lessons: Lære\n")))
    }

    @Test func missingCoreStagesAreWarned() {
        let text = "playbook: t\ntitle: T\nphase detection: D\n  step a: A\n    do: x\n"
        let diagnostic = expectOne(.missingStage, at: 1, 11, in: parse(text))
        #expect(diagnostic?.severity == .warning)
        #expect(diagnostic?.message.contains("'containment', 'recovery', 'normal'") == true)
    }

    @Test func decisionJumpsAndTargets() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: """
                ask: Er filer kryptert?
                  - Ja -> isolate
                  - Nei -> end
                  - Usikker - ring -> next
            """)
        let result = parse(text)
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let options = result.playbook?.steps[0].decision?.options
        #expect(options?.map(\.label.value) == ["Ja", "Nei", "Usikker - ring"])
        #expect(options?.map(\.target.value) == [.step("isolate"), .end, .next])
        #expect(options?.first?.target.span.line == 6)
    }

    @Test func optionSplitsAtTheLastArrow() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - A -> B -> isolate\n      - C -> end")
        let options = parse(text).playbook?.steps[0].decision?.options
        #expect(options?.first?.label.value == "A -> B")
    }

    @Test func unknownTargetSuggestsTheNearest() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - Ja -> isolat\n      - Nei -> end")
        let diagnostic = expectOne(.unknownStep, at: 6, 15, in: parse(text))
        #expect(diagnostic?.help == "did you mean 'isolate'?")
        #expect(diagnostic?.endColumn == 21)
    }

    @Test func decisionNeedsTwoDistinctOptions() {
        let one = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - Ja -> isolate")
        expectOne(.tooFewOptions, at: 5, 10, in: parse(one))
        let none = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?")
        expectOne(.tooFewOptions, at: 5, 10, in: parse(none))
        let same = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - Ja -> isolate\n      - ja -> end")
        expectOne(.duplicateOption, at: 7, 9, in: parse(same))
    }

    @Test func optionWithoutArrowOrTarget() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - Ja\n      - Nei -> end\n      - Kanskje -> Isolate")
        let result = parse(text)
        expectOne(.invalidOption, at: 6, 9, in: result)
        expectOne(.invalidID, at: 8, 20, in: result)
    }

    @Test func askNeedsAQuestion() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask:\n      - Ja -> isolate\n      - Nei -> end")
        expectOne(.emptyValue, at: 5, 5, in: parse(text))
    }

    @Test func referencesMustResolve() {
        let header = "playbook: t\ntitle: T\nroles:\n  - lead: Leder\ndeadline d: Frist\n  within: 72h\n  from: triag\n  until: monitr\n"
        let text = playbook(coreStages.replacingAll("    do: Se på varselet.", with: "    do: x\n    role: leed"), header: header)
        let result = parse(text)
        #expect(expectOne(.unknownRole, at: 12, 11, in: result)?.help == "did you mean 'lead'?")
        let steps = result.diagnostics.filter { $0.code == .unknownStep }
        #expect(steps.map { "\($0.line):\($0.column)" } == ["7:9", "8:10"])
        #expect(steps.map(\.help) == ["did you mean 'triage'?", "did you mean 'monitor'?"])
    }

    @Test func deadlineNeedsWithinAndWarnsAboutWarn() {
        let missing = playbook(coreStages, header: "playbook: t\ntitle: T\ndeadline d: Frist\n  until: monitor\n")
        expectOne(.missingField, at: 3, 1, in: parse(missing))
        let warn = playbook(coreStages, header: "playbook: t\ntitle: T\ndeadline d: Frist\n  within: 1h\n  warn: 2h\n")
        expectOne(.warnNotBeforeDeadline, at: 5, 9, in: parse(warn))
        let good = parse(playbook(coreStages, header: "playbook: t\ntitle: T\ndeadline d: Frist\n  within: 72h\n  from: triage\n  until: restore\n  warn: 12h\n  ref: GDPR art. 33\n"))
        #expect(good.diagnostics.isEmpty, "\(positions(good))")
        let deadline = good.playbook?.deadlines.first
        #expect(deadline?.within.value.seconds == 72 * 3600)
        #expect(deadline?.warn?.value.seconds == 12 * 3600)
        #expect(deadline?.from?.value == "triage")
        #expect(deadline?.until?.value == "restore")
    }

    @Test func unreachableStepIsWarned() {
        let text = playbook(coreStages).replacingAll("    do: Se på varselet.", with: "    ask: Hva?\n      - Ja -> restore\n      - Nei -> end")
        let result = parse(text)
        let diagnostic = expectOne(.unreachableStep, at: 9, 8, in: result)
        #expect(diagnostic?.severity == .warning)
    }

    @Test func loopWithoutWayOutIsWarned() {
        let text = playbook(coreStages).replacingAll("    do: Følg med i 14 dager.", with: "    ask: Ny aktivitet?\n      - Ja -> isolate\n      - Nei -> triage")
        let result = parse(text)
        #expect(result.diagnostics.filter { $0.code == .endlessLoop }.map(\.line) == [14])
        let withExit = text.replacingAll("- Nei -> triage", with: "- Nei -> end")
        #expect(parse(withExit).diagnostics.isEmpty)
    }

    @Test func selfLoopWithoutExitIsWarned() {
        let text = playbook(coreStages).replacingAll("    do: Følg med i 14 dager.", with: "    ask: Igjen?\n      - Ja -> monitor\n      - Nei -> monitor")
        expectOne(.endlessLoop, at: 14, 10, in: parse(text))
    }

    @Test func emptyStepIsWarned() {
        let text = playbook(coreStages).replacingAll("    do: Koble fra nettet.\n", with: "")
        expectOne(.emptyStep, at: 7, 3, in: parse(text))
    }

    @Test func everyStepFieldIsRead() {
        let step = """
              step full: Alt
                role: lead
                expect: 1h30m
                do: |
                  Gjør dette.
                check:
                  - Første
                  - Andre
                run: |
                  Get-Process
                record: Hva ble gjort
                notify: ncsc, kommunecert
                ref: https://nsm.no/
                tags: NSM 4.2, T1486
                x-intern: 42

            """
        let header = "playbook: t\ntitle: T\nroles:\n  - lead: Leder\n"
        let result = parse(playbook(coreStages.replacingAll("    do: Hent tilbake fra kopi.\n", with: "    do: Hent tilbake fra kopi.\n" + step), header: header))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        let full = result.playbook?.step("full")
        #expect(full?.role?.value == "lead")
        #expect(full?.expect?.value.seconds == 5400)
        #expect(full?.instructions?.value == "Gjør dette.")
        #expect(full?.checklist.map(\.value) == ["Første", "Andre"])
        #expect(full?.commands?.value == "Get-Process")
        #expect(full?.record?.value == "Hva ble gjort")
        #expect(full?.notify.map(\.value) == ["ncsc", "kommunecert"])
        #expect(full?.notify.map(\.span.start) != nil)
        #expect(full?.ref?.value == "https://nsm.no/")
        #expect(full?.tags.map(\.value) == ["NSM 4.2", "T1486"])
        #expect(full?.extensions.map(\.key.value) == ["x-intern"])
        #expect(full?.phaseIndex == 2)
    }

    @Test func emptyItemInCommaListIsAnError() {
        expectOne(.emptyValue, at: 3, 10, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\ntags: a, , b\n")))
    }

    @Test func rolesNeedIDAndName() {
        let result = parse(playbook(coreStages, header: "playbook: t\ntitle: T\nroles:\n  - Leder\n  - lead:\n  - On Call: Vakt\n"))
        expectOne(.expectedEntry, at: 4, 5, in: result)
        expectOne(.emptyValue, at: 5, 5, in: result)
        expectOne(.invalidID, at: 6, 5, in: result)
    }
}
