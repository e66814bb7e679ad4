import LKOCompiler

/// The ЛКО configuration sheet: what the administrator sets in the ЛКО's forms by hand, in its
/// own terms, section by section — users and roles, executors and their categories, auto-rules in
/// priority order, fast-tracks with their terms — each item with the policy line it comes from.
public struct ConfigurationSheet: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        /// Stable identity across versions (a login, a rule id).
        public var key: String
        public var title: String
        public var lines: [String]
        public var policyLine: String
    }

    public struct Section: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var items: [Item]
    }

    public struct Edge: Sendable, Codable, Equatable, Hashable {
        public var subcategory: String
        public var rule: String
        public var target: String
    }

    public var organization: String
    public var version: String
    public var sections: [Section]
    /// The routing map: subcategory → rule → executor.
    public var edges: [Edge]

    public init(policy: CompiledPolicy, names: [String: String]) {
        let tables = policy.tables
        let lens = PolicyLens(policy: policy)
        func person(_ login: String) -> String { names[login].map { "\($0) (\(login))" } ?? login }
        func roleTitle(_ id: String) -> String { tables.roles.first { $0.id == id }?.title ?? id }
        func scope(_ nodes: [String]) -> String { nodes.isEmpty ? "все категории" : nodes.map { "«\(lens.titlePath($0))»" }.joined(separator: ", ") }
        func validity(_ from: String?, _ until: String?) -> String {
            switch (from, until) {
            case let (from?, until?): " с \(RussianDate.text(iso: from)) по \(RussianDate.text(iso: until))"
            case let (from?, nil): " с \(RussianDate.text(iso: from))"
            case let (nil, until?): " по \(RussianDate.text(iso: until))"
            case (nil, nil): ""
            }
        }
        organization = tables.organization.title
        version = tables.version
        var users: [Item] = []
        for login in tables.logins.sorted(by: { TextKey.normalized(names[$0] ?? $0) < TextKey.normalized(names[$1] ?? $1) }) {
            let grants = tables.grants.filter { $0.login == login }
            guard !grants.isEmpty else { continue }
            let roles = grants.map { "роль «\(roleTitle($0.role))» — \(scope($0.nodes))\(validity($0.from, $0.until))" }
            users.append(Item(key: login, title: person(login), lines: roles, policyLine: PolicyLens.fileLine(grants[0].position)))
        }
        var executors: [Item] = []
        for login in tables.logins.sorted(by: { TextKey.normalized(names[$0] ?? $0) < TextKey.normalized(names[$1] ?? $1) }) {
            let grants = tables.grants.filter { $0.login == login && $0.role == tables.organization.executorRole }
            guard !grants.isEmpty else { continue }
            var lines: [String] = []
            for grant in grants {
                let categories = grant.nodes.filter { !$0.contains(".") }
                let subcategories = grant.nodes.filter { $0.contains(".") }
                var parts: [String] = []
                if grant.nodes.isEmpty { parts.append("категории: все") }
                if !categories.isEmpty {
                    parts.append("категории: " + categories.map { "«\(lens.titlePath($0))»" }.joined(separator: ", ") + " (со всеми подкатегориями)")
                }
                if !subcategories.isEmpty { parts.append("подкатегории: " + subcategories.map { "«\(lens.titlePath($0))»" }.joined(separator: ", ")) }
                lines.append(parts.joined(separator: "; ") + validity(grant.from, grant.until))
            }
            executors.append(Item(key: login, title: person(login), lines: lines, policyLine: PolicyLens.fileLine(grants[0].position)))
        }
        func conditions(_ rule: RuleRow) -> [String] {
            var lines: [String] = []
            let categories = rule.nodes.filter { !$0.contains(".") }, subs = rule.nodes.filter { $0.contains(".") }
            if !categories.isEmpty { lines.append("Категория: " + categories.map { "«\(lens.titlePath($0))»" }.joined(separator: " или ")) }
            if !subs.isEmpty { lines.append("Подкатегория: " + subs.map { "«\(lens.titlePath($0))»" }.joined(separator: " или ")) }
            if rule.nodes.isEmpty { lines.append("Категория: любая") }
            if !rule.regimes.isEmpty { lines.append("Вид: " + rule.regimes.map { $0 == "appeal" ? "обращение по 59-ФЗ" : "сообщение" }.joined(separator: " или ")) }
            if !rule.sources.isEmpty { lines.append("Источник: " + rule.sources.joined(separator: " или ")) }
            if !rule.channels.isEmpty {
                let titles = ["widget": "виджет на сайте", "epgu_account": "личный кабинет ЕПГУ", "mobile_app": "мобильное приложение"]
                lines.append("Канал подачи: " + rule.channels.map { titles[$0] ?? $0 }.joined(separator: " или "))
            }
            if !rule.localities.isEmpty { lines.append("Населённый пункт: " + rule.localities.map { "«\($0)»" }.joined(separator: " или ")) }
            return lines
        }
        func term(_ value: TermValue) -> String { "\(value.days) \(value.unit == .working ? "рабочих" : "календарных") дн." }
        let ordered = { (rows: [RuleRow]) in rows.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) } }
        let autoRules = ordered(tables.autoRules).map { rule in
            Item(key: rule.id, title: "Приоритет \(rule.priority): «\(rule.title ?? rule.id)»",
                 lines: conditions(rule) + ["Назначить: " + (rule.assignee.map(person) ?? "оставить Координатору")], policyLine: PolicyLens.fileLine(rule.position))
        }
        let fastTracks = ordered(tables.fastTracks).map { rule in
            Item(key: rule.id, title: "Приоритет \(rule.priority): «\(rule.title ?? rule.id)»",
                 lines: conditions(rule) + ["Срок: " + (rule.term.map(term) ?? "по подкатегории"), "Исполнитель: " + (rule.assignee.map(person) ?? "Координатор")],
                 policyLine: PolicyLens.fileLine(rule.position))
        }
        sections = [
            Section(id: "users", title: "Пользователи и роли", items: users),
            Section(id: "executors", title: "Исполнители: категории и подкатегории", items: executors),
            Section(id: "autorules", title: "Автоправила (в порядке приоритета)", items: autoRules),
            Section(id: "fasttracks", title: "Фаст-треки", items: fastTracks),
        ]
        var edges: [Edge] = []
        var seen = Set<Edge>()
        for node in tables.nodes where node.path.split(separator: ".").count == 2 {
            let candidates = lens.candidates[node.path] ?? []
            var unconditional = false
            for (kind, rule) in candidates {
                let label = (kind == "fasttrack" ? "Фаст-трек: " : "Автоправило: ") + (rule.title ?? rule.id)
                let edge = Edge(subcategory: node.title + " (" + (lens.node(String(node.path.split(separator: ".")[0]))?.title ?? "") + ")", rule: label, target: rule.assignee.map { names[$0] ?? $0 } ?? "Координатор")
                if seen.insert(edge).inserted { edges.append(edge) }
                if rule.regimes.isEmpty, rule.sources.isEmpty, rule.channels.isEmpty, rule.localities.isEmpty { unconditional = true; break }
            }
            if !unconditional {
                let edge = Edge(subcategory: node.title + " (" + (lens.node(String(node.path.split(separator: ".")[0]))?.title ?? "") + ")", rule: "Нет правила", target: "Координатор")
                if seen.insert(edge).inserted { edges.append(edge) }
            }
        }
        self.edges = edges
    }
}

