import LKOMessages

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

    /// What a misspelled name was meant to be: the words of "declared roles: …" and "no role is
    /// declared" in both languages.
    public enum Kind: String, Sendable, CaseIterable {
        case role, action, scope, regime, channel, deadlineRule = "deadline rule", category, subcategory, fact
        case substituteKind = "kind", warningCode = "warning code", login, autorule, fasttrack

        var keys: (list: MessageKey, none: MessageKey) {
            switch self {
            case .role: (.diagSuggestRoles, .diagSuggestNoRole)
            case .action: (.diagSuggestActions, .diagSuggestNoAction)
            case .scope: (.diagSuggestScopes, .diagSuggestNoScope)
            case .regime: (.diagSuggestRegimes, .diagSuggestNoRegime)
            case .channel: (.diagSuggestChannels, .diagSuggestNoChannel)
            case .deadlineRule: (.diagSuggestDeadlineRules, .diagSuggestNoDeadlineRule)
            case .category: (.diagSuggestCategories, .diagSuggestNoCategory)
            case .subcategory: (.diagSuggestSubcategories, .diagSuggestNoSubcategory)
            case .fact: (.diagSuggestFacts, .diagSuggestNoFact)
            case .substituteKind: (.diagSuggestKinds, .diagSuggestNoKind)
            case .warningCode: (.diagSuggestWarningCodes, .diagSuggestNoWarningCode)
            case .login: (.diagSuggestLogins, .diagSuggestNoLogin)
            case .autorule: (.diagSuggestAutorules, .diagSuggestNoAutorule)
            case .fasttrack: (.diagSuggestFasttracks, .diagSuggestNoFasttrack)
            }
        }
    }

    /// "did you mean `x`?" or a list of what exists when nothing is close, as a catalog message.
    /// (Its English is ``help(for:in:kind:)`` with `kind.rawValue`.)
    public static func message(for name: String, in candidates: [String], kind: Kind) -> Message {
        if let match = closest(to: name, in: candidates) {
            return Message(.didYouMean, ["suggestion": .text(match)])
        }
        if candidates.isEmpty { return Message(kind.keys.none) }
        return Message(kind.keys.list, ["list": .text(list(candidates))])
    }

    /// "did you mean `x`?" for the closest candidate, if one is close enough.
    public static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> Message? {
        closest(to: name, in: candidates).map { Message(.didYouMean, ["suggestion": .text($0)]) }
    }

    /// The first eight candidates in order, in backticks: "`a`, `b`, …".
    static func list(_ candidates: [String]) -> String {
        candidates.sorted().prefix(8).map { "`\($0)`" }.joined(separator: ", ") + (candidates.count > 8 ? ", …" : "")
    }

    /// "did you mean `x`?" or a list of what exists when nothing is close, in English.
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
