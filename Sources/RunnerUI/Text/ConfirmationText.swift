import IncidentEngine

/// What a yes-or-no dialog asks: its title and a line saying what yes does.
enum ConfirmationText {
    static func question(_ app: RunnerApp, _ confirmation: Confirmation) -> (title: String, prompt: String) {
        let strings = app.strings
        switch confirmation {
        case .deliverEarly(let inject):
            guard let words = InjectWords(app), words.exercise.injects.indices.contains(inject) else {
                return (strings.deliverEarlyTitle, "")
            }
            let prompt = strings.deliverEarlyPrompt(
                words.inject(inject).plan.title, due: words.dueTime(inject), in: words.timeLeft(inject))
            return (strings.deliverEarlyTitle, prompt)
        case .endExercise:
            return (strings.endTitle, strings.endPrompt)
        }
    }
}
