import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow

/// One right of one person, with where it comes from: a grant of the policy, or an absence the
/// person stands in for under a declared eligibility.
public struct AccessRight: Sendable, Codable, Equatable, Hashable {
    public var login: String
    public var action: String
    public var scope: String
    /// Node paths; `*` for every case.
    public var nodes: [String]
    public var from: String?
    public var until: String?
    public var role: String
    /// `grant` or `absence`.
    public var kind: String
    /// "grant manager at Policies/grants.lko:12:1" or "via absence #7 of …, eligibility at …".
    public var source: String

    /// The right without positions: what a review compares.
    public var key: String {
        "\(action) on \(scope)" + (nodes == ["*"] ? "" : " in " + nodes.joined(separator: ", ")) + (from.map { " from \($0)" } ?? "") + (until.map { " until \($0)" } ?? "")
            + (kind == "grant" ? " (role \(role))" : " (as substitute, role \(role), " + (source.components(separatedBy: ", eligibility").first ?? source) + ")")
    }
}

/// `lko user show LOGIN`: who the person is and what they may do.
public struct PersonAccess: Sendable, Codable, Equatable {
    public struct Grant: Sendable, Codable, Equatable {
        public var role: String
        public var nodes: [String]
        public var from: String?
        public var until: String?
        public var position: String
        /// Valid on the day asked about.
        public var valid: Bool
    }

    public struct AbsenceLine: Sendable, Codable, Equatable {
        public var id: Int64
        /// `away` (the person is absent) or `substitute` (the person stands in).
        public var role: String
        public var login: String
        public var substitute: String
        public var from: String
        public var until: String?
        public var status: String
    }

    public var login: String
    public var fullName: String?
    /// `active`, `disabled`, `removed`, or `no account`.
    public var status: String
    public var locked: Bool
    public var day: String
    public var roles: [String]
    public var grants: [Grant]
    public var rights: [AccessRight]
    public var derived: [AccessRight]
    public var absences: [AbsenceLine]
    public var openCases: [String]
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case status, locked, day, roles, grants, rights, derived, absences
        case openCases = "open_cases"
        case warnings
    }
}

/// `lko access who-can ACTION SUBCATEGORY`: one person who may, and through what.
public struct WhoCanEntry: Sendable, Codable, Equatable {
    public var login: String
    public var fullName: String?
    public var status: String
    /// `any case`, `cases in …`, or `cases assigned to them in …`.
    public var reach: String
    public var source: String

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case status, reach, source
    }
}

/// `lko access review`: the матрица доступа and what changed since the last recorded review.
public struct AccessReview: Sendable, Codable, Equatable {
    public struct Person: Sendable, Codable, Equatable {
        public var login: String
        public var fullName: String?
        public var status: String
        public var rights: [AccessRight]

        enum CodingKeys: String, CodingKey {
            case login
            case fullName = "full_name"
            case status, rights
        }
    }

    public struct Change: Sendable, Codable, Equatable {
        public var login: String
        /// `gained` or `lost`.
        public var change: String
        public var right: String
    }

    public struct Previous: Sendable, Codable, Equatable {
        public var id: Int64
        public var day: String
        public var recordedBy: String
        public var digest: String

        enum CodingKeys: String, CodingKey {
            case id, day
            case recordedBy = "recorded_by"
            case digest
        }
    }

    public var day: String
    public var policyVersion: String
    public var people: [Person]
    public var previous: Previous?
    public var changes: [Change]
    /// Set when the review was recorded (`--record`).
    public var recorded: Previous?

    enum CodingKeys: String, CodingKey {
        case day
        case policyVersion = "policy_version"
        case people, previous, changes, recorded
    }
}

extension LKOService {
    func requireActive() throws -> (Workflow, CompiledPolicy) {
        let workflow = try workflow()
        return (workflow, workflow.policy)
    }

