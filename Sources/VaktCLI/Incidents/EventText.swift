import IncidentEngine
import PlaybookFormat

/// Events and times as one line of plain English for the terminal.
///
/// Texts written by responders are quoted as they are; the caller passes
/// every line through `TerminalSafeText` before printing.
enum EventText {
    static func summary(_ record: EventRecord, playbook: Playbook) -> String {
        func step(_ id: String) -> String {
            guard let title = playbook.step(id)?.title.value else { return id }
            return "\(id) (\(title))"
        }
        switch record.event {
        case .incidentOpened(let id, let version, _, let title, let exercise):
            let kind = exercise ? "exercise" : "incident"
            return "\(kind) opened from \(id)\(version.map { " \($0)" } ?? ""): \(quoted(title))"
        case .phaseEntered(let phase):
            let title = playbook.phases.first { $0.stage.value == phase }?.title.value
            return "phase entered: \(phase.rawValue)\(title.map { " (\($0))" } ?? "")"
        case .stepReached(let id): return "step reached: \(step(id))"
        case .stepCompleted(let id, let note): return "step done: \(step(id))" + (note.map { ": \(quoted($0))" } ?? "")
        case .stepSkipped(let id, let reason): return "step skipped: \(step(id)): \(quoted(reason))"
        case .stepReopened(let id): return "step reopened: \(step(id))"
        case .checklistTicked(let id, let item): return "ticked item \(item) of \(step(id))"
        case .checklistUnticked(let id, let item): return "unticked item \(item) of \(step(id))"
        case .decisionAnswered(let id, _, let option, let label, let target):
            return "decided at \(id): \(option) \(quoted(label)) -> \(target)"
        case .noteAdded(let text, let id, let lesson):
            return (lesson ? "lesson" : "note") + (id.map { " on \($0)" } ?? "") + ": \(quoted(text))"
        case .correction(let seq, let text): return "correction of event \(seq): \(quoted(text))"
        case .deadlineStarted(let id, let due): return "deadline started: \(id), due \(time(due))"
        case .deadlineMet(let id): return "deadline met: \(id)"
        case .deadlineMissed(let id): return "deadline missed: \(id)"
        case .deadlineWaived(let id, let reason):
            return "deadline waived: \(id) (" + (reason == .untilSkipped ? "its step was skipped" : "the path passed its step") + ")"
        case .incidentClosed(let note): return "incident closed" + (note.map { ": \(quoted($0))" } ?? "")
        case .incidentReopened(let reason): return "incident reopened" + (reason.map { ": \(quoted($0))" } ?? "")
        case .exerciseStarted(let scenario, let speed, _): return "exercise started: \(scenario) at \(speed)x"
        case .exercisePaused: return "exercise paused"
        case .exerciseResumed: return "exercise resumed"
        case .exerciseSpeedChanged(let speed): return "exercise speed: \(speed)x"
        case .injectDelivered(let inject): return "inject delivered: \(inject)"
        case .injectPostponed(let inject, let seconds): return "inject postponed: \(inject) by \(seconds)s"
        case .evaluatorNote(let text, let id):
            return "evaluator note" + (id.map { " on \($0)" } ?? "") + ": \(quoted(text))"
        case .exerciseEnded(let reason, let note):
            return (reason == .realIncident ? "exercise stopped for a real incident" : "exercise ended")
                + (note.map { ": \(quoted($0))" } ?? "")
        }
    }

    /// `now at: isolate (Isoler berørte systemer)`, or why there is no current step.
    static func whereItStands(_ state: RunState) -> String {
        if state.isClosed { return "the incident is closed" }
        if let index = state.currentStepIndex {
            let step = state.playbook.steps[index]
            return "current step: \(step.id.value) (\(step.title.value))"
        }
        if state.hasEnded { return "the playbook has ended; close the incident with `vakt close`" }
        return "no current step"
    }

    /// `2026-11-29 03:10` in the time's own offset (the clock the responders saw).
    static func time(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute))"
    }

    /// `03:10`.
    static func clock(_ time: Timestamp) -> String {
        let c = time.components
        return "\(pad(c.hour)):\(pad(c.minute))"
    }

    /// `71:17` (hours:minutes) for a span of milliseconds; negative spans get a `-`.
    static func span(_ milliseconds: Int64) -> String {
        let minutes = abs(milliseconds) / 60_000
        return (milliseconds < 0 ? "-" : "") + "\(minutes / 60):\(pad(Int(minutes % 60)))"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text + "\""
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
