/// "Did you mean" for misspelled names: the closest candidate by edit distance, when it is close
/// enough to be a plausible typo (at most a third of the name's length, and at least one edit).
public enum Suggestions {
    /// Names longer than this (in Unicode scalars) get no suggestion: nobody mistypes a name that
    /// long, and the edit distance is quadratic in the length (two 4 000-letter names took
    /// seconds; a policy file may hold 64 MiB).
    public static let maximumLength = 64

    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        guard target.count <= maximumLength else { return nil }
        let limit = max(1, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// "did you mean `x`?" or a list of what exists when nothing is close.
    public static func help(for name: String, in candidates: [String], kind: String) -> String {
        if let match = closest(to: name, in: candidates) {
            return "did you mean `\(match)`?"
        }
        if candidates.isEmpty { return "no \(kind) is declared" }
        let shown = candidates.sorted().prefix(8).map { "`\($0)`" }.joined(separator: ", ")
        return "declared \(plural(kind)): \(shown)\(candidates.count > 8 ? ", …" : "")"
    }

    /// `category` → `categories`, `role` → `roles`.
    static func plural(_ noun: String) -> String {
        noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun + "s"
    }

    /// Damerau–Levenshtein (optimal string alignment), stopping early past `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
