/// The rules that need a whole playbook: unique ids, references that resolve,
/// decisions with distinct options, and the flow warnings (missing stages,
/// unreachable steps, loops with no way out, empty steps).
enum PlaybookValidator {
    /// - Parameter facts: what the decoder noted about each step as it read it.
    static func validate(_ playbook: Playbook, _ facts: StepFacts, _ reader: inout DocumentReader) {
        // Steps are read in place, and only to report a problem: copying a whole Step costs more than the checks.
        playbook.steps.withUnsafeBufferPointer { steps in
            validate(playbook, steps: steps, facts: facts, &reader)
        }
    }

    private static func validate(_ playbook: Playbook, steps: UnsafeBufferPointer<Step>, facts: StepFacts,
                                 _ reader: inout DocumentReader) {
        for (position, first) in facts.repeats {
            let id = steps[position].id
            reader.error(.duplicateID, "step id '\(id.value)' is already used on line \(steps[first].id.span.line)",
                         at: id.span)
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

        // The per-step rules, and the flow's edges on the way (decision targets are looked up once).
        var flow = FlowEdges(reservingCapacity: steps.count)
        for position in steps.indices {
            let fact = facts.steps[position]
            if fact.flags.contains(.reservedID) {
                let id = steps[position].id
                reader.error(.reservedID, "'\(id.value)' is reserved for decision targets and cannot be a step id",
                             at: id.span)
            }
            if fact.flags.contains(.unknownRole) || fact.flags.contains(.roleToCheck),
               let role = steps[position].role, !roleIDs.contains(role.value) {
                checkReference(role, among: roleIDs, code: .unknownRole, what: "role", &reader)
            }
            flow.startStep()
            if fact.flags.contains(.hasDecision) {
                validateDecision(of: position, fact, steps: steps, facts: facts, flow: &flow, &reader)
            } else {
                flow.addSuccessor(position + 1)
            }
            if fact.flags.contains(.empty) {
                reader.warning(.emptyStep, "step '\(steps[position].id.value)' gives the responder nothing to do",
                               at: steps[position].span, help: "add 'do', 'check', 'run', 'record' or 'ask'")
            }
        }
        flow.finish()

        for deadline in playbook.deadlines {
            // The ids of all steps are listed only when a reference is wrong (for the help).
            if let from = deadline.from, facts[from.value] == nil {
                checkReference(from, among: steps.map(\.id.value), code: .unknownStep, what: "step", &reader)
            }
            if let until = deadline.until, facts[until.value] == nil {
                checkReference(until, among: steps.map(\.id.value), code: .unknownStep, what: "step", &reader)
            }
            if let warn = deadline.warn, warn.value >= deadline.within.value, deadline.within.value.seconds > 0 {
                reader.warning(.warnNotBeforeDeadline,
                               "warn (\(warn.value)) is not shorter than the deadline itself (\(deadline.within.value))",
                               at: warn.span, help: "'warn' is how long before the end to warn")
            }
        }

        warnAboutMissingStages(playbook, stagesSeen, &reader)
        warnAboutFlow(steps, flow, &reader)
    }

    /// Checks the decision of the step at `position` from its noted facts, and adds where its
    /// options lead to `flow`. The decision itself is read only to report a problem.
    private static func validateDecision(of position: Int, _ fact: StepFacts.Fact, steps: UnsafeBufferPointer<Step>,
                                         facts: StepFacts, flow: inout FlowEdges, _ reader: inout DocumentReader) {
        let count = Int(fact.optionCount)
        if count < 2, let question = steps[position].decision?.question {
            reader.error(.tooFewOptions, "a decision needs at least two options; this one has \(count)",
                         at: question.span, help: "add options below 'ask' as '- Label -> target'")
        }
        if count == 0 { flow.addSuccessor(position + 1) }
        for index in 0..<count {
            let option = facts.options[Int(fact.firstOption) + index]
            if option.earlierLabelLine > 0, let written = steps[position].decision?.options[index] {
                reader.error(.duplicateOption,
                             "option '\(written.label.value)' is given twice (also on line \(option.earlierLabelLine))",
                             at: written.label.span)
            }
            switch option.target {
            case StepFacts.end: flow.addSuccessor(steps.count)
            case StepFacts.next: flow.addSuccessor(position + 1)
            default:
                let id = facts.targetIDs[Int(option.target)]
                if let target = facts[id] {
                    flow.addSuccessor(target)
                } else if let written = steps[position].decision?.options[index] {
                    reader.error(.unknownStep, "unknown step '\(id)' in decision option", at: written.target.span,
                                 help: Suggestion.help(for: id, in: steps.map(\.id.value) + ["next", "end"]))
                }
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

    private static func warnAboutFlow(_ steps: UnsafeBufferPointer<Step>, _ flow: FlowEdges,
                                      _ reader: inout DocumentReader) {
        guard !steps.isEmpty else { return }
        let reachable = flow.reachable()
        let reachesEnd = flow.canReachEnd()
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
