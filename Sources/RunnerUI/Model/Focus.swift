/// Where ↑ ↓ move on the runner: through the steps, or through the
/// selected step's checklist (Tab switches).
enum Focus: Hashable, Sendable {
    case steps
    case checklist
}
