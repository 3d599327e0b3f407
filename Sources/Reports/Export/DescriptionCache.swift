/// Descriptions already made, by a key of the event's kind, step and item:
/// a reference, so that the describer stays a value and its copies share it.
final class DescriptionCache {
    private var known: [Int: String] = [:]
    /// Enough for any playbook; a hostile journal cannot grow it without bound.
    static let limit = 100_000

    func value(for key: Int, _ make: () -> String) -> String {
        if let found = known[key] { return found }
        let made = make()
        if known.count < Self.limit { known[key] = made }
        return made
    }
}
