import IncidentEngine

/// Every kind of journal event with every optional field both ways, for the
/// tests that must cover them all: the engine's JSON round trip and the
/// store's fast decoder against its general one.
public enum EventSamples {
    /// The time the samples' incident was opened (a deadline falls due 72 h later).
    public static let openedAt = Timestamp(millisecondsSinceEpoch: 1_795_918_200_000, offsetMinutes: 60)
    /// The samples' playbook fingerprint.
    public static let sha = String(repeating: "ab", count: 32)

    public static let all: [IncidentEvent] = [
        .incidentOpened(playbook: "ransomware", version: "2026.1", playbookSHA256: sha, title: "Kryptert «filserver»", exercise: false),
        .incidentOpened(playbook: "ransomware", version: nil, playbookSHA256: sha, title: "", exercise: true),
        .phaseEntered(phase: .containment),
        .stepReached(step: "triage"),
        .stepCompleted(step: "triage", note: "PC-114\n\"PC-120\""),
        .stepCompleted(step: "triage", note: nil),
        .stepSkipped(step: "isolate", reason: "Allerede frakoblet"),
        .stepReopened(step: "isolate"),
        .checklistTicked(step: "triage", item: 1),
        .checklistUnticked(step: "triage", item: 2),
        .decisionAnswered(step: "triage", question: "Er filer kryptert?", option: 2, label: "Nei", target: .step("personal-data")),
        .decisionAnswered(step: "b", question: "Videre?", option: 1, label: "Ja", target: .next),
        .decisionAnswered(step: "b", question: "Videre?", option: 2, label: "Slutt", target: .end),
        .noteAdded(text: "Ringte KommuneCERT 😅", step: nil, lesson: false),
        .noteAdded(text: "Lær: ha nummeret klart", step: "triage", lesson: true),
        .correction(seq: 5, text: "Rettet"),
        .deadlineStarted(deadline: "datatilsynet", due: openedAt.adding(seconds: 259_200)),
        .deadlineMet(deadline: "datatilsynet"),
        .deadlineMissed(deadline: "datatilsynet"),
        .deadlineWaived(deadline: "datatilsynet", reason: .untilBypassed),
        .deadlineWaived(deadline: "report", reason: .untilSkipped),
        .incidentClosed(note: "Ferdig"),
        .incidentClosed(note: nil),
        .incidentReopened(reason: "Ny aktivitet"),
        .incidentReopened(reason: nil),
        .exerciseStarted(scenario: "ransomware-tabletop", speed: 2, banner: nil),
        .exerciseStarted(scenario: "ransomware-tabletop", speed: 60, banner: "ØVING – IKKE REELT"),
        .exerciseEnded(reason: .completed, note: nil),
        .exerciseEnded(reason: .realIncident, note: "Reell hendelse på sykehjemmet"),
        .exercisePaused,
        .exerciseResumed,
        .exerciseSpeedChanged(speed: 10),
        .injectDelivered(inject: "press"),
        .injectPostponed(inject: "press", seconds: 300),
        .evaluatorNote(text: "Godt samarbeid", step: "isolate"),
    ]
}
