import IncidentEngine
import PlaybookFormat

/// Turns journal records into timeline entries: every format describes an
/// event with the same words, so a row of the CSV, a line of the Timesketch
/// file and a row of the report say the same thing.
///
/// Descriptions that depend only on the step (and option or item) are made
/// once and reused: a journal of a million events has a few hundred different ones.
struct EventDescriber {
    let strings: ExportStrings
    private let playbook: Playbook
    private var tracker: PhaseTracker
    /// "2. Isoler berørte systemer" per step, made once.
    private let stepLabels: [String]
    /// "Begrense skaden (Begrensning)" per phase.
    let phaseLabels: [String]
    /// The stage's name per phase ("Begrensning"), and its id ("containment").
    let stageNames: [String]
    let stageIDs: [String]
    private let deadlineTitles: [String: String]
    /// Shared by copies (a reference): they describe the same playbook in the same language.
    private let cache = DescriptionCache()

    init(playbook: Playbook, language: ReportLanguage) {
        let strings = ExportStrings(language)
        self.strings = strings
        self.playbook = playbook
        tracker = PhaseTracker(playbook: playbook)
        stepLabels = playbook.steps.enumerated().map { strings.stepLabel($0.offset + 1, $0.element.title.value) }
        phaseLabels = playbook.phases.map { "\($0.title.value) (\(strings.report.stage($0.stage.value)))" }
        stageNames = playbook.phases.map { strings.report.stage($0.stage.value) }
        stageIDs = playbook.phases.map { $0.stage.value.rawValue }
        var titles: [String: String] = [:]
        for deadline in playbook.deadlines where titles[deadline.id.value] == nil {
            titles[deadline.id.value] = deadline.title.value
        }
        deadlineTitles = titles
    }

    /// The entry for the next record of the journal (walked in journal order).
    mutating func entry(_ record: borrowing EventRecord) -> TimelineEntry {
        let (phase, step) = tracker.locate(record.event)
        return describe(record.event, phase: phase, step: step)
    }

    /// The entry for a record whose phase is already known (a report in time order).
    mutating func entry(_ record: borrowing EventRecord, phase: Int?) -> TimelineEntry {
        var step: Int?
        if let id = record.event.step { step = tracker.stepIndex(of: id) }
        return describe(record.event, phase: phase, step: step)
    }

    /// The label of step `id`: "2. Isoler berørte systemer", or the id marked unknown.
    func stepLabel(_ id: String) -> String {
        tracker.stepIndex(of: id).map { stepLabels[$0] } ?? strings.unknown(id)
    }

    func stepLabel(at index: Int) -> String { stepLabels[index] }

    /// The stage id of a phase (`containment`), as the machine formats write it.
    func stageID(_ phase: Int?) -> String? {
        phase.map { stageIDs[$0] }
    }

    private func deadlineTitle(_ id: String) -> String {
        deadlineTitles[id] ?? strings.unknown(id)
    }

    /// A description made once per key: `kind` in the low byte, the step above it, then `extra`.
    private func cached(_ kind: Int, _ step: Int?, _ extra: Int = 0, _ make: () -> String) -> String {
        guard let step else { return make() }
        return cache.value(for: kind | (step + 1) << 8 | extra << 40, make)
    }

    private func describe(_ event: IncidentEvent, phase: Int?, step: Int?) -> TimelineEntry {
        let s = strings
        var text: String?
        let description: String
        switch event {
        case .incidentOpened(let id, let version, _, let title, let exercise):
            description = s.opened(exercise: exercise, playbook: id + (version.map { " \($0)" } ?? ""))
            text = title
        case .phaseEntered(let stage):
            let index = playbook.phases.firstIndex { $0.stage.value == stage }
            description = s.phaseEntered(index.map { phaseLabels[$0] } ?? s.report.stage(stage))
        case .stepReached(let id):
            description = cached(1, step) { s.stepReached(stepLabel(id)) }
        case .stepCompleted(let id, let note):
            description = cached(2, step) { s.stepDone(stepLabel(id)) }
            text = note
        case .stepSkipped(let id, let reason):
            description = cached(3, step) { s.stepSkipped(stepLabel(id)) }
            text = reason
        case .stepReopened(let id):
            description = cached(4, step) { s.stepReopened(stepLabel(id)) }
        case .checklistTicked(let id, let item):
            description = cached(5, step, max(0, min(item, 1 << 20))) { s.ticked(item, stepLabel(id), checklistText(id, item)) }
        case .checklistUnticked(let id, let item):
            description = cached(6, step, max(0, min(item, 1 << 20))) { s.unticked(item, stepLabel(id), checklistText(id, item)) }
        case .decisionAnswered(let id, let question, let option, let label, let target):
            description = s.decision(stepLabel(id), question, option, label, targetLabel(target, from: id))
        case .noteAdded(let note, let id, let lesson):
            description = cached(lesson ? 7 : 8, step) { s.note(lesson: lesson, step: id.map(stepLabel)) }
            text = note
        case .correction(let seq, let correction):
            description = s.correction(seq)
            text = correction
        case .deadlineStarted(let id, let due):
            description = s.deadlineStarted(deadlineTitle(id), ExportTime.full(due))
        case .deadlineMet(let id):
            description = s.deadlineMet(deadlineTitle(id))
        case .deadlineMissed(let id):
            description = s.deadlineMissed(deadlineTitle(id))
        case .deadlineWaived(let id, let reason):
            description = s.deadlineWaived(deadlineTitle(id), reason)
        case .incidentClosed(let note):
            description = s.incidentClosed
            text = note
        case .incidentReopened(let reason):
            description = s.incidentReopened
            text = reason
        case .exerciseStarted(let scenario, let speed, _):
            description = s.exerciseStarted(scenario, speed)
        case .exercisePaused:
            description = s.exercisePaused
        case .exerciseResumed:
            description = s.exerciseResumed
        case .exerciseSpeedChanged(let speed):
            description = s.exerciseSpeed(speed)
        case .injectDelivered(let inject):
            description = s.injectDelivered(inject)
        case .injectPostponed(let inject, let seconds):
            description = s.injectPostponed(inject, seconds)
        case .evaluatorNote(let note, let id):
            description = cached(9, step) { s.evaluatorNote(step: id.map(stepLabel)) }
            text = note
        case .exerciseEnded(let reason, let note):
            description = s.exerciseEnded(reason)
            text = note
        }
        return TimelineEntry(phaseIndex: phase, stepIndex: step, description: description, text: text)
    }

    private func checklistText(_ id: String, _ item: Int) -> String? {
        guard let index = tracker.stepIndex(of: id) else { return nil }
        let checklist = playbook.steps[index].checklist
        return checklist.indices.contains(item - 1) ? checklist[item - 1].value : nil
    }

    /// Where an answer led: a step's label, "neste steg" or "slutt".
    func targetLabel(_ target: StepTarget, from id: String) -> String {
        switch target {
        case .step(let to): return stepLabel(to)
        case .end: return strings.end
        case .next:
            guard let index = tracker.stepIndex(of: id) else { return strings.nextStep }
            return index + 1 < stepLabels.count ? "\(strings.nextStep) (\(stepLabels[index + 1]))" : strings.end
        }
    }
}
