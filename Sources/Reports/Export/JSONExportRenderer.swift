import IncidentEngine
import PlaybookFormat

/// The whole record for tools, schema `vakt.export/1` (docs/export-formats.md):
/// the incident, the derived summary, and every event as the journal holds
/// it. Objects at the top are indented; each item of a list (a phase, a step,
/// a note, an event) is one line. Times are RFC 3339 as the journal writes
/// them; fields without a value are `null`, never left out, so the shape is
/// fixed. Written straight into bytes: a million events take a second or two.
struct JSONExportRenderer {
    static let schema = "vakt.export/1"

    let input: ExportInput

    func render<Output: ExportOutput>(into output: inout Output) throws {
        let digest = IncidentDigest(input)
        let strings = ExportStrings(input.language)
        var w = ExportWriter()
        w.raw("{\n  \"schema\": ")
        w.jsonString(Self.schema)
        if input.isExercise {
            w.raw(",\n  \"exercise_marking\": ")
            w.jsonString(strings.exerciseMarking)
        }
        w.raw(",\n  \"generated\": ")
        w.jsonString(input.now.rfc3339)
        w.raw(",\n  \"language\": ")
        w.jsonString(input.language.rawValue)
        w.raw(",\n  \"incident\": ")
        incident(digest, &w)
        w.raw(",\n  \"summary\": ")
        try summary(digest, &w, &output)
        w.raw(",\n  \"events\": [")
        var tracker = PhaseTracker(playbook: input.playbook)
        // Borrowed in place: a million records are not copied one by one.
        try input.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                w.raw(index == 0 ? "\n    " : ",\n    ")
                event(records[index], phase: tracker.locate(records[index].event).phase, &w)
                try w.flushIfFull(into: &output)
            }
        }
        w.raw(input.records.isEmpty ? "]" : "\n  ]")
        if input.isExercise {
            w.raw(",\n  \"exercise_marking_end\": ")
            w.jsonString(strings.exerciseMarking)
        }
        w.raw("\n}\n")
        try w.flush(into: &output)
    }

    // MARK: Events

    /// One event: the journal record with the phase and step it belongs to.
    private func event(_ record: borrowing EventRecord, phase: Int?, _ w: inout ExportWriter) {
        w.raw("{\"seq\":")
        w.int(record.seq)
        w.raw(",\"occurred\":\"")
        w.timestamp(record.occurred)
        w.raw("\",\"recorded\":\"")
        w.timestamp(record.recorded)
        w.raw(record.occurred < record.recorded ? "\",\"backdated\":true,\"actor\":" : "\",\"backdated\":false,\"actor\":")
        w.jsonString(record.actor)
        w.raw(",\"kind\":\"")
        w.raw(record.kind.rawValue)
        w.raw("\",\"phase\":")
        if let phase {
            w.byte(UInt8(ascii: "\""))
            w.raw(input.playbook.phases[phase].stage.value.rawValue)
            w.byte(UInt8(ascii: "\""))
        } else {
            w.raw("null")
        }
        w.raw(",\"step\":")
        if let step = record.event.step { w.jsonString(step) } else { w.raw("null") }
        w.raw(",\"data\":")
        Self.data(record.event, &w)
        w.raw(",\"prev\":")
        w.jsonString(record.prev)
        w.raw(",\"hash\":")
        w.jsonString(record.hash)
        w.byte(UInt8(ascii: "}"))
    }

    /// The event's `data` object exactly as `IncidentEvent.data` builds it
    /// (same fields, same order; a test holds the two together), written
    /// without building the value.
    static func data(_ event: IncidentEvent, _ w: inout ExportWriter) {
        func string(_ key: StaticString, _ value: String, first: Bool = false) {
            w.raw(first ? "\"" : ",\"")
            w.raw(key)
            w.raw("\":")
            w.jsonString(value)
        }
        func int(_ key: StaticString, _ value: Int, first: Bool = false) {
            w.raw(first ? "\"" : ",\"")
            w.raw(key)
            w.raw("\":")
            w.int(value)
        }
        w.byte(UInt8(ascii: "{"))
        switch event {
        case .incidentOpened(let playbook, let version, let sha, let title, let exercise):
            string("playbook", playbook, first: true)
            if let version { string("version", version) }
            string("sha256", sha)
            string("title", title)
            w.raw(exercise ? ",\"exercise\":true" : ",\"exercise\":false")
        case .phaseEntered(let phase):
            string("phase", phase.rawValue, first: true)
        case .stepReached(let step), .stepReopened(let step):
            string("step", step, first: true)
        case .stepCompleted(let step, let note):
            string("step", step, first: true)
            if let note { string("note", note) }
        case .stepSkipped(let step, let reason):
            string("step", step, first: true)
            string("reason", reason)
        case .checklistTicked(let step, let item), .checklistUnticked(let step, let item):
            string("step", step, first: true)
            int("item", item)
        case .decisionAnswered(let step, let question, let option, let label, let target):
            string("step", step, first: true)
            string("question", question)
            int("option", option)
            string("label", label)
            string("target", target.description)
        case .noteAdded(let text, let step, let lesson):
            string("text", text, first: true)
            if let step { string("step", step) }
            if lesson { w.raw(",\"lesson\":true") }
        case .correction(let seq, let text):
            int("seq", seq, first: true)
            string("text", text)
        case .deadlineStarted(let deadline, let due):
            string("deadline", deadline, first: true)
            w.raw(",\"due\":\"")
            w.timestamp(due)
            w.byte(UInt8(ascii: "\""))
        case .deadlineMet(let deadline), .deadlineMissed(let deadline):
            string("deadline", deadline, first: true)
        case .deadlineWaived(let deadline, let reason):
            string("deadline", deadline, first: true)
            string("reason", reason.rawValue)
        case .incidentClosed(let note):
            if let note { string("note", note, first: true) }
        case .incidentReopened(let reason):
            if let reason { string("reason", reason, first: true) }
        case .exerciseStarted(let scenario, let speed, let banner):
            string("scenario", scenario, first: true)
            int("speed", speed)
            if let banner { string("banner", banner) }
        case .exercisePaused, .exerciseResumed:
            break
        case .exerciseSpeedChanged(let speed):
            int("speed", speed, first: true)
        case .injectDelivered(let inject):
            string("inject", inject, first: true)
        case .injectPostponed(let inject, let seconds):
            string("inject", inject, first: true)
            int("seconds", seconds)
        case .evaluatorNote(let text, let step):
            string("text", text, first: true)
            if let step { string("step", step) }
        case .exerciseEnded(let reason, let note):
            string("reason", reason.rawValue, first: true)
            if let note { string("note", note) }
        }
        w.byte(UInt8(ascii: "}"))
    }

    // MARK: The incident

    private func incident(_ digest: IncidentDigest, _ w: inout ExportWriter) {
        let state = input.state
        let opening = state.opening
        var o = JSONFields(level: 1)
        o.string("id", input.incidentID, &w)
        o.string("title", opening?.title ?? input.playbook.title.value, &w)
        o.bool("exercise", input.isExercise, &w)
        o.key("playbook", &w)
        var p = JSONFields(level: nil)
        p.string("id", opening?.playbookID ?? input.playbook.id.value, &w)
        p.string("title", input.playbook.title.value, &w)
        p.string("version", opening?.playbookVersion, &w)
        p.string("sha256", opening?.playbookSHA256, &w)
        p.string("lang", input.playbook.lang?.value, &w)
        p.end(&w)
        o.time("opened", opening?.openedAt, &w)
        o.string("opened_by", opening?.openedBy, &w)
        o.string("status", state.isClosed ? "closed" : "open", &w)
        o.time("closed", digest.closedAt, &w)
        o.key("responders", &w)
        w.byte(UInt8(ascii: "["))
        for (position, name) in state.participants.enumerated() {
            if position > 0 { w.byte(UInt8(ascii: ",")) }
            w.jsonString(name)
        }
        w.byte(UInt8(ascii: "]"))
        o.int("events", input.records.count, &w)
        o.string("head", input.records.last?.hash ?? EventRecord.zeroHash, &w)
        o.end(&w)
    }

    // MARK: The summary

    private func summary<Output: ExportOutput>(_ digest: IncidentDigest, _ w: inout ExportWriter, _ output: inout Output) throws {
        let state = input.state
        var o = JSONFields(level: 1)
        o.seconds("duration_seconds", digest.durationMilliseconds, &w)
        o.bool("ended", state.hasEnded, &w)
        o.string("current_step", state.currentStep?.id.value, &w)
        o.key("events_by_kind", &w)
        var kinds = JSONFields(level: nil)
        for kind in EventKind.allCases {
            if let count = digest.kindCounts[kind] { kinds.int(kind.rawValue, count, &w) }
        }
        kinds.end(&w)
        o.int("backdated_events", digest.backdatedCount, &w)

        o.key("phases", &w)
        var list = JSONList(level: 2)
        for (index, phase) in input.playbook.phases.enumerated() {
            list.item(&w)
            let visit = state.phases[index]
            var f = JSONFields(level: nil)
            f.string("stage", phase.stage.value.rawValue, &w)
            f.string("title", phase.title.value, &w)
            f.time("first_entered", visit.firstEnteredAt, &w)
            f.seconds("seconds_from_opening", visit.firstEnteredAt.flatMap(digest.sinceOpening), &w)
            f.int("times_entered", visit.timesEntered, &w)
            f.end(&w)
        }
        list.end(&w)

        o.key("steps", &w)
        var passesByStep = Array(repeating: [StepPass](), count: input.playbook.steps.count)
        for pass in digest.passes { passesByStep[pass.stepIndex].append(pass) }
        list = JSONList(level: 2)
        for (index, step) in input.playbook.steps.enumerated() {
            list.item(&w)
            self.step(index, step, passesByStep[index], &w)
            try w.flushIfFull(into: &output)
        }
        list.end(&w)

        o.key("deadlines", &w)
        list = JSONList(level: 2)
        for report in digest.deadlines {
            list.item(&w)
            deadline(report, &w)
        }
        list.end(&w)

        o.key("decisions", &w)
        list = JSONList(level: 2)
        for decision in state.decisions {
            list.item(&w)
            var f = JSONFields(level: nil)
            f.int("seq", decision.seq, &w)
            f.time("occurred", decision.occurred, &w)
            f.string("actor", decision.actor, &w)
            f.string("step", input.playbook.steps[decision.stepIndex].id.value, &w)
            f.string("question", decision.question, &w)
            f.int("option", decision.option, &w)
            f.string("label", decision.label, &w)
            f.string("target", decision.target.description, &w)
            f.end(&w)
            try w.flushIfFull(into: &output)
        }
        list.end(&w)

        o.key("notes", &w)
        list = JSONList(level: 2)
        for note in state.notes {
            list.item(&w)
            self.note(note, &w)
            try w.flushIfFull(into: &output)
        }
        list.end(&w)

        o.key("anomalies", &w)
        list = JSONList(level: 2)
        for anomaly in state.anomalies {
            list.item(&w)
            var f = JSONFields(level: nil)
            f.int("seq", anomaly.seq, &w)
            f.string("message", anomaly.message, &w)
            f.end(&w)
        }
        list.end(&w)
        o.end(&w)
    }

    private func step(_ index: Int, _ step: Step, _ passes: [StepPass], _ w: inout ExportWriter) {
        let state = input.state.steps[index]
        let expect = step.expect?.value.seconds
        var f = JSONFields(level: nil)
        f.string("id", step.id.value, &w)
        f.int("number", index + 1, &w)
        f.string("title", step.title.value, &w)
        f.string("phase", input.playbook.phases[step.phaseIndex].stage.value.rawValue, &w)
        f.string("status", state.status.rawValue, &w)
        f.int("expect_seconds", expect, &w)
        f.int("times_reached", state.timesReached, &w)
        f.int("times_reopened", state.timesReopened, &w)
        f.time("completed", state.completedAt, &w)
        f.string("completed_by", state.completedBy, &w)
        f.string("note", state.note, &w)
        f.time("skipped", state.skippedAt, &w)
        f.string("skipped_by", state.skippedBy, &w)
        f.string("skip_reason", state.skipReason, &w)
        f.key("answer", &w)
        if let chosen = state.answer {
            var a = JSONFields(level: nil)
            a.int("option", chosen.option, &w)
            a.string("label", chosen.label, &w)
            a.string("target", chosen.target.description, &w)
            a.end(&w)
        } else {
            w.raw("null")
        }
        f.key("checklist", &w)
        w.byte(UInt8(ascii: "["))
        for (position, item) in state.checklist.enumerated() {
            if position > 0 { w.byte(UInt8(ascii: ",")) }
            w.raw(item.isTicked ? "true" : "false")
        }
        w.byte(UInt8(ascii: "]"))
        f.key("passes", &w)
        w.byte(UInt8(ascii: "["))
        for (position, pass) in passes.enumerated() {
            if position > 0 { w.byte(UInt8(ascii: ",")) }
            let duration = pass.durationMilliseconds
            var p = JSONFields(level: nil)
            p.int("pass", pass.number, &w)
            p.time("reached", pass.reachedAt, &w)
            p.time("closed", pass.closedAt, &w)
            p.string("closed_by", pass.closedBy, &w)
            p.string("outcome", Self.outcome(pass.outcome), &w)
            p.seconds("duration_seconds", duration, &w)
            p.key("over_expect_seconds", &w)
            if let duration, let expect { w.int(ExportTime.seconds(duration) - Int64(expect)) } else { w.raw("null") }
            p.end(&w)
        }
        w.byte(UInt8(ascii: "]"))
        f.end(&w)
    }

    static func outcome(_ outcome: StepPass.Outcome) -> String {
        switch outcome {
        case .done: "done"
        case .skipped: "skipped"
        case .open: "open"
        }
    }

    private func deadline(_ report: DeadlineReport, _ w: inout ExportWriter) {
        let definition = input.playbook.deadlines[report.index]
        var met: Timestamp?
        var margin: Int64?
        var late: Int64?
        var remaining: Int64?
        var waived: Timestamp?
        var waiverReason: String?
        switch report.outcome {
        case .met(let at, let by):
            met = at
            margin = by
        case .missed(let by, let metLateAt):
            late = by
            met = metLateAt
        case .running(let left), .warning(let left):
            remaining = left
        case .waived(let reason, let at):
            waived = at
            waiverReason = reason.rawValue
        case .notStarted:
            break
        }
        var f = JSONFields(level: nil)
        f.string("id", report.id, &w)
        f.string("title", report.title, &w)
        f.int("within_seconds", report.withinSeconds, &w)
        f.string("from", definition.from?.value, &w)
        f.string("until", definition.until?.value, &w)
        f.string("state", report.outcome.id, &w)
        f.time("started", report.startedAt, &w)
        f.time("due", report.due, &w)
        f.time("met", met, &w)
        f.seconds("margin_seconds", margin, &w)
        f.seconds("late_seconds", late, &w)
        f.seconds("remaining_seconds", remaining, &w)
        f.time("waived", waived, &w)
        f.string("waiver_reason", waiverReason, &w)
        f.end(&w)
    }

    private func note(_ note: NoteEntry, _ w: inout ExportWriter) {
        var f = JSONFields(level: nil)
        f.int("seq", note.seq, &w)
        f.string("source", note.source.rawValue, &w)
        f.time("occurred", note.occurred, &w)
        f.time("recorded", note.recorded, &w)
        f.bool("backdated", note.isBackdated, &w)
        f.string("actor", note.actor, &w)
        f.string("step", note.stepIndex.map { input.playbook.steps[$0].id.value }, &w)
        f.bool("lesson", note.lesson, &w)
        f.string("text", note.text, &w)
        f.string("original_text", note.originalText, &w)
        f.key("corrections", &w)
        w.byte(UInt8(ascii: "["))
        for (position, correction) in note.corrections.enumerated() {
            if position > 0 { w.byte(UInt8(ascii: ",")) }
            var c = JSONFields(level: nil)
            c.int("seq", correction.seq, &w)
            c.time("recorded", correction.recorded, &w)
            c.string("actor", correction.actor, &w)
            c.string("text", correction.text, &w)
            c.end(&w)
        }
        w.byte(UInt8(ascii: "]"))
        f.end(&w)
    }
}
