import TerminalCore

/// The key hints line, drawn from the active screen's key table: the
/// hinted bindings in table order, the least important dropped first when
/// the line is too narrow.
enum HintsView {
    static func draw<Action>(
        _ table: [KeyBinding<Action>], language: UILanguage, theme: Theme, into grid: inout Grid, y: Int, width: Int,
        rank: (KeyBinding<Action>) -> Int? = { $0.hintRank }
    ) {
        let items = hints(table, language: language, width: width - 4, rank: rank)
        var x = 2
        for (index, item) in items.enumerated() {
            if index > 0 { x += grid.write("  ", x: x, y: y, maxWidth: width - 2 - x) }
            x += grid.write(item.key, x: x, y: y, style: theme.key, maxWidth: width - 2 - x)
            x += grid.write(" " + item.label, x: x, y: y, maxWidth: width - 2 - x)
        }
    }

    /// The hints that fit in `width` columns.
    static func hints<Action>(
        _ table: [KeyBinding<Action>], language: UILanguage, width: Int, rank: (KeyBinding<Action>) -> Int?
    ) -> [(key: String, label: String)] {
        // A nil rank: the binding does nothing here (no checklist to tick), so it is not hinted.
        var items: [(key: String, label: String, rank: Int)] = table.compactMap { binding in
            guard let hint = binding.hint, let rank = rank(binding) else { return nil }
            return (binding.hintKeyName(language), hint(language), rank)
        }
        func length(_ items: [(key: String, label: String, rank: Int)]) -> Int {
            items.reduce(0) { $0 + TerminalCore.DisplayWidth.of($1.key + " " + $1.label) } + max(0, items.count - 1) * 2
        }
        while !items.isEmpty, length(items) > width {
            // The last of the least important goes first.
            let worst = items.map(\.rank).max() ?? 0
            if let index = items.lastIndex(where: { $0.rank == worst }) { items.remove(at: index) }
        }
        return items.map { ($0.key, $0.label) }
    }
}
