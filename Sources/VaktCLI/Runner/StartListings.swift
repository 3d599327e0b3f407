import IncidentEngine
import IncidentStore
import PlaybookFormat
import RunnerUI

/// What the start screen lists: the open incidents, newest first (at 03:00
/// the responder is more often coming back than starting), and every
/// playbook in the search folders with its title.
enum StartListings {
    /// Open incidents, most recently opened first; unreadable ones are passed over
    /// (`vakt list` names them).
    static func incidents(_ catalog: IncidentCatalog) -> [IncidentListing] {
        var listings: [IncidentListing] = []
        try? IncidentSession.forEach(in: catalog) { _, opened in
            guard case .success(let session) = opened else { return }
            let summary = IncidentSummary(session: session)
            guard !summary.closed, let openedAt = summary.opened else { return }
            listings.append(IncidentListing(
                id: summary.id, title: summary.title, playbookTitle: session.playbook.title.value, openedAt: openedAt,
                currentStep: summary.currentStep?.title.value, isExercise: summary.exercise))
        }
        return listings.sorted { lhs, rhs in
            let left = lhs.openedAt.millisecondsSinceEpoch
            let right = rhs.openedAt.millisecondsSinceEpoch
            return left != right ? left > right : lhs.id > rhs.id
        }
    }

    /// Every playbook that parses far enough to have an id, by id; the first
    /// folder wins when two hold the same id (as `PlaybookLocator` resolves it).
    static func playbooks(_ locator: PlaybookLocator) -> [PlaybookListing] {
        var seen: Set<String> = []
        var listings: [PlaybookListing] = []
        for folder in locator.folders {
            for path in SourceLoader.files(in: folder) where DocumentKind(path: path) == .playbook {
                guard case .success(let source) = SourceLoader.load(path),
                      let playbook = DocumentParser.parse(source, as: .playbook).playbook,
                      seen.insert(playbook.id.value).inserted
                else { continue }
                listings.append(PlaybookListing(id: playbook.id.value, title: playbook.title.value))
            }
        }
        return listings.sorted { $0.id < $1.id }
    }
}