/// What to change in the ЛКО between two sheets: per section, items to add, change, remove.
public struct SheetChanges: Sendable, Codable, Equatable {
    public struct Change: Sendable, Codable, Equatable {
        /// `add`, `change`, `remove`.
        public var kind: String
        public var section: String
        public var item: ConfigurationSheet.Item
        /// For a change: the lines as they were.
        public var before: [String]
    }

    public var fromVersion: String
    public var toVersion: String
    public var changes: [Change]

    public init(from old: ConfigurationSheet, to new: ConfigurationSheet) {
        fromVersion = old.version
        toVersion = new.version
        var changes: [Change] = []
        for section in new.sections {
            let before = Dictionary(old.sections.first { $0.id == section.id }?.items.map { ($0.key, $0) } ?? [], uniquingKeysWith: { a, _ in a })
            let after = Dictionary(section.items.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for item in section.items {
                if let was = before[item.key] {
                    if was.lines != item.lines || was.title != item.title { changes.append(Change(kind: "change", section: section.title, item: item, before: was.lines)) }
                } else {
                    changes.append(Change(kind: "add", section: section.title, item: item, before: []))
                }
            }
            for item in old.sections.first(where: { $0.id == section.id })?.items ?? [] where after[item.key] == nil {
                changes.append(Change(kind: "remove", section: section.title, item: item, before: item.lines))
            }
        }
        self.changes = changes
    }
}
