/// The rules a scenario must follow on its own; its references into the
/// playbook are checked by `CrossReferenceValidator`.
enum ScenarioValidator {
    static func validate(_ scenario: Scenario, _ reader: inout DocumentReader) {
        PlaybookValidator.reportDuplicates(scenario.injects.map(\.id), what: "inject", &reader)
        for inject in scenario.injects {
            if let within = inject.within, inject.expect == nil {
                reader.warning(.withinWithoutExpect, "'within' has no meaning without 'expect'", at: within.span,
                               help: "name the step the participants should reach: 'expect: STEP'")
            }
            if let duration = scenario.duration, inject.at.value > duration.value {
                reader.warning(.injectAfterEnd,
                               "inject '\(inject.id.value)' comes at \(inject.at.value), after the exercise ends (\(duration.value))",
                               at: inject.at.span)
            }
        }
    }
}
