import IncidentEngine
import PlaybookFormat

/// The review's tables as plain text, worked out from the same digest the
/// exports use, for the Markdown and HTML review renderers to escape.
struct ReviewSections {
    /// How many empty rows the improvement plan offers to fill in.
    static let planRows = 8

    let report: ReportSections
    let strings: ReviewStrings

    init(_ digest: IncidentDigest) {
        report = ReportSections(digest)
        strings = ReviewStrings(digest.input.language)
    }

    private var digest: IncidentDigest { report.digest }
    private var state: RunState { digest.state }
    private var playbook: Playbook { digest.playbook }
    private var words: ExportStrings { report.strings }

    var title: String { strings.title(exercise: digest.input.isExercise, report.title) }

    /// Opening, each phase's first entry and the closing, with the time from the opening.
    func courseTable() -> ReportTable {
        var rows: [[String]] = []
        if let opened = digest.openedAt {
            rows.append([strings.openedMilestone, ExportTime.fullWithUTC(opened), ExportTime.elapsed(0)])
        }
        for (index, phase) in state.phases.enumerated() {
            let name = strings.entered(report.labels.phaseLabels[index])
            if let at = phase.firstEnteredAt {
                rows.append([name, ExportTime.fullWithUTC(at), digest.sinceOpening(at).map(ExportTime.elapsed) ?? "–"])
            } else {
                rows.append([name, strings.notReached, "–"])
            }
        }
        if let closed = digest.closedAt {
            rows.append([strings.closedMilestone, ExportTime.fullWithUTC(closed),
                         digest.sinceOpening(closed).map(ExportTime.elapsed) ?? "–"])
        } else {
            let soFar = digest.durationMilliseconds.map { " (\(words.durationSoFar.lowercased()): \(words.words($0)))" } ?? ""
            rows.append([strings.notClosed + soFar, "–", "–"])
        }
        return ReportTable(headers: [strings.milestone, strings.time, words.sinceOpening], rows: rows, numeric: [2])
    }

    /// One row per pass through each step, measured against the step's `expect`.
    func stepTable() -> ReportTable {
        var passesByStep = Array(repeating: [StepPass](), count: playbook.steps.count)
        for pass in digest.passes { passesByStep[pass.stepIndex].append(pass) }
        var rows: [[String]] = []
        for (index, step) in playbook.steps.enumerated() {
            let expect = step.expect?.value
            let target = expect.map { words.report.words($0) } ?? "–"
            let passes = passesByStep[index]
            if passes.isEmpty {
                let status = state.steps[index].status
                let verdict = status == .bypassed ? words.status(.bypassed) : strings.notDone
                rows.append(["\(index + 1)", step.title.value, "–", "–", "–", "–", target, "–", verdict])
                continue
            }
            for pass in passes {
                let duration = pass.durationMilliseconds
                var difference = "–"
                var verdict: String
                switch (pass.outcome, duration, expect) {
                case (.skipped, _, _):
                    verdict = words.passOutcome(.skipped)
                case (.open, _, _):
                    verdict = words.passOutcome(.open)
                case (.done, nil, _):
                    verdict = strings.notMeasured
                case (.done, _, nil):
                    verdict = strings.noTarget
                case (.done, let duration?, let expect?):
                    let over = duration - Int64(expect.seconds) * 1_000
                    difference = over > 0
                        ? strings.over(words.words(over)) : over == 0 ? strings.onTarget : strings.under(words.words(-over))
                    verdict = over > 0 ? strings.overTarget : strings.withinTarget
                }
                rows.append([
                    "\(index + 1)",
                    step.title.value,
                    "\(pass.number)",
                    pass.reachedAt.map(ExportTime.full) ?? "–",
                    pass.closedAt.map(ExportTime.full) ?? "–",
                    duration.map(words.words) ?? "–",
                    target,
                    difference,
                    verdict,
                ])
            }
        }
        return ReportTable(
            headers: [words.seq, words.steps, words.pass, words.reached, words.doneAt, words.duration, words.target,
                      strings.difference, strings.verdict],
            rows: rows, numeric: [0, 2])
    }

    func decisionTable() -> ReportTable {
        let rows = state.decisions.map { decision in
            [
                decision.question,
                "\(decision.option). \(decision.label)",
                decision.actor,
                ExportTime.fullWithUTC(decision.occurred),
                report.labels.stepLabel(at: decision.stepIndex),
            ]
        }
        return ReportTable(headers: [words.question, words.answer, words.who, words.when, words.steps], rows: rows)
    }

    /// Every skip with its reason, and where the step stands now (a later pass may have done it).
    func skippedTable() -> ReportTable {
        let rows = digest.skips.map { skip in
            [
                skip.stepIndex.map { report.labels.stepLabel(at: $0) } ?? "–",
                skip.text,
                skip.actor,
                ExportTime.fullWithUTC(skip.occurred),
                skip.stepIndex.map { words.status(state.steps[$0].status) } ?? "–",
            ]
        }
        return ReportTable(headers: [words.steps, strings.reason, words.who, words.when, strings.statusNow], rows: rows)
    }

    func bypassedSteps() -> [String] {
        digest.bypassedSteps.map { report.labels.stepLabel(at: $0) }
    }

    /// Steps with `notify`, whom they name, and whether and when they were done.
    func notificationTable() -> ReportTable {
        var rows: [[String]] = []
        // The first completion is when the notification went out.
        var firstDone = Array(repeating: StepPass?.none, count: playbook.steps.count)
        for pass in digest.passes where pass.outcome == .done && firstDone[pass.stepIndex] == nil {
            firstDone[pass.stepIndex] = pass
        }
        for (index, step) in playbook.steps.enumerated() where !step.notify.isEmpty {
            let contacts = step.notify.map { contactName($0.value) }.joined(separator: "; ")
            let done = firstDone[index]
            let status = done == nil ? words.status(state.steps[index].status) : words.passOutcome(.done)
            rows.append([report.labels.stepLabel(at: index), contacts, status,
                         done?.closedAt.map(ExportTime.fullWithUTC) ?? "–"])
        }
        return ReportTable(headers: [words.steps, strings.contact, words.stepStatus, words.when], rows: rows)
    }

    /// "KommuneCERT (02497)", or the id marked missing when the lists lack it.
    private func contactName(_ id: String) -> String {
        let lists = digest.input.contacts
        for list in lists {
            if let contact = list.contact(id) {
                return contact.name.value + (contact.phone.map { ", \(words.report.phone.lowercased()) \($0.value)" } ?? "")
            }
        }
        return lists.isEmpty ? id : "\(id) (\(strings.notInList))"
    }

    func planTable() -> ReportTable {
        ReportTable(
            headers: [words.seq, strings.action, strings.responsible, strings.dueDate],
            rows: (1...Self.planRows).map { ["\($0)", "", "", ""] }, numeric: [0])
    }
}
