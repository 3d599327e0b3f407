import PlaybookFormat

/// The structure of a playbook with its text left out: what a bokmål
/// playbook and its English twin must share. One line per fact, in file
/// order, so that two shapes compare line by line and the first line that
/// differs says where they part.
struct PlaybookShape {
    let lines: [String]

    init(_ playbook: Playbook) {
        var lines = ["roles: " + playbook.roles.map(\.id.value).joined(separator: ", ")]
        for deadline in playbook.deadlines {
            lines.append(
                "deadline \(deadline.id.value): within \(deadline.within.value), from \(deadline.from?.value ?? "opening"), "
                    + "until \(deadline.until?.value ?? "-"), warn \(deadline.warn.map { "\($0.value)" } ?? "-")")
        }
        for phase in playbook.phases {
            let steps = playbook.steps[phase.stepRange].map(\.id.value)
            lines.append("phase \(phase.stage.value.rawValue): " + steps.joined(separator: ", "))
        }
        for step in playbook.steps {
            let id = step.id.value
            lines.append(
                "step \(id): phase \(playbook.phases[step.phaseIndex].stage.value.rawValue), "
                    + "role \(step.role?.value ?? "-"), expect \(step.expect.map { "\($0.value)" } ?? "-"), "
                    + "checklist \(step.checklist.count), record \(step.record == nil ? "no" : "yes"), "
                    + "notify \(step.notify.isEmpty ? "-" : step.notify.map(\.value).joined(separator: ", "))")
            guard let decision = step.decision else {
                lines.append("step \(id) leads to the next step")
                continue
            }
            lines.append("step \(id) asks with \(decision.options.count) options")
            for (n, option) in decision.options.enumerated() {
                lines.append("step \(id) option \(n + 1) -> \(option.target.value)")
            }
        }
        self.lines = lines
    }

    /// Where this shape and `other` first differ: the 1-based line and each
    /// side's text there (nil past the end of a shape); nil when they are the same.
    func firstDifference(from other: PlaybookShape) -> (line: Int, this: String?, other: String?)? {
        for n in 0..<max(lines.count, other.lines.count) {
            let mine = lines.indices.contains(n) ? lines[n] : nil
            let theirs = other.lines.indices.contains(n) ? other.lines[n] : nil
            if mine != theirs { return (n + 1, mine, theirs) }
        }
        return nil
    }
}
