import IncidentEngine
import PlaybookFormat

/// The evaluation report of a tabletop exercise (evalueringsrapport) as plain
/// text: the exercise fold (`ExerciseState`) over the scenario copy and the
/// journal, worked into facts, lists and tables for the Markdown and HTML
/// renderers to sanitise and escape. The review's own tables (steps,
/// deadlines, decisions) come from `ReviewSections`.
struct EvaluationSections {
    /// Empty rows the improvement plan offers after the suggested ones.
    static let blankPlanRows = 5
    /// Responses longer than this are cut (the timeline has them whole).
    static let responseTextLimit = 160

    /// One inject as the report lists it.
    struct InjectItem {
        var heading: String
        var facts: [(label: String, value: String)]
        var responses: [String]
    }

    /// One objective and the evidence listed under it.
    struct ObjectiveItem {
        var heading: String
        var evidence: [String]
    }

    /// One inject's expectation, judged.
    struct ExpectationRow {
        var injectIndex: Int
        var status: ExpectationStatus
        /// The result in words ("oppfylt for sent — nådd T+00:35:00").
        var result: String
    }

    let review: ReviewSections
    let scenario: Scenario
    let exercise: ExerciseState
    let strings: EvaluationStrings
    /// Exercise milliseconds at each record (by journal index); nil before the start.
    let elapsed: [Int64?]
    /// The expectations of the injects that have one, in script order.
    let expectations: [ExpectationRow]

    init(_ digest: IncidentDigest, scenario: Scenario) {
        review = ReviewSections(digest)
        self.scenario = scenario
        strings = EvaluationStrings(digest.input.language)
        let exercise = ExerciseState.fold(scenario, digest.input.records)
        self.exercise = exercise
        var clock = ExerciseClock()
        elapsed = digest.input.records.map { record in
            clock.apply(record.event, at: record.occurred)
            return clock.isStarted ? clock.elapsedMilliseconds(at: record.occurred) : nil
        }
        let strings = strings
        let now = digest.input.now
        expectations = exercise.injects.indices.compactMap { index in
            guard let status = exercise.expectation(of: index, at: now) else { return nil }
            return ExpectationRow(
                injectIndex: index, status: status,
                result: Self.result(status, exercise.injects[index], exercise.ending, strings, digest.input.language))
        }
    }

    private var digest: IncidentDigest { review.report.digest }
    private var input: ExportInput { digest.input }
    private var words: ExportStrings { review.report.strings }
    private var labels: EventDescriber { review.report.labels }

    var title: String { strings.title(scenario.title.value) }

    // MARK: About the exercise

    /// Set when the exercise was stopped for a real incident: the reason, to show at the top.
    var realIncidentStop: (reason: String, detail: String)? {
        guard let ending = exercise.ending, ending.reason == .realIncident else { return nil }
        let detail = strings.stoppedBy(ending.actor, ExportTime.fullWithUTC(ending.wall),
                                       ExportTime.elapsed(ending.elapsedMilliseconds))
        return (ending.note ?? "–", detail)
    }

    func aboutFacts() -> [(label: String, value: String)] {
        let s = strings
        var facts: [(String, String)] = [
            (s.scenario, scenario.title.value + " (" + scenario.id.value + ")"),
            (s.playbook, input.playbook.title.value + " (" + input.playbook.id.value + ")"),
        ]
        if let started = exercise.clock.startedAt {
            facts.append((s.date, ExportTime.date(started)))
            facts.append((s.start, ExportTime.fullWithUTC(started)))
            if let ending = exercise.ending {
                facts.append((s.end, ExportTime.fullWithUTC(ending.wall)))
                facts.append((s.exerciseTime, words.words(ending.elapsedMilliseconds)
                               + " (" + ExportTime.elapsed(ending.elapsedMilliseconds) + ")"))
                facts.append((s.wallTime, words.words(ending.wall.milliseconds(since: started))))
            } else {
                facts.append((s.end, s.notEnded))
                let soFar = exercise.elapsedMilliseconds(at: input.now)
                facts.append((s.exerciseTime, s.soFar(words.words(soFar)) + " (" + ExportTime.elapsed(soFar) + ")"))
            }
            facts.append((s.speedAndPauses, speedAndPauses().joined(separator: "; ")))
        } else {
            facts.append((s.start, s.notStarted))
        }
        facts.append((s.participants, digest.state.participants.joined(separator: ", ")))
        facts.append((s.injectsFact, s.injectCount(
            planned: exercise.injects.count, delivered: exercise.injects.filter(\.isDelivered).count)))
        facts.append((s.ending, endingText()))
        return facts
    }