    /// Reading who may do what needs `manage_users` or `view_audit` (or it is oneself).
    func authorizeAccessReading(_ caller: Caller, policy: CompiledPolicy, self login: String? = nil) throws {
        if login == caller.login { return }
        let day = today
        if policy.decide(login: caller.login, action: .manageUsers, node: nil, assignee: nil, on: day) || policy.decide(login: caller.login, action: .viewAudit, node: nil, assignee: nil, on: day) { return }
        throw AppError(.forbidden, code: "forbidden", message: "Просмотр прав доступа доступен Администратору ЛКО и Куратору (manage_users или view_audit).")
    }

    /// Every right of `login` from the policy's grants (positions included).
    static func grantRights(of login: String, in policy: CompiledPolicy) -> [AccessRight] {
        policy.tables.permissions.filter { $0.login == login }.map { row in
            let grant = policy.tables.grants[row.grant]
            return AccessRight(login: login, action: row.action, scope: row.scope.rawValue, nodes: row.scope.needsCoverage ? (row.nodes.isEmpty ? ["*"] : row.nodes) : ["*"],
                               from: row.from, until: row.until, role: row.role, kind: "grant", source: "grant \(row.role) at \(grant.position)")
        }.sorted { ($0.action, $0.scope, $0.source) < ($1.action, $1.scope, $1.source) }
    }

    /// The rights absences give `login` (every absence not cancelled and not over by `day`).
    static func derivedRights(of login: String?, in policy: CompiledPolicy, absences: [AbsenceFact], from day: CalendarDate) -> [AccessRight] {
        policy.derivedRights(of: login, absences: absences).filter { right in right.until.map { $0 >= day.description } ?? true }.map { right in
            AccessRight(login: right.login, action: right.action, scope: right.scope.rawValue, nodes: right.scope.needsCoverage ? (right.nodes.isEmpty ? ["*"] : right.nodes) : ["*"],
                        from: right.from, until: right.until, role: right.role, kind: "absence", source: right.source)
        }
    }

    /// `lko user show LOGIN` / `GET /api/v1/users/{login}/access`.
    public func userAccess(_ caller: Caller, login: String, at: CalendarDate? = nil) throws -> PersonAccess {
        try run {
            let (workflow, policy) = try requireActive()
            try authorizeAccessReading(caller, policy: policy, self: login)
            let day = at ?? today
            let statuses = try store.accountStatuses()
            let absences = try workflow.absenceFacts()
            let (fullName, locked, openCases, absenceRows) = try store.read { db -> (String?, Bool, [String], [Absence]) in
                let row = try Row.fetchOne(db, sql: "SELECT full_name, locked_until FROM accounts WHERE login = ?", arguments: [login])
                let lockedUntil = (row?["locked_until"] as String?).flatMap(StoreClock.parse)
                let cases = try String.fetchAll(db, sql: "SELECT pos_number FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY pos_number", arguments: [login])
                let absences = try Absence.fetchAll(db, sql: "SELECT * FROM absences WHERE (login = ? OR substitute = ?) AND status != 'cancelled' ORDER BY starts_on, id", arguments: [login, login])
                return (row?["full_name"], lockedUntil.map { $0 > store.clock.now() } ?? false, cases, absences)
            }
            guard fullName != nil || policy.hasLogin(login) || absences.contains(where: { $0.substitute == login }) || policy.substituteRows.contains(where: { $0.substitute == login || $0.absentee == login }) else {
                throw AppError(.notFound, code: "user_not_found", message: "Нет ни учётной записи, ни прав в политике для `\(login)`.")
            }
            let grants = policy.tables.grants.filter { $0.login == login }.map { grant in
                PersonAccess.Grant(role: grant.role, nodes: grant.nodes, from: grant.from, until: grant.until, position: grant.position,
                                   valid: (grant.from.map { $0 <= day.description } ?? true) && (grant.until.map { $0 >= day.description } ?? true))
            }
            let status = statuses[login] ?? "no account"
            var warnings: [String] = []
            if status != "active", !grants.isEmpty { warnings.append("the policy grants roles to `\(login)`, whose account is \(status)") }
            let absenceLines = absenceRows.filter { $0.status(on: day) != .ended }.map { absence in
                PersonAccess.AbsenceLine(id: absence.id, role: absence.login == login ? "away" : "substitute", login: absence.login, substitute: absence.substitute,
                                         from: absence.startsOn, until: absence.endsOn, status: absence.status(on: day).rawValue)
            }
            return PersonAccess(login: login, fullName: fullName, status: status, locked: locked, day: day.description,
                                roles: Array(Set(grants.filter(\.valid).map(\.role))).sorted(), grants: grants,
                                rights: Self.grantRights(of: login, in: policy),
                                derived: Self.derivedRights(of: login, in: policy, absences: absences, from: day),
                                absences: absenceLines, openCases: openCases, warnings: warnings)
        }
    }

