/// The rules that need a whole playbook: unique ids, references that resolve,
/// decisions with distinct options, and the flow warnings (missing stages,
/// unreachable steps, loops with no way out, empty steps).
enum PlaybookValidator {
    static func validate(_ playbook: Playbook, _ reader: inout DocumentReader) {
        // Steps are read by index throughout: copying a whole Step per iteration costs more than the checks.
        let steps = playbook.steps
        let stepIDs = steps.map(\.id.value)
        // One index of step ids (first occurrence), shared by the duplicate check, references and the flow graph.
        var stepIndex: [String: Int] = [:]
        stepIndex.reserveCapacity(steps.count)
        for position in steps.indices {
            let id = steps[position].id
            if let first = stepIndex[id.value] {
                reader.error(.duplicateID, "step id '\(id.value)' is already used on line \(steps[first].id.span.line)",
                             at: id.span)
            } else {
                stepIndex[id.value] = position
            }
        }
        var roleIDs: [String] = []
        for role in playbook.roles where !roleIDs.contains(role.id.value) { roleIDs.append(role.id.value) }

        reportDuplicates(playbook.roles.map(\.id), what: "role", &reader)
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

        for position in steps.indices {
            let id = steps[position].id
            if id.value == "next" || id.value == "end" {
                reader.error(.reservedID, "'\(id.value)' is reserved for decision targets and cannot be a step id",
                             at: id.span)
            }
            if let role = steps[position].role, !roleIDs.contains(role.value) {
                checkReference(role, among: roleIDs, code: .unknownRole, what: "role", &reader)
            }
            if steps[position].decision != nil, let decision = steps[position].decision {
                validate(decision, stepIDs: stepIDs, knownSteps: stepIndex, &reader)
            }
            if steps[position].isEmpty {
                reader.warning(.emptyStep, "step '\(id.value)' gives the responder nothing to do", at: steps[position].span,
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
        warnAboutFlow(playbook, stepIndex: stepIndex, &reader)
    }

    private static func validate(_ decision: Decision, stepIDs: [String], knownSteps: [String: Int],
                                 _ reader: inout DocumentReader) {
        if decision.options.count < 2 {
            reader.error(.tooFewOptions, "a decision needs at least two options; this one has \(decision.options.count)",
                         at: decision.question.span, help: "add options below 'ask' as '- Label -> target'")
        }
        for (position, option) in decision.options.enumerated() {
            if let earlier = decision.options[..<position].first(where: { sameLabel($0.label.value, option.label.value) }) {
                reader.error(.duplicateOption, "option '\(option.label.value)' is given twice (also on line \(earlier.label.span.line))",
                             at: option.label.span)
            }
            if case .step(let id) = option.target.value, knownSteps[id] == nil {
                reader.error(.unknownStep, "unknown step '\(id)' in decision option", at: option.target.span,
                             help: Suggestion.help(for: id, in: stepIDs + ["next", "end"]))
            }
        }
    }

    /// Labels equal ignoring case (`Ja` and `ja` would confuse whoever answers by label).
    private static func sameLabel(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }

    private static func warnAboutMissingStages(_ playbook: Playbook, _ stagesSeen: [Stage: Int], _ reader: inout DocumentReader) {
        let missing = Stage.core.filter { stagesSeen[$0] == nil }
        guard !missing.isEmpty, playbook.phases.contains(where: \.hasKnownStage) || playbook.phases.isEmpty else { return }
        let names = missing.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        reader.warning(.missingStage, "the playbook has no phase for \(missing.count == 1 ? "the core stage" : "the core stages") \(names)",
                       at: playbook.id.span, help: "a playbook should cover detection, containment, recovery and normal")
    }

    private static func warnAboutFlow(_ playbook: Playbook, stepIndex: [String: Int], _ reader: inout DocumentReader) {
        guard !playbook.steps.isEmpty else { return }
        let graph = FlowGraph(playbook, stepIndex: stepIndex)
        let reachable = graph.reachable()
        let reachesEnd = graph.canReachEnd()
        let steps = playbook.steps
        for index in steps.indices where !reachable[index] || !reachesEnd[index] {
            let id = steps[index].id
            if !reachable[index] {
                reader.warning(.unreachableStep, "no path reaches step '\(id.value)'", at: id.span,
                               help: "a decision before it jumps past it; point an option at '\(id.value)' or remove it")
            } else if let decision = steps[index].decision {
                reader.warning(.endlessLoop, "a loop with no way out: no answer from step '\(id.value)' leads to the end",
                               at: decision.question.span,
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