    private func endingText() -> String {
        guard let ending = exercise.ending else { return exercise.isStarted ? strings.notEnded : strings.notStarted }
        switch ending.reason {
        case .realIncident:
            return strings.realIncident(ending.note ?? "–")
        case .completed:
            return strings.completed(ending.actor) + (ending.note.map { ", " + strings.endNote($0) } ?? "")
        }
    }

    /// The start speed, every pause and every speed change, with wall and exercise times.
    func speedAndPauses() -> [String] {
        let s = strings
        var lines: [String] = []
        var pausedAt: (wall: Timestamp, elapsed: Int64)?
        for (index, record) in input.records.enumerated() {
            let t = record.occurred
            let at = elapsed[index].map(ExportTime.elapsed) ?? "–"
            switch record.event {
            case .exerciseStarted(_, let speed, _) where lines.isEmpty:
                lines.append(s.startSpeed(speed))
            case .exercisePaused where pausedAt == nil:
                pausedAt = (t, elapsed[index] ?? 0)
            case .exerciseResumed:
                guard let paused = pausedAt else { break }
                lines.append(s.pause(ExportTime.clock(paused.wall), ExportTime.clock(t),
                                     words.words(t.milliseconds(since: paused.wall)), ExportTime.elapsed(paused.elapsed)))
                pausedAt = nil
            case .exerciseSpeedChanged(let speed):
                lines.append(s.speedChanged(speed, ExportTime.clock(t), at))
            default:
                break
            }
        }
        if let paused = pausedAt {
            lines.append(s.pauseOpen(ExportTime.clock(paused.wall), ExportTime.elapsed(paused.elapsed)))
        }
        if lines.count <= 1 { lines.append(s.noPauses) }
        return lines
    }

    /// Events the exercise fold could not place (another scenario's injects, a pause while paused).
    func anomalyLines() -> [String] {
        exercise.anomalies.map { "#\($0.seq): \($0.message)" }
    }

    // MARK: Objectives and evidence

    func objectiveItems() -> [ObjectiveItem] {
        let evidence = evidenceLines()
        return scenario.objectives.enumerated().map { index, objective in
            ObjectiveItem(heading: strings.objective(index + 1, objective.value), evidence: evidence)
        }
    }

    /// The expectations met, met late and missed, by name; those still
    /// pending or never delivered, counted; and the count of observations:
    /// the same for every objective.
    func evidenceLines() -> [String] {
        let s = strings
        var groups: [(String, [String])] = [(s.evidenceMet, []), (s.evidenceLate, []), (s.evidenceMissed, [])]
        var pending = 0
        var notDelivered = 0
        for row in expectations {
            let inject = exercise.injects[row.injectIndex].plan
            let name = inject.title + " (" + (inject.expectedStep.map(labels.stepLabel) ?? "–") + ")"
            switch row.status {
            case .met: groups[0].1.append(name)
            case .missed(let late): groups[late == nil ? 2 : 1].1.append(name)
            case .pending: pending += 1
            case .notDelivered: notDelivered += 1
            }
        }
        var lines = groups.filter { !$0.1.isEmpty }.map { "\($0.0): " + $0.1.joined(separator: "; ") }
        if pending > 0 { lines.append(s.pendingCount(pending)) }
        if notDelivered > 0 { lines.append(s.notDeliveredCount(notDelivered)) }
        if expectations.isEmpty { lines.append(s.noExpectations) }
        let after = exercise.observations.filter(\.isFirstImpression).count
        lines.append(s.observationCount(during: exercise.observations.count - after, after: after))
        return lines
    }

