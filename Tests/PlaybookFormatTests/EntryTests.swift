import Testing
@testable import PlaybookFormat

/// Entries: keys, fields, lists, text blocks and blocks.
@Suite struct EntryTests {
    @Test func valuesAreTextExactlyAsWritten() {
        // The YAML traps: nothing here is a boolean, a number or a date.
        let result = parse(playbook(coreStages, header: "playbook: t\ntitle: Møte 10:15\nlang: no\nversion: 2026-01-09\nowner: yes\n"))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(result.playbook?.title.value == "Møte 10:15")
        #expect(result.playbook?.lang?.value == "no")
        #expect(result.playbook?.version?.value == "2026-01-09")
        #expect(result.playbook?.owner?.value == "yes")
    }

    @Test func unknownKeySuggestsTheNearest() {
        let result = parse(playbook(coreStages).replacingAll("    do: Koble fra nettet.", with: "    chekc:\n      - x"))
        let diagnostic = expectOne(.unknownKey, at: 8, 5, in: result)
        #expect(diagnostic?.help == "did you mean 'check'?")
        #expect(diagnostic?.message == "unknown key 'chekc' in a step")
    }

    @Test func upperCaseKeyIsAnError() {
        let diagnostic = expectOne(.invalidKey, at: 2, 1, in: parse("playbook: t\nTitle: T\n"))
        #expect(diagnostic?.help == "write 'title'")
    }

    @Test func nonASCIIKeyIsAnError() {
        expectOne(.invalidKey, at: 2, 1, in: parse("playbook: t\ntittél: T\n"))
    }

    @Test func duplicateKeyNamesTheFirst() {
        let diagnostic = expectOne(.duplicateKey, at: 3, 1, in: parse(playbook(coreStages, header: "playbook: t\ntitle: A\ntitle: B\n")))
        #expect(diagnostic?.message.contains("line 2") == true)
    }

    @Test func extensionKeysAreKeptAndIgnored() {
        let result = parse(playbook(coreStages, header: "playbook: t\ntitle: T\nx-kommune: Gjøvik\nx-notes: |\n  fri tekst\n"))
        #expect(result.diagnostics.isEmpty, "\(positions(result))")
        #expect(result.playbook?.extensions.map(\.key.value) == ["x-kommune", "x-notes"])
        #expect(result.playbook?.extensions.last?.value.value == "fri tekst")
    }

    @Test func textBlockRemovesCommonIndentationKeepsInnerBlanksAndHashes() {
        let text = "playbook: t\ntitle: T\nsummary: |\n    Første linje\n      innrykket\n\n    # ikke en kommentar\n\n\nowner: x\n"
        let result = parse(text)
        #expect(result.playbook?.summary?.value == "Første linje\n  innrykket\n\n# ikke en kommentar")
        #expect(result.playbook?.owner?.value == "x")
        #expect(result.playbook?.summary?.span.line == 4)
    }

    @Test func emptyTextBlockIsAnError() {
        expectOne(.emptyValue, at: 3, 10, in: parse("playbook: t\ntitle: T\nsummary: |\nowner: x\n"))
    }

    @Test func textBlockThatNeverEndsIsNamed() {
        // Everything after the summary was indented by mistake: the block swallows the phases.
        let indented = coreStages.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        let result = parse("playbook: t\ntitle: T\nsummary: |\n  Om boka\n" + indented)
        let diagnostic = expectOne(.unterminatedTextBlock, at: 3, 10, in: result)
        #expect(diagnostic?.message.contains("line 5") == true)
    }

    @Test func emptyValueIsAnError() {
        expectOne(.emptyValue, at: 2, 1, in: parse(playbook(coreStages, header: "playbook: t\nowner:\ntitle: T\n")))
    }

