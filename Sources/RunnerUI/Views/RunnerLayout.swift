import TerminalCore

/// Where each part of the runner goes at a given size.
///
/// Rows: 0 the top border (title, ID, elapsed), 1 the deadline and the
/// clock, 2 a divider, then the body, a divider, the last events, the key
/// hints and the bottom border. From 64 columns the body shows the step
/// list beside the step; narrower, the step alone (↑ ↓ still move). An
/// exercise gives the bottom of the body to the facilitator's panel: one
/// line on a small screen, more under a divider of its own from 20 rows.
struct RunnerLayout: Sendable {
    /// Below this the runner says the window is too small: 40 columns keep
    /// a step title and its checklist readable, 12 rows leave 5 for the step.
    static let minimumSize = TerminalSize(width: 40, height: 12)
    static let twoPanelWidth = 64

    let width: Int
    let height: Int
    /// True for an exercise: the runner has the facilitator's panel.
    let facilitator: Bool

    init(_ size: TerminalSize, facilitator: Bool = false) {
        width = size.width
        height = size.height
        self.facilitator = facilitator
    }

    var fits: Bool { width >= Self.minimumSize.width && height >= Self.minimumSize.height }
    var twoPanels: Bool { width >= Self.twoPanelWidth }
    /// 120x40 shows three lines of recent events instead of one.
    var eventRows: Int { height >= 32 ? 3 : 1 }

    var bodyTop: Int { 3 }
    /// The divider under the body.
    var bodyEnd: Int { height - 3 - eventRows }
    /// The facilitator's panel: its rows (0 without an exercise), whether a
    /// divider with its title sits above them, and its first row.
    var panelRows: Int { facilitator ? (height >= 32 ? 7 : height >= 20 ? 4 : 1) : 0 }
    var panelDivider: Bool { facilitator && (height >= 20 || twoPanels) }
    var panelTop: Int { bodyEnd - panelRows }
    /// Where the step list and the step end (the panel's divider, or the body's).
    var stepsEnd: Int { panelTop - (panelDivider ? 1 : 0) }
    /// The rows of the step list and the step.
    var bodyHeight: Int { max(0, stepsEnd - bodyTop) }
    var eventsTop: Int { bodyEnd + 1 }
    var hintsRow: Int { height - 2 }

    /// The step list's inner width (two panels only).
    var listWidth: Int { twoPanels ? min(44, max(24, width * 3 / 8)) : 0 }
    /// The column of the line between the list and the step.
    var splitColumn: Int { listWidth + 1 }
    var detailLeft: Int { twoPanels ? splitColumn + 2 : 2 }
    var detailWidth: Int { max(1, width - detailLeft - 2) }

    /// The divider under a full-screen view's body (timeline, deadlines,
    /// help): those have no events line.
    var viewBodyEnd: Int { height - 3 }
    var viewBodyHeight: Int { max(0, viewBodyEnd - bodyTop) }
    var innerWidth: Int { max(0, width - 4) }
}