    func expectationTable() -> ReportTable {
        let s = strings
        let rows = expectations.map { row in
            let inject = exercise.injects[row.injectIndex]
            return [
                inject.plan.title,
                inject.plan.expectedStep.map(labels.stepLabel) ?? "–",
                inject.plan.withinSeconds.map { words.report.words(PlaybookDuration(seconds: $0)) } ?? s.noLimit,
                inject.delivery.map { ExportTime.elapsed($0.elapsedMilliseconds) } ?? "–",
                inject.reachedExpected.map { ExportTime.elapsed($0.elapsedMilliseconds) } ?? "–",
                row.result,
            ]
        }
        return ReportTable(headers: [s.inject, s.expectedStep, s.within, s.delivered, s.reached, s.result],
                           rows: rows, numeric: [3, 4])
    }

    private static func result(
        _ status: ExpectationStatus, _ inject: InjectState, _ ending: ExerciseEnding?, _ s: EvaluationStrings,
        _ language: ReportLanguage
    ) -> String {
        switch status {
        case .notDelivered:
            return s.notDelivered
        case .pending(let remaining):
            return s.pending(remaining.map { ExportTime.words($0, ReportStrings(language)) })
        case .met:
            return s.met
        case .missed(let late?):
            return s.late(ExportTime.elapsed(late))
        case .missed(nil):
            // Ended while the window was still open: say so rather than blame the clock.
            if let ending, let delivery = inject.delivery, let within = inject.plan.withinSeconds,
               delivery.elapsedMilliseconds + Int64(within) * 1000 >= ending.elapsedMilliseconds {
                return s.missedAtEnd
            }
            return s.missed
        }
    }

    // MARK: Injects

    func injectItems() -> [InjectItem] {
        let s = strings
        // The responses to an inject run from its delivery to the next delivery (or the end).
        let deliveries = exercise.injects.compactMap { $0.delivery?.seq }.sorted()
        let endSeq = exercise.ending?.seq ?? Int.max
        var statusByInject: [Int: String] = [:]
        for row in expectations { statusByInject[row.injectIndex] = row.result }
        return exercise.injects.enumerated().map { index, inject in
            let plan = inject.plan
            var facts: [(String, String)] = [(s.planned, ExportTime.elapsed(Int64(plan.atSeconds) * 1000))]
            facts.append((s.postponed, inject.shiftSeconds > 0
                ? words.report.words(PlaybookDuration(seconds: inject.shiftSeconds)) : s.notPostponed))
            if let delivery = inject.delivery {
                facts.append((s.delivered, s.deliveredBy(ExportTime.elapsed(delivery.elapsedMilliseconds),
                                                         ExportTime.fullWithUTC(delivery.wall), delivery.actor)))
            } else {
                facts.append((s.delivered, s.notDelivered))
            }
            if let role = plan.role {
                facts.append((s.to, input.playbook.role(role).map { $0.name.value + " (" + role + ")" } ?? role))
            }
            if let step = plan.expectedStep {
                let within = plan.withinSeconds.map { words.report.words(PlaybookDuration(seconds: $0)) }
                facts.append((s.expects, s.expectsWithin(labels.stepLabel(step), within)
                              + (statusByInject[index].map { ": " + $0 } ?? "")))
            }
            if let text = plan.text { facts.append((s.text, text)) }
            var responses: [String] = []
            if let delivery = inject.delivery {
                let next = min(deliveries.first { $0 > delivery.seq } ?? Int.max, endSeq)
                responses = responseLines(after: delivery.seq, before: next)
                if responses.isEmpty { responses = [s.noResponses] }
            }
            return InjectItem(heading: "\(index + 1). \(plan.title)", facts: facts, responses: responses)
        }
    }

    /// Steps done or skipped, decisions and notes recorded after `first` and
    /// before `last` (seqs), a line each; a decision's own completion of its
    /// step adds only its note to the decision's line.
    private func responseLines(after first: Int, before last: Int) -> [String] {
        var describer = labels
        var lines: [String] = []
        var decided: String?
        for (index, record) in input.records.enumerated() where record.seq > first && record.seq < last {
            defer { if case .decisionAnswered(let step, _, _, _, _) = record.event { decided = step } else { decided = nil } }
            switch record.event {
            case .stepCompleted(let step, let note) where step == decided:
                if let note, !lines.isEmpty { lines[lines.count - 1] += ": " + Self.short(note) }
            case .stepCompleted, .stepSkipped, .decisionAnswered, .noteAdded:
                let entry = describer.entry(record, phase: nil)
                var line = (elapsed[index].map(ExportTime.elapsed) ?? "–") + " · " + record.actor + " · " + entry.description
                if let text = entry.text { line += ": " + Self.short(text) }
                lines.append(line)
            default:
                continue
            }
        }
        return lines
    }

