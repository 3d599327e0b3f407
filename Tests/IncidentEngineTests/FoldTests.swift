import IncidentEngine
import PlaybookFormat
import Testing

/// Folding journals that commands did not write: the fold never fails, and
/// says what it could not apply.
@Suite struct FoldTests {
    static func record(_ seq: Int, _ event: IncidentEvent, minutes: Int = 0, actor: String = "kari") -> EventRecord {
        let time = Fixtures.openedAt.adding(seconds: minutes * 60)
        return EventRecord(seq: seq, occurred: time, recorded: time, actor: actor, event: event)
    }

    static let opened = IncidentEvent.incidentOpened(
        playbook: "ransomware", version: nil, playbookSHA256: Fixtures.sha, title: "t", exercise: false)

    @Test func primaryEventsAloneDriveTheFlow() throws {
        let playbook = try Fixtures.playbook(Fixtures.ransomwareText)
        let state = RunState.fold(playbook, [
            Self.record(1, Self.opened),
            Self.record(2, .decisionAnswered(step: "triage", question: "q", option: 2, label: "Nei", target: .step("personal-data"))),
            Self.record(3, .stepCompleted(step: "triage", note: "x"), minutes: 5),
            Self.record(4, .decisionAnswered(step: "personal-data", question: "q", option: 1, label: "Ja", target: .step("personal-data-yes"))),
            Self.record(5, .stepCompleted(step: "personal-data", note: nil), minutes: 7, actor: "ola"),
        ])
        #expect(state.anomalies.isEmpty)
        #expect(state.currentStep?.id.value == "personal-data-yes")
        #expect(state.steps.map(\.status) == [.done, .bypassed, .done, .current, .pending, .pending, .pending])
        #expect(state.deadlines[0].due == Fixtures.openedAt.adding(seconds: 7 * 60 + 72 * 3_600))
        #expect(state.participants == ["kari", "ola"])
        #expect(state.decisions.map(\.label) == ["Nei", "Ja"])
    }

    @Test func anomaliesAreListedNotFatal() throws {
        let playbook = try Fixtures.playbook(Fixtures.ransomwareText)
        let state = RunState.fold(playbook, [
            Self.record(1, .noteAdded(text: "too early", step: nil, lesson: false)),
            Self.record(2, Self.opened),
            Self.record(3, Self.opened),
            Self.record(5, .stepCompleted(step: "nope", note: nil)),
            Self.record(6, .stepReached(step: "restore")),
            Self.record(7, .checklistTicked(step: "triage", item: 9)),
            Self.record(8, .decisionAnswered(step: "isolate", question: "q", option: 1, label: "x", target: .end)),
            Self.record(9, .correction(seq: 3, text: "x")),
            Self.record(10, .deadlineMissed(deadline: "ghost")),
            Self.record(11, .incidentReopened(reason: nil)),
            Self.record(12, .stepSkipped(step: "triage", reason: "r")),
            Self.record(13, .stepSkipped(step: "triage", reason: "again")),
        ])
        #expect(state.anomalies.map(\.seq) == [1, 3, 5, 5, 6, 7, 8, 9, 10, 11, 13])
        #expect(state.anomalies[3].description == "event 5: unknown step 'nope'")
        #expect(state.currentStep?.id.value == "isolate")
        #expect(state.eventCount == 12)
    }

    @Test func closingHidesTheCurrentStepAndReopeningRestoresIt() throws {
        let playbook = try Fixtures.playbook(Fixtures.ransomwareText)
        var state = RunState(playbook: playbook)
        state.apply([Self.record(1, Self.opened), Self.record(2, .incidentClosed(note: "ferdig"), minutes: 30)])
        #expect(state.isClosed)
        #expect(state.closedAt == Fixtures.openedAt.adding(seconds: 1_800))
        #expect(state.currentStepIndex == nil)
        #expect(state.steps[0].status == .pending)
        #expect(state.notes.last?.source == .close)
        state.apply(Self.record(3, .incidentReopened(reason: "mer"), minutes: 40))
        #expect(!state.isClosed)
        #expect(state.currentStepIndex == 0)
        #expect(state.steps[0].status == .current)
    }
}
