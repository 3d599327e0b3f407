import PlaybookFormat

/// Checks that a generated corpus exercises every construct of the format,
/// so that the benchmark measures the whole parser and not a fast subset.
enum CorpusCoverage {
    /// The constructs the playbook lacks (empty when it has them all).
    static func missingConstructs(in playbook: Playbook) -> [String] {
        var missing: [String] = []
        func require(_ present: Bool, _ name: String) {
            if !present { missing.append(name) }
        }
        require(playbook.lang != nil && playbook.version != nil && playbook.owner != nil, "lang/version/owner")
        require(!playbook.tags.isEmpty, "top-level tags")
        require(playbook.summary?.value.contains("\n\n") == true, "summary text block with a blank line")
        require(playbook.ref != nil, "top-level ref")
        require(!playbook.roles.isEmpty, "roles")
        require(playbook.extensions.contains { !$0.value.value.contains("\n") }, "x- field")
        require(playbook.extensions.contains { $0.value.value.contains("\n") }, "x- field with a list")
        require(playbook.deadlines.contains { $0.from != nil && $0.until != nil && $0.warn != nil && $0.ref != nil },
                "deadline with from/until/warn/ref")
        require(playbook.deadlines.contains { $0.from == nil }, "deadline from the opening")
        require(Set(playbook.phases.map(\.stage.value)) == Set(Stage.allCases), "a phase for every stage")

        let steps = playbook.steps
        require(steps.contains { $0.role != nil }, "step role")
        require(steps.contains { $0.role == nil }, "step without role")
        require(steps.contains { $0.expect != nil }, "expect")
        require(steps.contains { $0.instructions.map { !$0.value.contains("\n") } ?? false }, "one-line do")
        require(steps.contains { $0.instructions?.value.contains("\n\n") ?? false }, "do text block with paragraphs")
        require(steps.contains { !$0.checklist.isEmpty }, "check")
        require(steps.contains { $0.commands?.value.hasPrefix("#") ?? false }, "run text block")
        require(steps.contains { $0.record != nil }, "record")
        require(steps.contains { !$0.notify.isEmpty }, "notify")
        require(steps.contains { $0.ref != nil }, "step ref")
        require(steps.contains { !$0.tags.isEmpty }, "step tags")
        require(steps.contains { !$0.extensions.isEmpty }, "step x- field")

        var targets: Set<String> = []
        var index: [String: Int] = [:]
        for (position, step) in steps.enumerated() { index[step.id.value] = position }
        for (position, step) in steps.enumerated() {
            for option in step.decision?.options ?? [] {
                switch option.target.value {
                case .next: targets.insert("next")
                case .end: targets.insert("end")
                case .step(let id):
                    guard let target = index[id] else { continue }
                    targets.insert(target > position ? "forward" : "backward")
                }
            }
        }
        for kind in ["next", "end", "forward", "backward"] {
            require(targets.contains(kind), "decision option to \(kind == "next" || kind == "end" ? "'\(kind)'" : "a step \(kind)")")
        }
        return missing
    }
}