    /// `lko access who-can ACTION SUBCATEGORY [--at DATE]`: everyone who may, and through what.
    public func whoCan(_ caller: Caller, action actionName: String, node path: String, at: CalendarDate? = nil) throws -> [WhoCanEntry] {
        try run {
            let (workflow, policy) = try requireActive()
            try authorizeAccessReading(caller, policy: policy)
            guard let action = Action(name: actionName) else { throw AppError.invalid("Неизвестное действие `\(actionName)`.", field: "action") }
            guard let node = policy.nodeIndex(path) else { throw AppError.invalid("Неизвестный узел классификатора `\(path)`.", field: "subcategory") }
            let day = at ?? today
            let statuses = try store.accountStatuses()
            let names = try store.read { db in Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT login, full_name FROM accounts").map { ($0["login"] as String, $0["full_name"] as String) }) }
            let absences = try workflow.absenceFacts()
            var entries: [WhoCanEntry] = []
            func reach(_ scope: Scope, _ nodes: [String]) -> String {
                let inside = nodes.isEmpty || nodes == ["*"] ? "the whole tree" : nodes.joined(separator: ", ")
                switch scope {
                case .any: return "any case"
                case .granted: return "cases in \(inside)"
                case .assigned: return "cases assigned to them"
                case .assignedAndGranted: return "cases assigned to them in \(inside)"
                }
            }
            func covers(_ nodes: [String]) -> Bool { nodes.isEmpty || nodes.contains { policy.nodeIndex($0).map { policy.contains($0, node) } ?? false } }
            for row in policy.tables.permissions where row.action == action.rawValue {
                guard (row.from.map { $0 <= day.description } ?? true), (row.until.map { $0 >= day.description } ?? true) else { continue }
                guard !row.scope.needsCoverage || covers(row.nodes) else { continue }
                let grant = policy.tables.grants[row.grant]
                entries.append(WhoCanEntry(login: row.login, fullName: names[row.login], status: statuses[row.login] ?? "no account", reach: reach(row.scope, row.nodes), source: "grant \(row.role) at \(grant.position)"))
            }
            for right in policy.derivedRights(absences: absences, on: day) where right.action == action.rawValue {
                guard !right.scope.needsCoverage || covers(right.nodes) else { continue }
                entries.append(WhoCanEntry(login: right.login, fullName: names[right.login], status: statuses[right.login] ?? "no account", reach: reach(right.scope, right.nodes), source: right.source))
            }
            return entries.sorted { ($0.login, $0.source) < ($1.login, $1.source) }
        }
    }

    /// `lko access review [--record]`: per person every right with its source, and what changed
    /// since the last recorded review.
    public func accessReview(_ caller: Caller, at: CalendarDate? = nil, record: Bool = false) throws -> AccessReview {
        try run {
            let (workflow, policy) = try requireActive()
            try authorizeAccessReading(caller, policy: policy)
            let day = at ?? today
            let statuses = try store.accountStatuses()
            let names = try store.read { db in Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT login, full_name FROM accounts").map { ($0["login"] as String, $0["full_name"] as String) }) }
            let absences = try workflow.absenceFacts()
            let derived = Self.derivedRights(of: nil, in: policy, absences: absences, from: day)
            let logins = Set(policy.tables.logins).union(statuses.keys).union(derived.map(\.login)).sorted()
            let people = logins.map { login in
                AccessReview.Person(login: login, fullName: names[login], status: statuses[login] ?? "no account",
                                    rights: Self.grantRights(of: login, in: policy) + derived.filter { $0.login == login })
            }
            var review = AccessReview(day: day.description, policyVersion: policy.version, people: people, previous: nil, changes: [])
            if let last = try store.lastAccessReview() {
                review.previous = .init(id: last.id, day: last.onDay, recordedBy: last.recordedBy, digest: last.digest)
                if let data = last.matrix.data(using: .utf8), let before = try? JSONDecoder().decode([AccessReview.Person].self, from: data) {
                    review.changes = Self.changes(from: before, to: people)
                }
            }
            if record {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let json = String(decoding: try encoder.encode(people), as: UTF8.self)
                let saved = try store.recordAccessReview(matrixJSON: json, onDay: day.description, policyVersion: policy.version, by: caller.account)
                review.recorded = .init(id: saved.id, day: saved.onDay, recordedBy: saved.recordedBy, digest: saved.digest)
            }
            return review
        }
    }

    static func changes(from before: [AccessReview.Person], to after: [AccessReview.Person]) -> [AccessReview.Change] {
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.login, Set($0.rights.map(\.key))) })
        let new = Dictionary(uniqueKeysWithValues: after.map { ($0.login, Set($0.rights.map(\.key))) })
        var result: [AccessReview.Change] = []
        for login in Set(old.keys).union(new.keys).sorted() {
            let a = old[login] ?? [], b = new[login] ?? []
            result += b.subtracting(a).sorted().map { .init(login: login, change: "gained", right: $0) }
            result += a.subtracting(b).sorted().map { .init(login: login, change: "lost", right: $0) }
        }
        return result
    }

    /// `lko user disable LOGIN --handover-to LOGIN`: every open case of `login` is reassigned to
    /// `target` through the gate (each audited), then the account is disabled. When a handover is
    /// refused nothing more is done, and the error lists who could take the cases.
    public func disableWithHandover(_ caller: Caller, login: String, to target: String) throws -> [String] {
        try run {
            let (workflow, policy) = try requireActive()
            let open = try store.read { db in
                try Row.fetchAll(db, sql: "SELECT pos_number, node FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY pos_number", arguments: [login])
                    .map { ($0["pos_number"] as String, $0["node"] as String) }
            }
            var moved: [String] = []
            for (posNumber, path) in open {
                do {
                    try workflow.perform(.reassign, on: posNumber, by: caller.account, input: .init(target: target, text: "передача дел: учётная запись \(login) отключается"))
                    moved.append(posNumber)
                } catch {
                    let day = today
                    let statuses = try store.accountStatuses()
                    let candidates = policy.nodeIndex(path).map { node in
                        policy.tables.logins.filter { $0 != login && statuses[$0] == "active" && policy.isExecutor($0, node: node, on: day) }
                    } ?? []
                    let reassigners = policy.tables.logins.filter { statuses[$0] == "active" && policy.decide(login: $0, action: .reassign, node: policy.nodeIndex(path), assignee: login, on: day) }
                    throw AppError(.conflict, code: "handover_refused", message: "Передача дела \(posNumber) (\(path)) отклонена: \(error). Дело могут принять: \(candidates.isEmpty ? "никто" : candidates.joined(separator: ", ")); передать могут: \(reassigners.isEmpty ? "никто" : reassigners.joined(separator: ", ")). Уже переданы: \(moved.isEmpty ? "нет" : moved.joined(separator: ", ")); учётная запись не отключена.",
                                   details: candidates)
                }
            }
            try store.setStatus(login, to: .disabled, by: caller.account)
            return moved
        }
    }
}
