/// The dialog open over the runner, if any: it takes every key until it closes.
enum Dialog: Equatable, Sendable {
    case text(TextDialog)
    case choice(ChoiceDialog)
    case search(SearchDialog)
}
