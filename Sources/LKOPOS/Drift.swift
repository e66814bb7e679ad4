import LKOCalendar
import LKOCompiler

/// One difference between what the export shows and what the policy says.
public struct DriftFinding: Sendable, Codable, Equatable {
    public var kind: String
    public var kindTitle: String
    /// The export row (spreadsheet row number) and its ПОС number.
    public var row: Int
    public var number: String
    public var person: String?
    public var message: String
    /// `file:line` of the policy declaration the finding is about.
    public var policyLine: String

    enum CodingKeys: String, CodingKey {
        case kind
        case kindTitle = "kind_title"
        case row, number, person, message
        case policyLine = "policy_line"
    }
}

public struct DriftReport: Sendable, Codable, Equatable {
    public struct PersonOverdue: Sendable, Codable, Equatable {
        public var person: String
        public var count: Int
        public var numbers: [String]
    }

    public var snapshot: SnapshotInfo
    public var from: String?
    public var to: String?
    public var day: String
    public var rowsChecked: Int
    public var uncertain: Int
    public var findings: [DriftFinding]
    public var overdueByPerson: [PersonOverdue]

    enum CodingKeys: String, CodingKey {
        case snapshot, from, to, day
        case rowsChecked = "rows_checked"
        case uncertain, findings
        case overdueByPerson = "overdue_by_person"
    }
}

/// `lko pos drift`: the rows of a snapshot against the policy.
public struct DriftAnalyzer {
    public let lens: PolicyLens
    public let calendar: ProductionCalendar
    public let names: [String: String]

    public init(policy: CompiledPolicy, calendar: ProductionCalendar, names: [String: String]) {
        self.lens = PolicyLens(policy: policy)
        self.calendar = calendar
        self.names = names
    }

    static let titles = [
        "not_executor": "Исполнитель без права по подкатегории",
        "fasttrack_unexpected": "Фаст-трек без фаст-трека в политике",
        "fasttrack_missing": "Нет фаст-трека, хотя политика его задаёт",
        "deadline": "Срок не совпадает с политикой",
        "autorule": "Исполнитель не тот, что по автоправилу",
        "coordinator_skipped": "Нет решения Координатора",
        "overdue": "Просрочено",
    ]

