import TerminalCore

/// The styles screens draw with. Colour only decorates: every style that
/// carries meaning also has a monochrome form (bold, reverse, underline),
/// and the meaning is always in the text too (✓ ▶ OVERSKREDET), so that
/// `NO_COLOR` and monochrome terminals lose nothing.
struct Theme: Sendable {
    let colors: Bool

    var plain: Style { .plain }
    var border: Style { colors ? Style(foreground: .cyan) : .plain }
    var title: Style { Style(bold: true) }
    var phase: Style { colors ? Style(foreground: .blue, bold: true) : Style(bold: true, underline: true) }
    var selected: Style { Style(reverse: true) }
    /// The selection while the checklist has the focus.
    var selectedResting: Style { Style(bold: true, underline: true) }
    var current: Style { Style(bold: true) }
    var done: Style { colors ? Style(foreground: .green) : .plain }
    var faded: Style { Style(dim: true) }
    var heading: Style { Style(bold: true) }
    var key: Style { Style(bold: true) }
    var warning: Style {
        colors ? Style(foreground: .black, background: .yellow, bold: true) : Style(bold: true, underline: true)
    }
    var overdue: Style {
        colors ? Style(foreground: .white, background: .red, bold: true) : Style(bold: true, reverse: true)
    }
    var exercise: Style {
        colors ? Style(foreground: .black, background: .magenta, bold: true) : Style(bold: true, reverse: true)
    }
    /// An inject that is due: it must stand out (the text also says "● forfalt").
    var due: Style {
        colors ? Style(foreground: .black, background: .yellow, bold: true) : Style(bold: true, reverse: true)
    }
    /// An expectation the participants missed (the text also says "✗ ikke oppfylt").
    var missedExpectation: Style { colors ? Style(foreground: .red, bold: true) : Style(bold: true) }
    var error: Style { colors ? Style(foreground: .red, bold: true) : Style(bold: true, reverse: true) }
    var info: Style { Style(bold: true) }
}
