import IncidentEngine
import PlaybookFormat

/// The parts of the reports for people that the Markdown and HTML exports
/// (and the review) share: the facts at the top and the summary tables, as
/// plain text for each renderer to escape. Times are local with their
/// offset; the timeline itself adds UTC on every line.
struct ReportSections {
    /// One text someone wrote, as a report lists it.
    struct NoteItem {
        /// When, who and what kind: "2026-11-29 03:30:00 +01:00 · ola · Læringspunkt om 2. Isoler …".
        var heading: String
        var text: String
        /// "rettet (hendelse 14) av ola …; opprinnelig: …", when corrected.
        var correction: String?
        var lesson: Bool
    }

    let digest: IncidentDigest
    let strings: ExportStrings
    let labels: EventDescriber

    init(_ digest: IncidentDigest) {
        self.digest = digest
        labels = EventDescriber(playbook: digest.playbook, language: digest.input.language)
        strings = labels.strings
    }

    private var input: ExportInput { digest.input }
    private var state: RunState { digest.state }
    private var playbook: Playbook { digest.playbook }

    /// The incident's title as opened (the playbook's when the journal has no opening).
    var title: String { state.opening?.title ?? playbook.title.value }

    // MARK: Facts

    func facts() -> [(label: String, value: String)] {
        let s = strings
        let opening = state.opening
        var facts: [(String, String)] = [
            (s.incidentID, input.incidentID),
            (s.kind, input.isExercise ? s.exercise : s.realIncident),
        ]
        var playbookLine = playbook.title.value + " (" + (opening?.playbookID ?? playbook.id.value)
        if let version = opening?.playbookVersion { playbookLine += ", " + s.report.version.lowercased() + " " + version }
        facts.append((s.playbook, playbookLine + ")"))
        if let sha = opening?.playbookSHA256 { facts.append((s.playbookHash, sha)) }
        if let opening { facts.append((s.opened, ExportTime.fullWithUTC(opening.openedAt) + " " + s.by(opening.openedBy))) }
        if let closedAt = digest.closedAt {
            facts.append((s.status, s.statusClosed + " " + ExportTime.fullWithUTC(closedAt)))
        } else {
            var line = s.statusOpen
            if let step = state.currentStepIndex { line += " · " + s.currentStep.lowercased() + ": " + labels.stepLabel(at: step) }
            facts.append((s.status, line))
        }
        if let duration = digest.durationMilliseconds {
            facts.append((digest.closedAt == nil ? s.durationSoFar : s.duration, s.words(duration)))
        }
        facts.append((s.responders, state.participants.joined(separator: ", ")))
        var events = "\(input.records.count)"
        if digest.backdatedCount > 0 { events += " (\(s.backdated.lowercased()): \(digest.backdatedCount))" }
        facts.append((s.events, events))
        facts.append((s.lastHash, input.records.last?.hash ?? EventRecord.zeroHash))
        facts.append((s.generated, ExportTime.fullWithUTC(input.now)))
        return facts
    }

    // MARK: Tables

    func phaseTable() -> ReportTable {
        let s = strings
        var rows: [[String]] = []
        for index in playbook.phases.indices {
            let visit = state.phases[index]
            let since = visit.firstEnteredAt.flatMap(digest.sinceOpening)
            rows.append([
                labels.phaseLabels[index],
                visit.firstEnteredAt.map(ExportTime.full) ?? s.notEntered,
                since.map(ExportTime.elapsed) ?? "–",
                "\(visit.timesEntered)",
            ])
        }
        return ReportTable(headers: [s.phase, s.firstEntered, s.sinceOpening, s.timesEntered], rows: rows, numeric: [2, 3])
    }

    func stepTable() -> ReportTable {
        let s = strings
        var durations = Array(repeating: Int64(0), count: playbook.steps.count)
        var measured = Array(repeating: false, count: playbook.steps.count)
        var passes = Array(repeating: 0, count: playbook.steps.count)
        var firstReached: [Timestamp?] = Array(repeating: nil, count: playbook.steps.count)
        for pass in digest.passes {
            passes[pass.stepIndex] += 1
            if firstReached[pass.stepIndex] == nil { firstReached[pass.stepIndex] = pass.reachedAt }
            if let duration = pass.durationMilliseconds {
                durations[pass.stepIndex] += duration
                measured[pass.stepIndex] = true
            }
        }
        var rows: [[String]] = []
        for (index, step) in playbook.steps.enumerated() {
            let stepState = state.steps[index]
            var duration = measured[index] ? s.words(durations[index]) : "–"
            if passes[index] > 1 { duration += " (\(passes[index])×)" }
            let closed = stepState.status == .skipped ? stepState.skippedAt : stepState.completedAt
            let who = stepState.status == .skipped ? stepState.skippedBy : stepState.completedBy
            rows.append([
                "\(index + 1)",
                step.title.value,
                s.status(stepState.status),
                firstReached[index].map(ExportTime.full) ?? "–",
                closed.map(ExportTime.full) ?? "–",
                who ?? "–",
                duration,
                step.expect.map { s.report.words($0.value) } ?? "–",
            ])
        }
        return ReportTable(
            headers: [s.seq, s.steps, s.stepStatus, s.reached, s.doneAt, s.who, s.duration, s.target], rows: rows,
            numeric: [0])
    }

    func deadlineTable() -> ReportTable {
        let s = strings
        let rows = digest.deadlines.map { report in
            [
                report.title,
                s.report.words(PlaybookDuration(seconds: report.withinSeconds)),
                report.startedAt.map(ExportTime.full) ?? "–",
                report.due.map(ExportTime.full) ?? "–",
                s.outcome(report.outcome),
                s.margin(report.outcome),
            ]
        }
        return ReportTable(headers: [s.deadline, s.within, s.started, s.due, s.outcome, s.margin], rows: rows)
    }

    func decisionTable() -> ReportTable {
        let s = strings
        let rows = state.decisions.map { decision in
            [
                ExportTime.fullWithUTC(decision.occurred),
                decision.actor,
                labels.stepLabel(at: decision.stepIndex),
                decision.question,
                "\(decision.option). \(decision.label)",
                labels.targetLabel(decision.target, from: playbook.steps[decision.stepIndex].id.value),
            ]
        }
        return ReportTable(headers: [s.when, s.who, s.steps, s.question, s.answer, s.leadsTo], rows: rows)
    }

    // MARK: Notes

    func noteItems(_ notes: [NoteEntry]) -> [NoteItem] {
        notes.map(noteItem)
    }

    func noteItem(_ note: NoteEntry) -> NoteItem {
        let s = strings
        var when = ExportTime.fullWithUTC(note.occurred)
        if note.isBackdated { when += ", " + s.recordedAt(ExportTime.full(note.recorded)) }
        var kind = s.noteSource(note.source, lesson: note.lesson)
        if let step = note.stepIndex { kind += " · " + labels.stepLabel(at: step) }
        var correction: String?
        if let last = note.corrections.last {
            correction = s.corrected(last.seq, last.actor, ExportTime.full(last.recorded))
                + "; " + s.original + ": " + note.originalText
        }
        return NoteItem(heading: "#\(note.seq) · \(when) · \(note.actor) · \(kind)", text: note.text,
                        correction: correction, lesson: note.lesson)
    }

    func anomalyLines() -> [String] {
        state.anomalies.map { "#\($0.seq): \($0.message)" }
    }

    // MARK: Timeline

    var timelineHeaders: [String] {
        [strings.seq, strings.date, strings.localTime, strings.utc, strings.who, strings.phase, strings.event]
    }
}
