import Glibc
import VaktTestSupport
import IncidentEngine
import PlaybookFormat
@testable import IncidentStore

/// Records to append in tests, with varied data (non-ASCII text, control characters, quotes).
enum Samples {
    static let opened = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!

    static func record(_ event: IncidentEvent, minute: Int = 0, actor: String = "kari") -> EventRecord {
        let time = opened.adding(seconds: minute * 60)
        return EventRecord(seq: 0, occurred: time, recorded: time.adding(milliseconds: 207), actor: actor, event: event)
    }

    static var incident: [EventRecord] {
        [
            record(.incidentOpened(
                playbook: "ransomware", version: "2026.1", playbookSHA256: String(repeating: "ab", count: 32),
                title: "Løsepengevirus på rådhuset", exercise: false)),
            record(.phaseEntered(phase: .detection)),
            record(.stepReached(step: "triage")),
            record(.checklistTicked(step: "triage", item: 1), minute: 1),
            record(.noteAdded(text: "PC-114 og \"PC-120\"\nlinje to\t\u{1b}[31m 🔥 \\ /", step: "triage", lesson: false), minute: 2),
            record(.decisionAnswered(step: "triage", question: "Er filer kryptert?", option: 1, label: "Ja", target: StepTarget("isolate")), minute: 3, actor: "ola"),
            record(.stepCompleted(step: "triage", note: "Berørte: PC-114"), minute: 3, actor: "ola"),
            record(.phaseEntered(phase: .containment), minute: 3),
            record(.stepReached(step: "isolate"), minute: 3),
            record(.stepSkipped(step: "isolate", reason: "Allerede isolert av driftsleverandør"), minute: 9),
            record(.correction(seq: 5, text: "PC-114 og PC-121"), minute: 10),
            record(.incidentClosed(note: "Avsluttet"), minute: 40),
        ]
    }
}
