/// The rules that need a whole playbook: unique ids, references that resolve,
/// decisions with distinct options, and the flow warnings (missing stages,
/// unreachable steps, loops with no way out, empty steps).
enum PlaybookValidator {
    static func validate(_ playbook: Playbook, _ reader: inout DocumentReader) {
        let stepIDs = playbook.steps.map(\.id.value)
        var roleIDs: [String] = []
        for role in playbook.roles where !roleIDs.contains(role.id.value) { roleIDs.append(role.id.value) }

        reportDuplicates(playbook.roles.map(\.id), what: "role", &reader)
        reportDuplicates(playbook.steps.map(\.id), what: "step", &reader)
        reportDuplicates(playbook.deadlines.map(\.id), what: "deadline", &reader)

        var stagesSeen: [Stage: Int] = [:]
        for phase in playbook.phases where phase.hasKnownStage {
            if let line = stagesSeen[phase.stage.value] {
                reader.error(.duplicateStage, "stage '\(phase.stage.value.rawValue)' already has a phase on line \(line)",
                             at: phase.stage.span, help: "each stage appears in at most one phase; put these steps there")
            } else {
                stagesSeen[phase.stage.value] = phase.stage.span.line
            }
            if phase.stepRange.isEmpty {
                reader.error(.emptyPhase, "phase '\(phase.stage.value.rawValue)' has no steps", at: phase.span,
                             help: "add at least one 'step ID: Title' indented under it")
            }
        }

        for step in playbook.steps {
            if step.id.value == "next" || step.id.value == "end" {
                reader.error(.reservedID, "'\(step.id.value)' is reserved for decision targets and cannot be a step id",
                             at: step.id.span)
            }
            if let role = step.role {
                checkReference(role, among: roleIDs, code: .unknownRole, what: "role", &reader)
            }
            if let decision = step.decision {
                validate(decision, of: step, stepIDs: stepIDs, &reader)
            }
            if step.isEmpty {
                reader.warning(.emptyStep, "step '\(step.id.value)' gives the responder nothing to do", at: step.span,
                               help: "add 'do', 'check', 'run', 'record' or 'ask'")
            }
        }

        for deadline in playbook.deadlines {
            if let from = deadline.from {
                checkReference(from, among: stepIDs, code: .unknownStep, what: "step", &reader)
            }
            if let until = deadline.until {
                checkReference(until, among: stepIDs, code: .unknownStep, what: "step", &reader)
            }
            if let warn = deadline.warn, warn.value >= deadline.within.value, deadline.within.value.seconds > 0 {
                reader.warning(.warnNotBeforeDeadline,
                               "warn (\(warn.value)) is not shorter than the deadline itself (\(deadline.within.value))",
                               at: warn.span, help: "'warn' is how long before the end to warn")
            }
        }

        warnAboutMissingStages(playbook, stagesSeen, &reader)
        warnAboutFlow(playbook, &reader)
    }

    private static func validate(_ decision: Decision, of step: Step, stepIDs: [String], _ reader: inout DocumentReader) {
        if decision.options.count < 2 {
            reader.error(.tooFewOptions, "a decision needs at least two options; this one has \(decision.options.count)",
                         at: decision.question.span, help: "add options below 'ask' as '- Label -> target'")
        }
        var labels: [String: Int] = [:]
        for option in decision.options {
            let key = option.label.value.lowercased()
            if let line = labels[key] {
                reader.error(.duplicateOption, "option '\(option.label.value)' is given twice (also on line \(line))",
                             at: option.label.span)
            } else {
                labels[key] = option.label.span.line
            }
            if case .step(let id) = option.target.value, !stepIDs.contains(id) {
                reader.error(.unknownStep, "unknown step '\(id)' in decision option", at: option.target.span,
                             help: Suggestion.help(for: id, in: stepIDs + ["next", "end"]))
            }
        }
    }

    private static func warnAboutMissingStages(_ playbook: Playbook, _ stagesSeen: [Stage: Int], _ reader: inout DocumentReader) {
        let missing = Stage.core.filter { stagesSeen[$0] == nil }
        guard !missing.isEmpty, playbook.phases.contains(where: \.hasKnownStage) || playbook.phases.isEmpty else { return }
        let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        reader.warning(.missingStage, "the playbook has no phase for \(missing.count == 1 ? "the core stage" : "the core stages") \(names)",
                       at: playbook.id.span, help: "a playbook should cover detection, containment, recovery and normal")
    }

    private static func warnAboutFlow(_ playbook: Playbook, _ reader: inout DocumentReader) {
        guard !playbook.steps.isEmpty else { return }
        let graph = FlowGraph(playbook)
        let reachable = graph.reachable()
        let reachesEnd = graph.canReachEnd()
        for (index, step) in playbook.steps.enumerated() {
            if !reachable[index] {
                reader.warning(.unreachableStep, "no path reaches step '\(step.id.value)'", at: step.id.span,
                               help: "a decision before it jumps past it; point an option at '\(step.id.value)' or remove it")
            } else if !reachesEnd[index], step.decision != nil {
                reader.warning(.endlessLoop, "a loop with no way out: no answer from step '\(step.id.value)' leads to the end",
                               at: step.decision?.question.span ?? step.span,
                               help: "let one option lead on ('-> next', a later step or '-> end')")
            }
        }
    }

    static func checkReference(_ reference: Located<String>, among ids: [String], code: DiagnosticCode, what: String,
                               _ reader: inout DocumentReader) {
        guard !ids.contains(reference.value) else { return }
        reader.error(code, "unknown \(what) '\(reference.value)'", at: reference.span,
                     help: Suggestion.help(for: reference.value, in: ids)
                        ?? (ids.isEmpty ? nil : "\(what)s: " + ids.prefix(12).joined(separator: ", ")))
    }

    static func reportDuplicates(_ ids: [Located<String>], what: String, _ reader: inout DocumentReader) {
        var seen: [String: Int] = [:]
        for id in ids {
            if let line = seen[id.value] {
                reader.error(.duplicateID, "\(what) id '\(id.value)' is already used on line \(line)", at: id.span)
            } else {
                seen[id.value] = id.span.line
            }
        }
    }
}