    @Test func emptyListIsAnError() {
        expectOne(.emptyValue, at: 3, 1, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\nroles:\n")))
    }

    @Test func emptyListItemIsAnError() {
        expectOne(.emptyValue, at: 4, 3, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\nroles:\n  -\n")))
    }

    @Test func listGivenAsValueIsAnError() {
        let result = parse(playbook(coreStages).replacingAll("    do: Koble fra nettet.", with: "    check: Koble fra"))
        expectOne(.expectedList, at: 8, 12, in: result)
    }

    @Test func nonItemInsideAListIsAnError() {
        let result = parse(playbook(coreStages, header: "playbook: t\ntitle: T\nroles:\n  - lead: Leder\n  oncall: Vakt\n"))
        expectOne(.expectedListItem, at: 5, 3, in: result)
    }

    @Test func itemOutsideAListIsAnError() {
        expectOne(.expectedEntry, at: 3, 1, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\n- løs linje\n")))
    }

    @Test func proseWhereAnEntryBelongsIsAnError() {
        let diagnostic = expectOne(.expectedEntry, at: 3, 1, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\nBare tekst uten kolon\n")))
        #expect(diagnostic?.help?.contains("text block") == true)
    }

    @Test func fieldWrittenAsBlockAndBlockWrittenAsField() {
        expectOne(.expectedEntry, at: 3, 7, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\nowner Per: x\n")))
        expectOne(.expectedEntry, at: 3, 1, in: parse(playbook(coreStages, header: "playbook: t\ntitle: T\nphase: detection\n")))
    }

    @Test func unknownBlockKindSuggestsTheNearest() {
        let result = parse(playbook(coreStages).replacingAll("  step isolate:", with: "  stpe isolate:"))
        let diagnostic = expectOne(.unknownBlockKind, at: 7, 3, in: result)
        #expect(diagnostic?.help == "did you mean 'step'?")
    }

    @Test func blockNeedsATitle() {
        expectOne(.missingTitle, at: 7, 3, in: parse(playbook(coreStages).replacingAll("  step isolate: Isoler", with: "  step isolate:")))
    }

    @Test func blockIDMustBeOneWord() {
        expectOne(.expectedEntry, at: 7, 8, in: parse(playbook(coreStages).replacingAll("  step isolate: Isoler", with: "  step iso late: Isoler")))
    }

    @Test func upperCaseAndNonASCIIIDsAreErrors() {
        let upper = expectOne(.invalidID, at: 7, 8, in: parse(playbook(coreStages).replacingAll("step isolate:", with: "step Isolate:")))
        #expect(upper?.help == "write 'isolate'")
        let nordic = expectOne(.invalidID, at: 7, 8, in: parse(playbook(coreStages).replacingAll("step isolate:", with: "step isolér:")))
        #expect(nordic?.help == "write 'isolr'" || nordic?.help == nil || nordic?.help?.hasPrefix("write") == true)
        expectOne(.invalidID, at: 1, 11, in: parse(playbook(coreStages, header: "playbook: -t\ntitle: T\n")))
    }

    @Test func durationsFollowTheSyntax() {
        for good in ["45s", "15m", "2h", "1h30m", "3d", "1d12h", "0m"] {
            #expect(PlaybookDuration(parsing: good) != nil, "\(good)")
        }
        for bad in ["", "15", "m", "1h 30m", "30m1h", "1x", "1.5h", "-5m", "1m1m", "9999999999s"] {
            #expect(PlaybookDuration(parsing: bad) == nil, "\(bad)")
        }
        #expect(PlaybookDuration(parsing: "1d12h")?.seconds == 129_600)
        #expect(PlaybookDuration(seconds: 5_400).description == "1h30m")
        let result = parse(playbook(coreStages).replacingAll("    do: Koble fra nettet.", with: "    do: x\n    expect: 1h 30m"))
        let diagnostic = expectOne(.invalidDuration, at: 9, 13, in: result)
        #expect(diagnostic?.help?.contains("1h30m") == true)
    }

    @Test func oneLineFieldsRefuseTextBlocks() {
        expectOne(.textBlockNotAllowed, at: 2, 8, in: parse(playbook(coreStages, header: "playbook: t\ntitle: |\n  T\n")))
    }
}
