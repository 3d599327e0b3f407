import IncidentEngine

/// Why the engine refused an exercise command, said in the UI's language,
/// with injects named by their titles.
struct ExerciseCommandErrorText {
    let language: UILanguage
    let exercise: ExerciseState?

    private func inject(_ id: String) -> String {
        exercise.flatMap { state in state.injectIndex(of: id).map { state.injects[$0].plan.title } } ?? id
    }

    func text(_ error: ExerciseCommandError) -> String {
        let nb = language == .nb
        switch error {
        case .notStarted: return nb ? "Øvelsen er ikke startet" : "The exercise has not started"
        case .alreadyStarted: return nb ? "Øvelsen er allerede startet" : "The exercise has already started"
        case .ended: return nb ? "Øvelsen er avsluttet" : "The exercise has ended"
        case .alreadyPaused: return nb ? "Øvelsen står allerede på pause" : "The exercise is already paused"
        case .notPaused: return nb ? "Øvelsen står ikke på pause" : "The exercise is not paused"
        case .invalidSpeed(let speed):
            let range = "\(ExerciseCommand.speeds.lowerBound)–\(ExerciseCommand.speeds.upperBound)×"
            return nb ? "Farten \(speed)× er utenfor \(range)" : "Speed \(speed)× is outside \(range)"
        case .unknownInject(let id): return nb ? "Ukjent innspill «\(id)»" : "No inject “\(id)” in the scenario"
        case .alreadyDelivered(let id):
            return nb ? "«\(inject(id))» er allerede levert" : "“\(inject(id))” has already been delivered"
        case .invalidPostponement:
            let hours = ExerciseCommand.maximumPostponementSeconds / 3600
            return nb ? "Utsett med 1 sekund til \(hours) timer" : "Postpone by 1 second to \(hours) hours"
        case .emptyText: return nb ? "Teksten er tom" : "The text is empty"
        }
    }
}
