import TerminalCore

/// The keys of the full-screen views: the timeline, the deadlines, help.
extension RunnerApp {
    mutating func handleView(_ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.view.binding(for: key) else { return [] }
        let visible = max(1, layout.viewBodyHeight)
        switch binding.action {
        case .up: scrollView(by: -1)
        case .down: scrollView(by: 1)
        case .pageUp: scrollView(by: -max(1, visible - 1))
        case .pageDown: scrollView(by: max(1, visible - 1))
        case .home: setViewOffset(0)
        case .end: setViewOffset(Int.max)
        case .timeline:
            screen = .timeline
            timelineOffset = nil
        case .deadlines:
            screen = .deadlines
            deadlinesOffset = 0
        case .help:
            if screen == .help {
                screen = helpReturn
            } else {
                helpReturn = screen
                screen = .help
                helpOffset = 0
            }
        case .close:
            screen = screen == .help ? helpReturn : .runner
        case .quit:
            return [.quit]
        }
        return []
    }

    /// The lines of the view on screen, wrapped to `width` (by default the
    /// width at the last resize; `render` passes the grid's).
    func viewLines(width: Int? = nil) -> [DetailLine] {
        let width = width ?? layout.innerWidth
        switch screen {
        case .timeline: return TimelineView.lines(self, width: width)
        case .deadlines: return DeadlinesView.lines(self, width: width)
        case .help: return HelpView.lines(self, width: width)
        case .runner: return []
        }
    }

    /// The largest first line of the view on screen.
    private var maximumViewOffset: Int {
        max(0, viewLines().count - layout.viewBodyHeight)
    }

    private mutating func scrollView(by delta: Int) {
        let current: Int
        switch screen {
        case .timeline: current = timelineOffset ?? maximumViewOffset
        case .deadlines: current = deadlinesOffset
        case .help: current = helpOffset
        case .runner: return
        }
        setViewOffset(current + delta)
    }

    private mutating func setViewOffset(_ wanted: Int) {
        let maximum = maximumViewOffset
        let offset = min(max(0, wanted), maximum)
        switch screen {
        case .timeline: timelineOffset = offset >= maximum ? nil : offset
        case .deadlines: deadlinesOffset = offset
        case .help: helpOffset = offset
        case .runner: break
        }
    }
}
