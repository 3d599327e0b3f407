import IncidentEngine
import PlaybookFormat

/// Why the engine refused a command, said in the UI's language, with steps
/// named by their titles.
struct CommandErrorText {
    let playbook: Playbook
    let language: UILanguage

    private func step(_ id: String) -> String {
        playbook.step(id)?.title.value ?? id
    }

    func text(_ error: CommandError) -> String {
        guard language == .nb else { return englishText(error) }
        switch error {
        case .notOpened: return "Hendelsen er ikke åpnet"
        case .alreadyOpened: return "Hendelsen er allerede åpnet"
        case .incidentClosed: return "Hendelsen er lukket"
        case .notClosed: return "Hendelsen er ikke lukket"
        case .emptyTitle: return "Tittelen er tom"
        case .invalidPlaybookHash: return "Playbookens kontrollsum er ugyldig"
        case .unknownStep(let id, _): return "Ukjent steg «\(id)»"
        case .stepAlreadyDone(let id): return "«\(step(id))» er allerede fullført"
        case .stepAlreadySkipped(let id): return "«\(step(id))» er allerede hoppet over"
        case .stepNotClosed(let id): return "«\(step(id))» er verken fullført eller hoppet over"
        case .noDecision: return "Steget har ikke noe spørsmål"
        case .decisionRequired(_, let question, let options):
            return "Svar først: \(question) (1–\(options.count))"
        case .optionOutOfRange(_, _, let count): return "Velg et svar fra 1 til \(count)"
        case .unknownOption(_, let option, _, _): return "Ukjent svar «\(option)»"
        case .noteRequired(_, let record): return "Skriv et notat: \(record)"
        case .emptyNote: return "Notatet er tomt"
        case .emptyReason: return "Skriv en grunn"
        case .noChecklist: return "Steget har ingen sjekkliste"
        case .checklistItemOutOfRange(_, let item, let count): return "Punkt \(item) finnes ikke (steget har \(count))"
        case .itemAlreadyTicked(_, let item): return "Punkt \(item) er allerede krysset av"
        case .itemNotTicked(_, let item): return "Punkt \(item) er ikke krysset av"
        case .unknownEvent(let seq): return "Hendelse \(seq) finnes ikke"
        case .notCorrectable(let seq): return "Hendelse \(seq) har ingen tekst å rette"
        case .timeInFuture(let time, _): return "\(TimeText.dateTime(time)) ligger fram i tid"
        case .beforeOpening(let time, let openedAt):
            return "\(TimeText.dateTime(time)) er før hendelsen ble åpnet (\(TimeText.dateTime(openedAt)))"
        }
    }

    private func englishText(_ error: CommandError) -> String {
        switch error {
        case .stepAlreadyDone(let id): "“\(step(id))” is already done"
        case .stepAlreadySkipped(let id): "“\(step(id))” is already skipped"
        case .decisionRequired(_, let question, let options): "Answer first: \(question) (1–\(options.count))"
        case .optionOutOfRange(_, _, let count): "Choose an answer from 1 to \(count)"
        case .noteRequired(_, let record): "Write a note: \(record)"
        case .emptyReason: "Write a reason"
        case .timeInFuture(let time, _): "\(TimeText.dateTime(time)) is in the future"
        case .beforeOpening(let time, let openedAt):
            "\(TimeText.dateTime(time)) is before the incident was opened (\(TimeText.dateTime(openedAt)))"
        default:
            // The engine's one-liners are English sentences in lower case.
            String(error.description.prefix(1).uppercased() + error.description.dropFirst())
        }
    }
}
