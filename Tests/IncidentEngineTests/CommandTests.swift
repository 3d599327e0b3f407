import IncidentEngine
import Testing

@Suite struct CommandTests {
    @Test func unknownStepSuggestsTheNearest() throws {
        let run = try Run(Fixtures.ransomwareText)
        #expect(run.refusal(.complete(step: "isolat", note: nil)) == .unknownStep("isolat", suggestion: "isolate"))
        #expect(run.refusal(.complete(step: "zzz", note: nil)) == .unknownStep("zzz", suggestion: nil))
        #expect(run.refusal(.note(text: "x", step: "restor", lesson: false))
            == .unknownStep("restor", suggestion: "restore"))
        #expect(CommandError.unknownStep("isolat", suggestion: "isolate").description
            == "unknown step 'isolat' (did you mean 'isolate'?)")
    }

    @Test func decisionsNeedAValidOption() throws {
        let run = try Run(Fixtures.ransomwareText)
        #expect(run.refusal(.complete(step: "triage", note: "x"))
            == .decisionRequired(step: "triage", question: "Er filer kryptert?", options: ["Ja", "Nei", "Usikker"]))
        #expect(run.refusal(.decide(step: "triage", option: "4", note: "x"))
            == .optionOutOfRange(step: "triage", option: 4, count: 3))
        #expect(run.refusal(.decide(step: "triage", option: "0", note: "x"))
            == .optionOutOfRange(step: "triage", option: 0, count: 3))
        #expect(run.refusal(.decide(step: "triage", option: "usiker", note: "x"))
            == .unknownOption(step: "triage", option: "usiker", options: ["Ja", "Nei", "Usikker"], suggestion: "Usikker"))
        #expect(run.refusal(.decide(step: "triage", option: "kanskje", note: "x"))
            == .unknownOption(step: "triage", option: "kanskje", options: ["Ja", "Nei", "Usikker"], suggestion: nil))
        #expect(run.refusal(.decide(step: "isolate", option: "1", note: nil)) == .noDecision(step: "isolate"))
        #expect(run.refusal(.decide(step: "triage", option: " USIKKER ", note: "x")) == nil)
        #expect(run.refusal(.decide(step: "triage", option: "3", note: "x")) == nil)
    }

    @Test func recordNeedsANote() throws {
        var run = try Run(Fixtures.ransomwareText)
        #expect(run.refusal(.decide(step: "triage", option: "1", note: nil))
            == .noteRequired(step: "triage", record: "Berørte maskiner og brukere"))
        #expect(run.refusal(.decide(step: "triage", option: "1", note: " \n "))
            == .noteRequired(step: "triage", record: "Berørte maskiner og brukere"))
        try run.perform(.decide(step: "triage", option: "1", note: "PC-114, PC-120 🖥️"))
        #expect(run.state.step("triage")?.note == "PC-114, PC-120 🖥️")
        #expect(run.refusal(.decide(step: "triage", option: "1", note: "igjen")) == .stepAlreadyDone("triage"))
        #expect(run.refusal(.complete(step: "isolate", note: "")) == .emptyNote)
    }

    @Test func timesMustNotLieInTheFuture() throws {
        var run = try Run(Fixtures.linearText)
        run.wait(minutes: 10)
        #expect(run.refusal(.note(text: "x", step: nil, lesson: false), at: run.now.adding(seconds: 61))
            == .timeInFuture(run.now.adding(seconds: 61), now: run.now))
        #expect(run.refusal(.note(text: "x", step: nil, lesson: false), at: run.now.adding(seconds: 30)) == nil)
        #expect(run.refusal(.complete(step: "a", note: nil), at: run.minutes(-1))
            == .beforeOpening(run.minutes(-1), openedAt: Fixtures.openedAt))
        let note = try run.perform(.note(text: "Første varsel kom 02:50", step: nil, lesson: false), at: run.minutes(-20))
        #expect(note.first?.occurred == run.minutes(-20))
        #expect(note.first?.recorded == run.minutes(10))
        #expect(run.state.notes.last?.isBackdated == true)
    }

    @Test func openingRules() throws {
        var run = try Run(Fixtures.linearText, opened: false)
        #expect(run.refusal(.note(text: "x", step: nil, lesson: false)) == .notOpened)
        #expect(run.refusal(.open(title: "  ", exercise: false, playbookSHA256: Fixtures.sha)) == .emptyTitle)
        #expect(run.refusal(.open(title: "t", exercise: false, playbookSHA256: "ABC")) == .invalidPlaybookHash("ABC"))
        try run.perform(.open(title: "Phishing mot økonomi", exercise: true, playbookSHA256: Fixtures.sha),
                        at: run.minutes(-30))
        #expect(run.state.opening?.openedAt == run.minutes(-30))
        #expect(run.state.opening?.title == "Phishing mot økonomi")
        #expect(run.records.first?.event == .incidentOpened(
            playbook: "phishing", version: "1", playbookSHA256: Fixtures.sha, title: "Phishing mot økonomi",
            exercise: true))
        #expect(Run.story(run.records) == [
            "incident_opened", "phase_entered:detection", "step_reached:a", "deadline_started:report",
            "deadline_started:never",
        ])
        #expect(run.refusal(.open(title: "t", exercise: false, playbookSHA256: Fixtures.sha)) == .alreadyOpened)
    }

    @Test func closedIncidentRefusesAllButReopen() throws {
        var run = try Run(Fixtures.linearText)
        #expect(run.refusal(.reopen(reason: nil)) == .notClosed)
        #expect(run.refusal(.close(note: " ")) == .emptyNote)
        try run.perform(.close(note: nil))
        #expect(run.current == nil)
        #expect(run.state.steps.allSatisfy { $0.status != .current })
        for command: IncidentCommand in [
            .complete(step: "a", note: nil), .note(text: "x", step: nil, lesson: false), .close(note: nil),
            .tick(step: "a", item: 1), .recordMissedDeadlines, .correct(seq: 1, text: "x"),
        ] {
            #expect(run.refusal(command) == .incidentClosed)
        }
        #expect(run.refusal(.reopen(reason: "")) == .emptyReason)
        try run.perform(.reopen(reason: nil))
        #expect(run.current == "a")
        #expect(run.status("a") == .current)
    }

    @Test func corrections() throws {
        var run = try Run(Fixtures.ransomwareText)
        let note = try run.perform(.note(text: "Anrop fra Kari kl 03.00", step: "triage", lesson: false))
        let seq = try #require(note.first?.seq)
        #expect(run.refusal(.correct(seq: seq, text: "")) == .emptyNote)
        #expect(run.refusal(.correct(seq: 999, text: "x")) == .unknownEvent(seq: 999))
        #expect(run.refusal(.correct(seq: 1, text: "x")) == .notCorrectable(seq: 1))
        let fix = try run.perform(.correct(seq: seq, text: "Anrop fra Kari kl 02.55"))
        #expect(fix.first?.event == .correction(seq: seq, text: "Anrop fra Kari kl 02.55"))
        // Correcting the correction corrects the original again.
        let fixSeq = try #require(fix.first?.seq)
        let again = try run.perform(.correct(seq: fixSeq, text: "Anrop fra Kari kl 02.50"))
        #expect(again.first?.event == .correction(seq: seq, text: "Anrop fra Kari kl 02.50"))
        let entry = try #require(run.state.notes.first { $0.seq == seq })
        #expect(entry.text == "Anrop fra Kari kl 02.50")
        #expect(entry.originalText == "Anrop fra Kari kl 03.00")
        #expect(entry.corrections.map(\.seq) == [fixSeq, fixSeq + 1])
        #expect(entry.stepIndex == 0)

        // Completion notes and skip reasons are corrected where the step shows them too.
        let done = try run.perform(.decide(step: "triage", option: "Ja", note: "PC-1"))
        let completion = try #require(done.first { $0.kind == .stepCompleted }?.seq)
        try run.perform(.correct(seq: completion, text: "PC-1 og PC-2"))
        #expect(run.state.step("triage")?.note == "PC-1 og PC-2")
        let skip = try run.perform(.skip(step: "isolate", reason: "Allerede frakoblet"))
        try run.perform(.correct(seq: skip[0].seq, text: "Frakoblet av leverandør"))
        #expect(run.state.step("isolate")?.skipReason == "Frakoblet av leverandør")
        #expect(run.state.anomalies.isEmpty)
    }

    @Test func errorMessagesReadWell() {
        #expect(CommandError.decisionRequired(step: "triage", question: "Er filer kryptert?", options: ["Ja", "Nei"])
            .description == "step 'triage' asks: Er filer kryptert? Answer with one of: 1 Ja, 2 Nei")
        #expect(CommandError.optionOutOfRange(step: "t", option: 4, count: 3).description
            == "step 't' has no option 4 (choose 1 to 3)")
        #expect(CommandError.unknownOption(step: "t", option: "x", options: ["Ja", "Nei"], suggestion: nil).description
            == "step 't' has no option 'x' (choose one of: 'Ja', 'Nei')")
    }
}
