import TerminalCore

/// The key hints line, drawn from the active screen's key table (or
/// tables: an exercise's runner hints the facilitator's keys first): the
/// hinted bindings in table order, the least important dropped first when
/// the line is too narrow.
enum HintsView {
    /// One hinted key: its name, its word, and how soon it gives way.
    struct Hint {
        var key: String
        var label: String
        var rank: Int
    }

    static func draw<Action>(
        _ table: [KeyBinding<Action>], language: UILanguage, theme: Theme, into grid: inout Grid, y: Int, width: Int,
        rank: (KeyBinding<Action>) -> Int? = { $0.hintRank }
    ) {
        draw(items(table, language: language, rank: rank), theme: theme, into: &grid, y: y, width: width)
    }

    /// Draws the hints of `items` that fit in the line.
    static func draw(_ items: [Hint], theme: Theme, into grid: inout Grid, y: Int, width: Int) {
        var x = 2
        for (index, item) in fitting(items, width: width - 4).enumerated() {
            if index > 0 { x += grid.write("  ", x: x, y: y, maxWidth: width - 2 - x) }
            x += grid.write(item.key, x: x, y: y, style: theme.key, maxWidth: width - 2 - x)
            x += grid.write(" " + item.label, x: x, y: y, maxWidth: width - 2 - x)
        }
    }

    /// The hinted bindings of a table, ranked. A nil rank: the binding does
    /// nothing here (no checklist to tick), so it is not hinted.
    static func items<Action>(
        _ table: [KeyBinding<Action>], language: UILanguage, rank: (KeyBinding<Action>) -> Int?
    ) -> [Hint] {
        table.compactMap { binding in
            guard let hint = binding.hint, let rank = rank(binding) else { return nil }
            return Hint(key: binding.hintKeyName(language), label: hint(language), rank: rank)
        }
    }

    /// The hints that fit in `width` columns.
    static func hints<Action>(
        _ table: [KeyBinding<Action>], language: UILanguage, width: Int, rank: (KeyBinding<Action>) -> Int?
    ) -> [(key: String, label: String)] {
        fitting(items(table, language: language, rank: rank), width: width).map { ($0.key, $0.label) }
    }

    /// `items` without the least important until they fit in `width` columns.
    static func fitting(_ items: [Hint], width: Int) -> [Hint] {
        var items = items
        func length(_ items: [Hint]) -> Int {
            items.reduce(0) { $0 + TerminalCore.DisplayWidth.of($1.key + " " + $1.label) } + max(0, items.count - 1) * 2
        }
        while !items.isEmpty, length(items) > width {
            // The last of the least important goes first.
            let worst = items.map(\.rank).max() ?? 0
            if let index = items.lastIndex(where: { $0.rank == worst }) { items.remove(at: index) }
        }
        return items
    }
}
