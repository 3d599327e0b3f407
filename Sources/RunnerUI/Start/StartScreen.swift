import IncidentEngine
import TerminalCore

/// `vakt` without arguments: open incidents to resume first (at 03:00 the
/// responder is more often coming back than starting), then the playbooks,
/// narrowed by a filter as you type. Enter asks the loop to resume or open.
public struct StartScreen: Sendable {
    /// One selectable line: an index into `incidents` or `playbooks`.
    enum Entry: Hashable, Sendable {
        case incident(Int)
        case playbook(Int)
    }

    public let language: UILanguage
    public let colors: Bool
    public private(set) var incidents: [IncidentListing]
    public private(set) var playbooks: [PlaybookListing]
    public private(set) var now: Timestamp
    public private(set) var size: TerminalSize
    var filter = LineEditor()
    /// The selected entry among those the filter lets through.
    var cursor = 0
    var message: StatusMessage?

    public init(
        incidents: [IncidentListing], playbooks: [PlaybookListing], language: UILanguage, colors: Bool, now: Timestamp,
        size: TerminalSize = TerminalSize(width: 80, height: 24)
    ) {
        self.incidents = incidents
        self.playbooks = playbooks
        self.language = language
        self.colors = colors
        self.now = now
        self.size = size
    }

    var strings: UIStrings { UIStrings(language) }
    var theme: Theme { Theme(colors: colors) }

    /// The entries the filter lets through: incidents first, then playbooks.
    func entries() -> [Entry] {
        let wanted = filter.text.trimmingSpaces.lowercased()
        func matches(_ texts: String...) -> Bool {
            wanted.isEmpty || texts.contains { $0.lowercased().contains(wanted) }
        }
        let open = incidents.indices.filter {
            matches(incidents[$0].id, incidents[$0].title, incidents[$0].playbookTitle)
        }.map(Entry.incident)
        let start = playbooks.indices.filter { matches(playbooks[$0].id, playbooks[$0].title) }.map(Entry.playbook)
        return open + start
    }

    public mutating func update(_ event: UIEvent) -> [UIEffect] {
        switch event {
        case .key(let key):
            message = nil
            return handle(key)
        case .tick(let time):
            now = time
        case .resize(let newSize):
            size = newSize
        case .recorded:
            break
        case .failed(let text):
            message = .error(text)
        case .notice(let text):
            message = .info(SafeText.sanitized(text))
        }
        return []
    }

    private mutating func handle(_ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.start.binding(for: key) else { return [] }
        let count = entries().count
        let page = max(1, RunnerLayout(size).viewBodyHeight - 1)
        switch binding.action {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - page)
        case .pageDown: cursor = min(max(0, count - 1), cursor + page)
        case .backspace:
            filter.moveEnd()
            filter.backspace()
            cursor = 0
        case .insert:
            guard case .character(let character) = key else { return [] }
            filter.moveEnd()
            filter.insert(String(character))
            cursor = 0
        case .choose:
            let shown = entries()
            guard shown.indices.contains(cursor) else { return [.bell] }
            switch shown[cursor] {
            case .incident(let index): return [.resume(incidentID: incidents[index].id)]
            case .playbook(let index): return [.open(playbookID: playbooks[index].id)]
            }
        case .clearOrQuit:
            if filter.isEmpty { return [.quit] }
            filter = LineEditor()
            cursor = 0
        case .quit:
            return [.quit]
        }
        return []
    }

    /// Draws the start screen at the grid's size.
    public func render(into grid: inout Grid) {
        grid.clear()
        grid.cursor = nil
        let layout = RunnerLayout(grid.size)
        guard layout.fits else {
            TooSmallView.draw(into: &grid, strings: strings, theme: theme, banner: nil)
            return
        }
        StartScreenView.draw(self, into: &grid, layout: layout)
    }
}
