/// The stages of incident response that a phase may stand for.
///
/// NIST SP 800-61 and SANS PICERL name them a little differently; these are
/// the words the format uses. The four core stages are the ones every
/// playbook is expected to cover.
public enum Stage: String, CaseIterable, Hashable, Sendable {
    case preparation
    case detection
    case containment
    case eradication
    case recovery
    case normal
    case lessons

    /// The stages a playbook should have (a warning names the missing ones).
    public static let core: [Stage] = [.detection, .containment, .recovery, .normal]
}