    public func analyze(_ rows: [SnapshotRow], snapshot: SnapshotInfo, from: CalendarDate?, to: CalendarDate?) -> DriftReport {
        let asOf = CalendarDate(iso: snapshot.asOf) ?? CalendarDate(dayNumber: 0)
        let day = to.map { min($0, asOf) } ?? asOf
        var findings: [DriftFinding] = []
        var uncertain = 0
        var checked = 0
        var overdue: [String: [String]] = [:]
        let policy = lens.policy
        let endRule = policy.deadlineEndRule
        let calculator = DeadlineCalculator(calendar: calendar)
        func add(_ kind: String, _ row: SnapshotRow, person: String? = nil, _ message: String, _ line: String) {
            findings.append(DriftFinding(kind: kind, kindTitle: Self.titles[kind] ?? kind, row: row.record.row, number: row.record.number, person: person, message: message, policyLine: line))
        }
        for row in rows {
            let record = row.record
            if let from, let received = record.received, received < from { continue }
            if let to, let received = record.received, received > to { continue }
            if from != nil || to != nil, record.received == nil { continue }
            guard let node = row.node, let nodeRow = lens.node(node) else { continue }
            checked += 1
            let executorName = record.executor.map { name in row.executorLogin.flatMap { names[$0] } ?? name }
            let handledOn = record.actual ?? asOf
            // 1. Handled by someone without an executor grant on that subcategory that day.
            if let login = row.executorLogin, !policy.isExecutor(login, node: nodeRow.index, on: handledOn) {
                let grants = policy.executorGrants(of: login, covering: nodeRow.index).map { policy.tables.grants[$0] }
                if let grant = grants.first {
                    add("not_executor", row, person: executorName, "\(executorName ?? login) — исполнитель по «\(lens.titlePath(node))» только \(Self.validity(grant)), а \(RussianDate.text(handledOn)) сообщение было у него", PolicyLens.fileLine(grant.position))
                } else {
                    let other = policy.tables.grants.first { $0.login == login && $0.role == policy.tables.organization.executorRole }
                    add("not_executor", row, person: executorName, "\(executorName ?? login) не имеет роли «Исполнитель» по «\(lens.titlePath(node))»" + (other.map { " (права «Исполнитель» у него есть только по \($0.nodes.map(lens.titlePath).joined(separator: ", ")))" } ?? ""),
                        PolicyLens.fileLine(other?.position ?? nodeRow.position))
                }
            }
            // 2. Fast-track flag against the policy's fast-tracks.
            let fast = lens.route(node: node, regime: record.regime, source: record.source, onlyFastTracks: true)
            if let flag = record.fastTrack {
                if flag, fast.match == nil, fast.certain {
                    add("fasttrack_unexpected", row, person: executorName, "в ПОС отмечен «Фаст-трек», но ни один фаст-трек политики не подходит к «\(lens.titlePath(node))»" + (record.source.map { ", источник \($0)" } ?? ""), PolicyLens.fileLine(nodeRow.position))
                } else if !flag, let match = fast.match, fast.certain {
                    add("fasttrack_missing", row, person: executorName, "по политике здесь фаст-трек «\(match.rule.title ?? match.rule.id)», а в ПОС флаг «Фаст-трек» не стоит", PolicyLens.fileLine(match.rule.position))
                }
                if fast.match == nil, !fast.certain { uncertain += 1 }
            }
            // 3. Planned date against the deadline on the production calendar (order item 10).
            if let received = record.received, let planned = record.planned, let regime = record.regime {
                var term: (TermValue, String)?
                if let match = fast.match, fast.certain, let ruleTerm = match.rule.term { term = (ruleTerm, PolicyLens.fileLine(match.rule.position)) }
                if term == nil, let nodeTerm = lens.term(node: node, regime: regime) { term = (nodeTerm.term, nodeTerm.position) }
                if let (value, line) = term, let deadline = try? calculator.deadline(entry: received, term: value.calendarTerm, endRule: endRule) {
                    var matches = planned == deadline.date
                    if !matches, record.isExtended, planned > deadline.date {
                        matches = (try? calculator.deadline(entry: received, term: value.calendarTerm, extraDays: Term.maximumExtensionDays, endRule: endRule)).map { planned <= $0.date } ?? false
                    }
                    if !matches {
                        let unit = value.unit == .working ? "рабочих" : "календарных"
                        add("deadline", row, person: executorName, "плановая дата \(RussianDate.text(planned)), по политике — \(RussianDate.text(deadline.date)) (\(value.days) \(unit) дн. от \(RussianDate.text(received)), день 0)", line)
                    }
                }
            }
            // 4. The executor against the auto-rules, when no coordinator decision is recorded.
            if record.coordinator == nil, let executor = row.executorLogin {
                let routing = lens.route(node: node, regime: record.regime, source: record.source)
                if !routing.certain {
                    uncertain += 1
                } else if let match = routing.match {
                    if let target = match.rule.assignee {
                        let targetOK = policy.isExecutor(target, node: nodeRow.index, on: record.received ?? handledOn)
                        if targetOK, target != executor {
                            let kindText = match.kind == "fasttrack" ? "фаст-трек" : "автоправило"
                            add("autorule", row, person: executorName, "\(kindText) «\(match.rule.title ?? match.rule.id)» назначил бы \(names[target] ?? target), а исполнитель — \(executorName ?? executor); решения Координатора нет", PolicyLens.fileLine(match.rule.position))
                        }
                    } else {
                        add("coordinator_skipped", row, person: executorName, "автоправило «\(match.rule.id)» оставляет решение Координатору, но в выгрузке координатора нет", PolicyLens.fileLine(match.rule.position))
                    }
                } else {
                    add("coordinator_skipped", row, person: executorName, "ни одно правило не подходит к «\(lens.titlePath(node))» — решает Координатор, но в выгрузке координатора нет", PolicyLens.fileLine(nodeRow.position))
                }
            }
            // 5. Overdue on the day.
            if record.isOverdue(on: day) {
                let who = executorName ?? "не назначен (у Координатора)"
                overdue[who, default: []].append(record.number)
                if let regime = record.regime, let term = lens.term(node: node, regime: regime) {
                    add("overdue", row, person: who, "открыто, плановая дата \(RussianDate.text(record.planned!)) прошла (на \(RussianDate.text(day)))", term.position)
                } else {
                    add("overdue", row, person: who, "открыто, плановая дата \(RussianDate.text(record.planned!)) прошла (на \(RussianDate.text(day)))", PolicyLens.fileLine(nodeRow.position))
                }
            }
        }
        let byPerson = overdue.map { DriftReport.PersonOverdue(person: $0.key, count: $0.value.count, numbers: $0.value) }.sorted { ($1.count, $0.person) < ($0.count, $1.person) }
        return DriftReport(snapshot: snapshot, from: from?.description, to: to?.description, day: day.description, rowsChecked: checked, uncertain: uncertain, findings: findings, overdueByPerson: byPerson)
    }

    static func validity(_ grant: GrantRow) -> String {
        switch (grant.from, grant.until) {
        case let (from?, until?): "с \(RussianDate.text(iso: from)) по \(RussianDate.text(iso: until))"
        case let (from?, nil): "с \(RussianDate.text(iso: from))"
        case let (nil, until?): "по \(RussianDate.text(iso: until))"
        case (nil, nil): "без срока"
        }
    }
}

/// `2026-03-06` → `06.03.2026`.
public enum RussianDate {
    public static func text(_ day: CalendarDate) -> String {
        let c = day.components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.day, 2)).\(pad(c.month, 2)).\(pad(c.year, 4))"
    }

    public static func text(iso: String) -> String {
        CalendarDate(iso: iso).map(text) ?? iso
    }
}
