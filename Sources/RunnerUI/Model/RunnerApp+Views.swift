import TerminalCore

/// The keys of the full-screen views: the timeline, the deadlines, help,
/// and an exercise's injects and the inject shown to the room.
extension RunnerApp {
    mutating func handleView(_ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.view.binding(for: key) else { return [] }
        switch binding.action {
        case .up: scrollView(by: -1)
        case .down: scrollView(by: 1)
        case .pageUp: scrollView(by: -pageStep)
        case .pageDown: scrollView(by: pageStep)
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
        case .inject(let index): return InjectView.lines(self, inject: index, width: width)
        case .runner, .injects: return []
        }
    }

    /// The largest first line of the view on screen.
    var maximumViewOffset: Int {
        max(0, viewLines().count - layout.viewBodyHeight)
    }

    /// The injects screen: ↑ ↓ pick an inject, Enter delivers it, u postpones it.
    mutating func handleInjects(_ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.injects.binding(for: key), let exercise else { return [] }
        let last = max(0, exercise.injects.count - 1)
        let page = max(1, layout.viewBodyHeight / 3)
        switch binding.action {
        case .up: injectsCursor = max(0, injectsCursor - 1)
        case .down: injectsCursor = min(last, injectsCursor + 1)
        case .pageUp: injectsCursor = max(0, injectsCursor - page)
        case .pageDown: injectsCursor = min(last, injectsCursor + page)
        case .home: injectsCursor = 0
        case .end: injectsCursor = last
        case .deliver: return deliver(inject: injectsCursor)
        case .postpone: askPostponement(inject: injectsCursor)
        case .help:
            helpReturn = .injects
            screen = .help
            helpOffset = 0
        case .close: screen = .runner
        case .quit: return [.quit]
        }
        return []
    }

    /// An inject shown to the room: scroll a long one; Enter or Esc goes back.
    mutating func handleInjectView(_ key: Key) -> [UIEffect] {
        guard let binding = KeyTables.injectView.binding(for: key) else { return [] }
        switch binding.action {
        case .up: scrollView(by: -1)
        case .down: scrollView(by: 1)
        case .pageUp: scrollView(by: -pageStep)
        case .pageDown: scrollView(by: pageStep)
        case .close: screen = injectReturn
        case .quit: return [.quit]
        }
        return []
    }

    /// Page Up/Down move by a screenful less one line, so one line stays in view.
    private var pageStep: Int { max(1, layout.viewBodyHeight - 1) }

    private mutating func scrollView(by delta: Int) {
        let current: Int
        switch screen {
        case .timeline: current = timelineOffset ?? maximumViewOffset
        case .deadlines: current = deadlinesOffset
        case .help: current = helpOffset
        case .inject: current = injectOffset
        case .runner, .injects: return
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
        case .inject: injectOffset = offset
        case .runner, .injects: break
        }
    }
}
