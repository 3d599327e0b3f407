import ArgumentParser
import IncidentEngine
import IncidentStore
import PlaybookFormat

/// `vakt status ID`: where the incident stands — current step, steps, deadlines, last events.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where an incident stands: current step, deadlines, last events."
    )

    @Argument(help: "The incident's ID or a unique prefix of it.")
    var id: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Option(help: "How many of the last events to show.")
    var events = 8

    @OptionGroup var homeOption: HomeOption

    func run() throws {
        let session = try IncidentSession.open(id, catalog: try IncidentEnvironment.catalog(homeOption.home), forWriting: false)
        let now = IncidentEnvironment.clock.now()
        if json {
            StandardStreams.write(JSONOutput.render(Self.json(session, now: now, lastEvents: max(0, events))))
        } else {
            StandardStreams.write(Self.text(session, now: now, lastEvents: max(0, events)))
        }
    }

    static func stepsJSON(_ state: RunState) -> JSONValue {
        .array(state.playbook.steps.enumerated().map { index, step in
            let stepState = state.steps[index]
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(step.id.value)),
                ("title", .string(step.title.value)),
                ("phase", .string(state.playbook.phases[step.phaseIndex].stage.value.rawValue)),
                ("status", .string(stepState.status.rawValue)),
            ]
            if let at = stepState.completedAt { members.append(("completed", .string(at.rfc3339))) }
            if let by = stepState.completedBy { members.append(("completed_by", .string(by))) }
            if let note = stepState.note { members.append(("note", .string(note))) }
            if let at = stepState.skippedAt { members.append(("skipped", .string(at.rfc3339))) }
            if let reason = stepState.skipReason { members.append(("skip_reason", .string(reason))) }
            if let answer = stepState.answer {
                members.append(("answer", .object([
                    ("option", .int(Int64(answer.option))), ("label", .string(answer.label)),
                    ("target", .string(answer.target.description)),
                ])))
            }
            if !stepState.checklist.isEmpty {
                members.append(("checklist", .array(stepState.checklist.map { .bool($0.isTicked) })))
            }
            return .object(members)
        })
    }

    static func deadlinesJSON(_ state: RunState, now: Timestamp) -> JSONValue {
        .array(state.deadlines.map { deadline in
            let condition = deadline.condition(at: state.evaluationTime(now))
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(deadline.id)),
                ("title", .string(state.playbook.deadlines[deadline.index].title.value)),
                ("state", .string(conditionName(condition))),
            ]
            if let started = deadline.startedAt { members.append(("started", .string(started.rfc3339))) }
            if let due = deadline.due { members.append(("due", .string(due.rfc3339))) }
            if let met = deadline.completedAt { members.append(("met", .string(met.rfc3339))) }
            if case .waived(let reason, let at) = condition {
                members.append(("waived", .string(at.rfc3339)))
                members.append(("waived_because", .string(reason.rawValue)))
            }
            if condition.isRunning, let remaining = deadline.remainingMilliseconds(at: now) {
                members.append(("remaining_seconds", .int(remaining / 1_000)))
            }
            return .object(members)
        })
    }

    static func eventJSON(_ record: EventRecord) -> JSONValue {
        .object([
            ("seq", .int(Int64(record.seq))),
            ("occurred", .string(record.occurred.rfc3339)),
            ("recorded", .string(record.recorded.rfc3339)),
            ("actor", .string(record.actor)),
            ("kind", .string(record.kind.rawValue)),
            ("data", record.event.data),
        ])
    }

    static func json(_ session: IncidentSession, now: Timestamp, lastEvents: Int) -> JSONValue {
        let summary = IncidentSummary(session: session)
        guard case .object(var members) = summary.json else { return summary.json }
        members.append(("steps", stepsJSON(session.state)))
        members.append(("deadlines", deadlinesJSON(session.state, now: now)))
        if let exercise = session.exercise {
            members.append(("exercise_state", ExerciseStatus(exercise: exercise, now: now).json))
        }
        members.append(("last_events", .array(session.journal.records.suffix(lastEvents).map(eventJSON))))
        return .object(members)
    }

    static func conditionName(_ condition: DeadlineCondition) -> String {
        switch condition {
        case .notStarted: "not_started"
        case .running: "running"
        case .warning: "warning"
        case .met: "met"
        case .missed: "missed"
        case .waived: "waived"
        }
    }

    static func text(_ session: IncidentSession, now: Timestamp, lastEvents: Int) -> String {
        let state = session.state
        let summary = IncidentSummary(session: session)
        var lines: [String] = []
        lines.append("\(summary.title) · \(summary.id)" + (summary.exercise ? " · EXERCISE" : ""))
        lines.append("playbook  \(summary.playbookID)" + (summary.playbookVersion.map { " \($0)" } ?? "")
            + " (\(state.playbook.title.value))")
        if let opened = summary.opened {
            lines.append("opened    \(EventText.time(opened))" + (summary.openedBy.map { " by \($0)" } ?? ""))
        }
        if let closedAt = summary.closedAt, summary.closed {
            lines.append("status    closed \(EventText.time(closedAt))")
        } else {
            lines.append("status    open · " + EventText.whereItStands(state))
        }
        if let exercise = session.exercise {
            lines.append("exercise  " + ExerciseStatus(exercise: exercise, now: now).line)
        }
        let moment = state.evaluationTime(now)
        for deadline in state.deadlines {
            let title = state.playbook.deadlines[deadline.index].title.value
            let condition = deadline.condition(at: moment)
            var detail = conditionName(condition).replacingUnderscores()
            switch condition {
            case .running(let due), .warning(let due):
                detail += ", due \(EventText.time(due)) (\(EventText.span(due.milliseconds(since: moment))) left)"
            case .missed(let due): detail += ", was due \(EventText.time(due))"
            case .met(let at): detail += " \(EventText.time(at))"
            case .waived(let reason, let at):
                detail += " \(EventText.time(at)) (" + (reason == .untilSkipped ? "its step was skipped" : "the path passed its step") + ")"
            case .notStarted: break
            }
            lines.append("deadline  \(deadline.id): \(title) — \(detail)")
        }
        lines.append("")
        lines.append("steps")
        for (index, step) in state.playbook.steps.enumerated() {
            let stepState = state.steps[index]
            var line = "  \(symbol(stepState.status)) \(step.id.value) — \(step.title.value)"
            switch stepState.status {
            case .done:
                if let at = stepState.completedAt { line += " · done \(EventText.clock(at))" }
                if let by = stepState.completedBy { line += " by \(by)" }
                if let answer = stepState.answer { line += " · answered \(answer.option) \(EventText.quoted(answer.label))" }
            case .skipped:
                line += " · skipped" + (stepState.skipReason.map { ": \(EventText.quoted($0))" } ?? "")
            case .bypassed: line += " · bypassed"
            case .current, .pending: break
            }
            if !stepState.checklist.isEmpty { line += " · \(stepState.ticked)/\(stepState.checklist.count) checked" }
            lines.append(line)
        }
        let last = session.journal.records.suffix(lastEvents)
        if !last.isEmpty {
            lines.append("")
            lines.append("last events")
            for record in last {
                lines.append("  \(record.seq) \(EventText.clock(record.occurred)) \(record.actor): "
                    + EventText.summary(record, playbook: state.playbook))
            }
        }
        lines.append("")
        lines.append("\(summary.events) events · head \(summary.head)")
        return lines.map { TerminalSafeText.sanitize($0) }.joined(separator: "\n") + "\n"
    }

    static func symbol(_ status: StepStatus) -> String {
        switch status {
        case .done: "✓"
        case .current: "▶"
        case .skipped: "↷"
        case .bypassed: "–"
        case .pending: "·"
        }
    }
}

private extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
