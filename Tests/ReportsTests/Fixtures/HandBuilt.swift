import PlaybookFormat

/// Small playbooks built by hand for cases the example does not cover
/// (including references the validator would reject: the binder still shows them).
enum HandBuilt {
    static func located<T: Sendable>(_ value: T) -> Located<T> {
        Located(value, at: .fileStart)
    }

    static func step(
        _ id: String, _ title: String, role: String? = nil, decision options: [(String, StepTarget)] = []
    ) -> Step {
        let decision = options.isEmpty ? nil : Decision(
            question: located("Hva nå?"),
            options: options.map { DecisionOption(label: located($0.0), target: located($0.1)) })
        return Step(
            id: located(id), title: located(title), phaseIndex: 0, role: role.map { located($0) },
            instructions: located("Gjør noe."), decision: decision, span: .fileStart)
    }

    /// One detection phase holding all the steps.
    static func playbook(steps: [Step]) -> Playbook {
        Playbook(
            id: located("test"), title: located("Test"), roles: [Role(id: located("lead"), name: located("Leder"))],
            phases: [Phase(stage: located(.detection), title: located("Alt"), stepRange: 0..<steps.count, span: .fileStart)],
            steps: steps)
    }
}
