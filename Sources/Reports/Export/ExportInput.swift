import IncidentEngine
import PlaybookFormat

/// What an export or a review is made from: the playbook copy the incident
/// ran on, its journal, the state folded from that journal, the scenario copy
/// of an exercise, and the moment the document is made. The CLI and the UI pass the same things, so the
/// documents say what the screen said.
public struct ExportInput: Sendable {
    /// The incident's folder name (`20261129-ransomware-7k3`).
    public var incidentID: String
    public var playbook: Playbook
    /// Every record of the journal, in journal order.
    public var records: [EventRecord]
    /// `RunState.fold(playbook, records)`: passed in because the caller has it already.
    public var state: RunState
    /// Contact lists to look the steps' `notify` ids up in (may be empty).
    public var contacts: [ContactList]
    public var language: ReportLanguage
    /// When the document is made: running deadlines and an open incident's
    /// duration are judged at this moment.
    public var now: Timestamp
    /// The scenario copy kept with an exercise (`IncidentFolder.scenarioBytes()`),
    /// parsed; nil for a real incident or when the copy is missing. With it
    /// the review of an exercise is the evaluation report.
    public var scenario: Scenario?

    public init(
        incidentID: String, playbook: Playbook, records: [EventRecord], state: RunState,
        contacts: [ContactList] = [], language: ReportLanguage, now: Timestamp, scenario: Scenario? = nil
    ) {
        self.incidentID = incidentID
        self.playbook = playbook
        self.records = records
        self.state = state
        self.contacts = contacts
        self.language = language
        self.now = now
        self.scenario = scenario
    }

    /// Folds `records` itself, with the language taken from the playbook's `lang`.
    public init(
        incidentID: String, playbook: Playbook, records: [EventRecord], contacts: [ContactList] = [], now: Timestamp,
        scenario: Scenario? = nil
    ) {
        self.init(
            incidentID: incidentID, playbook: playbook, records: records, state: RunState.fold(playbook, records),
            contacts: contacts, language: ReportLanguage(playbookLang: playbook.lang?.value), now: now,
            scenario: scenario)
    }

    /// True when the incident was opened as an exercise: every document then carries the marking.
    public var isExercise: Bool { state.opening?.isExercise ?? false }
}
