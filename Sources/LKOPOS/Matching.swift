import LKOCompiler
import LKOLanguage

/// Export titles → nodes of the policy's tree: exactly, then after ``TextKey`` normalization.
/// An unknown title is reported with "did you mean", never guessed.
public struct TitleMatcher: Sendable {
    public enum Outcome: Sendable, Equatable {
        case node(String, normalized: Bool)
        case unknown(String)
    }

    struct Level {
        var exact: [String: String] = [:]
        var normalized: [String: [String]] = [:]
        var titles: [String] = []
    }

    let categories: Level
    /// Category path → its subcategories; "" → every subcategory (when the category is missing).
    let subcategories: [String: Level]
    let facts: [String: Level]

    public init(policy: CompiledPolicy) {
        var categories = Level()
        var subcategories: [String: Level] = [:]
        var facts: [String: Level] = [:]
        func add(_ level: inout Level, _ title: String, _ path: String) {
            if level.exact[title] == nil { level.exact[title] = path }
            level.normalized[TextKey.normalized(title), default: []].append(path)
            level.titles.append(title)
        }
        for node in policy.tables.nodes {
            let parts = node.path.split(separator: ".").map(String.init)
            switch parts.count {
            case 1: add(&categories, node.title, node.path)
            case 2:
                add(&subcategories[parts[0], default: Level()], node.title, node.path)
                add(&subcategories["", default: Level()], node.title, node.path)
            case 3:
                add(&facts[parts[0] + "." + parts[1], default: Level()], node.title, node.path)
            default: continue
            }
        }
        self.categories = categories
        self.subcategories = subcategories
        self.facts = facts
    }

    static func find(_ title: String, in level: Level?) -> (path: String?, normalized: Bool, ambiguous: Bool) {
        guard let level else { return (nil, false, false) }
        if let path = level.exact[title] { return (path, false, false) }
        let candidates = level.normalized[TextKey.normalized(title)] ?? []
        if candidates.count == 1 { return (candidates[0], true, false) }
        return (nil, false, candidates.count > 1)
    }

    static func suggestion(_ title: String, in level: Level?) -> String {
        guard let level, let match = Suggestions.closest(to: TextKey.normalized(title), in: level.titles.map(TextKey.normalized)),
              let original = level.titles.first(where: { TextKey.normalized($0) == match }) else { return "" }
        return "; возможно, имелось в виду «\(original)»?"
    }

    /// The node of a row: the deepest level given that matches; an error names the first title
    /// that does not.
    public func match(category: String?, subcategory: String?, fact: String?) -> Outcome {
        var normalized = false
        var categoryPath: String?
        if let category {
            let found = Self.find(category, in: categories)
            guard let path = found.path else {
                return .unknown("категория «\(category)» не найдена в политике" + Self.suggestion(category, in: categories))
            }
            categoryPath = path
            normalized = normalized || found.normalized
        }
        guard let subcategory else {
            if let categoryPath { return .node(categoryPath, normalized: normalized) }
            return .unknown("не указаны ни категория, ни подкатегория")
        }
        let scope = subcategories[categoryPath ?? ""]
        let found = Self.find(subcategory, in: scope)
        guard let subPath = found.path else {
            if found.ambiguous { return .unknown("подкатегория «\(subcategory)» есть в нескольких категориях, а категория не указана") }
            let inCategory = categoryPath.map { " в категории «\(category ?? $0)»" } ?? ""
            return .unknown("подкатегория «\(subcategory)»\(inCategory) не найдена в политике" + Self.suggestion(subcategory, in: scope))
        }
        normalized = normalized || found.normalized
        guard let fact else { return .node(subPath, normalized: normalized) }
        let factFound = Self.find(fact, in: facts[subPath])
        guard let factPath = factFound.path else {
            // Facts are optional in the policy: a subcategory without declared facts takes any.
            if facts[subPath] == nil { return .node(subPath, normalized: normalized) }
            return .unknown("факт «\(fact)» не найден в подкатегории «\(subcategory)»" + Self.suggestion(fact, in: facts[subPath]))
        }
        return .node(factPath, normalized: normalized || factFound.normalized)
    }
}

/// ФИО from an export → accounts, by full name (normalized). Unknown and ambiguous names are
/// reported once each, with the rows they appear in.
public struct PersonMatcher: Sendable {
    public enum Outcome: Sendable, Equatable {
        case login(String)
        case unknown
        case ambiguous([String])
    }

    let byName: [String: [String]]
    public let displayNames: [String: String]

    /// `accounts`: (login, full name).
    public init(accounts: [(login: String, fullName: String)]) {
        var byName: [String: [String]] = [:]
        var display: [String: String] = [:]
        for account in accounts where !account.fullName.isEmpty {
            byName[TextKey.normalized(account.fullName), default: []].append(account.login)
            display[account.login] = account.fullName
        }
        self.byName = byName.mapValues { $0.sorted() }
        self.displayNames = display
    }

    public func match(_ name: String) -> Outcome {
        let logins = byName[TextKey.normalized(name)] ?? []
        switch logins.count {
        case 0: return .unknown
        case 1: return .login(logins[0])
        default: return .ambiguous(logins)
        }
    }
}