    /// `text` on one line, cut at `responseTextLimit` characters.
    static func short(_ text: String) -> String {
        let line = String(text.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
        guard line.count > responseTextLimit else { return line }
        var cut = String(line.prefix(responseTextLimit))
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }

    // MARK: Timeline

    var timelineHeaders: [String] {
        [words.seq, words.date, words.localTime, strings.exerciseClock, words.utc, words.who, words.phase, words.event]
    }

    /// Every event in time order, with the exercise time beside the wall time.
    func timelineTable() -> ReportTable {
        var describer = labels
        let order = TimelineOrder(records: input.records, playbook: input.playbook)
        let rows: [[String]] = order.order.map { index in
            let record = input.records[index]
            let phase = order.phase(ofRecordAt: index)
            let entry = describer.entry(record, phase: phase)
            return [
                "\(record.seq)",
                ExportTime.date(record.occurred),
                localTime(record),
                elapsed[index].map(ExportTime.elapsed) ?? "–",
                ExportTime.utc(record.occurred),
                record.actor,
                phase.map { describer.stageNames[$0] } ?? "–",
                entry.description + (entry.text.map { ": " + $0 } ?? ""),
            ]
        }
        return ReportTable(headers: timelineHeaders, rows: rows, numeric: [0, 3])
    }

    /// `03:10:00 +01:00`, and ` (ført inn 03:15:00)` when recorded later (as `TimeCells`).
    private func localTime(_ record: EventRecord) -> String {
        let t = record.occurred
        var text = ExportTime.clock(t) + " " + ExportTime.offset(t)
        if t < record.recorded {
            let sameDay = ExportTime.date(record.recorded) == ExportTime.date(t)
            text += " (" + words.recordedPrefix + (sameDay ? "" : ExportTime.date(record.recorded) + " ")
                + ExportTime.clock(record.recorded) + ")"
        }
        return text
    }

    // MARK: Observations

    /// The observations made while the exercise ran (`firstImpressions: false`) or after it ended.
    func observationItems(firstImpressions: Bool) -> [ReportSections.NoteItem] {
        let notesBySeq = Dictionary(digest.state.notes.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
        return exercise.observations.filter { $0.isFirstImpression == firstImpressions }.map { observation in
            var heading = "#\(observation.seq) · " + ExportTime.elapsed(observation.elapsedMilliseconds) + " · "
                + ExportTime.fullWithUTC(observation.wall) + " · " + observation.actor + " · "
                + (firstImpressions ? strings.firstImpression : strings.observation)
            if let step = observation.step { heading += " · " + labels.stepLabel(step) }
            let correction = notesBySeq[observation.seq].flatMap { review.report.noteItem($0).correction }
            return ReportSections.NoteItem(heading: heading, text: observation.text, correction: correction, lesson: false)
        }
    }

    // MARK: Improvement plan

    /// One suggested row per expectation not met and per note marked as a lesson, then rows to fill in.
    func planTable() -> ReportTable {
        let s = strings
        var suggestions: [String] = []
        for row in expectations {
            guard case .missed = row.status else { continue }
            let plan = exercise.injects[row.injectIndex].plan
            let within = plan.withinSeconds.map { words.report.words(PlaybookDuration(seconds: $0)) }
            suggestions.append(s.followUpExpectation(
                plan.title, s.expectsWithin(plan.expectedStep.map(labels.stepLabel) ?? "–", within), row.result))
        }
        for lesson in digest.lessons {
            suggestions.append(s.followUpLesson(lesson.seq, lesson.text))
        }
        var rows = suggestions.enumerated().map { ["\($0.offset + 1)", $0.element, "", "", s.open] }
        for number in (rows.count + 1)...(rows.count + Self.blankPlanRows) {
            rows.append(["\(number)", "", "", "", ""])
        }
        return ReportTable(
            headers: [words.seq, review.strings.action, review.strings.responsible, review.strings.dueDate, s.status],
            rows: rows, numeric: [0])
    }
}
