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
        guard let all = try? IncidentSession.openAll(catalog: catalog) else { return [] }
        var listings: [IncidentListing] = []
        for case (_, .success(let session)) in all {
            let summary = IncidentSummary(session: session)
            guard !summary.closed, let opened = summary.opened else { continue }
            listings.append(IncidentListing(
                id: summary.id, title: summary.title, playbookTitle: session.playbook.title.value, openedAt: opened,
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
