/// "Did you mean …?" for misspelt keys, ids and references.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Uses the optimal-string-alignment distance (Levenshtein plus adjacent
    /// transpositions), allowing about one edit per three characters.
    public static func nearest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let source = Array(word.lowercased().unicodeScalars)
        guard !source.isEmpty, source.count <= 64 else { return nil }
        var best: (candidate: String, distance: Int)?
        let all = Array(candidates)
        for candidate in all where candidate != word {
            let target = Array(candidate.unicodeScalars)
            guard abs(target.count - source.count) <= 3, target.count <= 64 else { continue }
            let distance = editDistance(source, target)
            let allowed = max(1, min(source.count, target.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A word cut short ('detect' for 'detection') is a typo too: the shortest completion.
        guard source.count >= 3 else { return nil }
        return all.filter { $0 != word && $0.hasPrefix(word.lowercased()) }.min { $0.count < $1.count }
    }

    /// `help: did you mean 'x'?`, or nil.
    static func help<S: Sequence>(for word: String, in candidates: S) -> String? where S.Element == String {
        nearest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
