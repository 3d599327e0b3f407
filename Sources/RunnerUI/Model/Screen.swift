/// The full screens of the runner; dialogs open over `.runner`.
enum Screen: Hashable, Sendable {
    case runner
    case timeline
    case deadlines
    case help
}
