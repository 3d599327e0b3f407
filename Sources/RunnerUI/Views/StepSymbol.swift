import IncidentEngine

/// The mark of a step's state in lists. The meaning is in the mark, never
/// in colour alone: ✓ done, ▶ current, · pending, ↷ skipped, – bypassed
/// (each one column wide in every terminal).
enum StepSymbol {
    static func of(_ status: StepStatus) -> String {
        switch status {
        case .done: "✓"
        case .current: "▶"
        case .pending: "·"
        case .skipped: "↷"
        case .bypassed: "–"
        }
    }
}
