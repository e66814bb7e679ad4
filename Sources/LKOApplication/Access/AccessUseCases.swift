import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

/// One right of one person, with where it comes from: a grant of the policy, or an absence the
/// person stands in for under a declared eligibility.
///
/// Language-neutral in JSON: identifiers (`action`, `scope`, `role`, `kind`), ISO days and
/// `file:line:col` positions. `source` is a fixed English description of the origin (the key a
/// review compares rights by, and what scripts read); people are shown the right rendered from
/// the structured fields in their language (``AccessText``).
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
    /// The role's title in the policy («Руководитель»).
    public var roleTitle: String?
    /// Where it is written: the grant (`kind` grant) or the substitute eligibility (`kind` absence).
    public var position: String?
    /// For `kind` absence: the absence and the person away.
    public var absence: Int64?
    public var absentee: String?
    public var absenteeName: String?

    public init(login: String, action: String, scope: String, nodes: [String], from: String?, until: String?, role: String, kind: String, source: String,
                roleTitle: String? = nil, position: String? = nil, absence: Int64? = nil, absentee: String? = nil, absenteeName: String? = nil) {
        self.login = login
        self.action = action
        self.scope = scope
        self.nodes = nodes
        self.from = from
        self.until = until
        self.role = role
        self.kind = kind
        self.source = source
        self.roleTitle = roleTitle
        self.position = position
        self.absence = absence
        self.absentee = absentee
        self.absenteeName = absenteeName
    }

    enum CodingKeys: String, CodingKey {
        case login, action, scope, nodes, from, until, role, kind, source
        case roleTitle = "role_title"
        case position, absence, absentee
        case absenteeName = "absentee_name"
    }

    /// The right without positions: what a review compares.
    public var key: String {
        "\(action) on \(scope)" + (nodes == ["*"] ? "" : " in " + nodes.joined(separator: ", ")) + (from.map { " from \($0)" } ?? "") + (until.map { " until \($0)" } ?? "")
            + (kind == "grant" ? " (role \(role))" : " (as substitute, role \(role), " + (source.components(separatedBy: ", eligibility").first ?? source) + ")")
    }
}

/// A warning about a person's access: a stable, language-neutral code and the message for
/// people. In JSON `{"code": …, "message": …}`, the message in Russian (what the API and the
/// console show), like a delegation plan's issues. Codes: `grants_to_inactive_account`,
/// `grants_to_missing_account`.
public struct AccessWarning: Sendable, Equatable, Codable {
    public var code: String
    public var message: Message

    public init(_ code: String, _ message: Message) {
        self.code = code
        self.message = message
    }

    public init(from decoder: any Decoder) throws {
        (code, message) = try CodedMessageJSON.decode(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try CodedMessageJSON.encode(code: code, message: message, to: encoder)
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
        /// The role's title in the policy («Исполнитель»).
        public var roleTitle: String?

        enum CodingKeys: String, CodingKey {
            case role, nodes, from, until, position, valid
            case roleTitle = "role_title"
        }
    }

    public struct AbsenceLine: Sendable, Codable, Equatable {
        public var id: Int64
        /// `away` (the person is absent) or `substitute` (the person stands in).
        public var role: String
        public var login: String
        public var substitute: String
        public var from: String
        public var until: String?
        /// `planned`, `in_progress`, `ended` or `cancelled`.
        public var status: String
        /// The full names of the person away and of the substitute, where known.
        public var name: String?
        public var substituteName: String?

        enum CodingKeys: String, CodingKey {
            case id, role, login, substitute, from, until, status, name
            case substituteName = "substitute_name"
        }
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
    public var warnings: [AccessWarning]

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
    /// `any case`, `cases in …`, or `cases assigned to them in …`: a fixed English description
    /// (people are shown it from `scope` and `nodes`, in their language).
    public var reach: String
    /// As ``AccessRight/source``.
    public var source: String
    /// The right itself: its scope and nodes, the role, and where it comes from.
    public var scope: String?
    public var nodes: [String]?
    public var role: String?
    public var roleTitle: String?
    public var kind: String?
    public var position: String?
    public var absence: Int64?
    public var absentee: String?
    public var absenteeName: String?

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case status, reach, source, scope, nodes, role
        case roleTitle = "role_title"
        case kind, position, absence, absentee
        case absenteeName = "absentee_name"
    }

    /// The entry as a right (for rendering).
    public var right: AccessRight {
        AccessRight(login: login, action: "", scope: scope ?? "", nodes: nodes ?? ["*"], from: nil, until: nil, role: role ?? "", kind: kind ?? "grant", source: source,
                    roleTitle: roleTitle, position: position, absence: absence, absentee: absentee, absenteeName: absenteeName)
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
        /// The right's key (``AccessRight/key``): a fixed English description.
        public var right: String
        /// The right itself, for people (absent for a lost right a recorded review did not keep).
        public var detail: AccessRight?
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
        throw AppError(.forbidden, code: "forbidden", Message(.errAccessViewForbidden))
    }

    /// Every right of `login` from the policy's grants (positions included).
    static func grantRights(of login: String, in policy: CompiledPolicy) -> [AccessRight] {
        policy.tables.permissions.filter { $0.login == login }.map { row in
            let grant = policy.tables.grants[row.grant]
            return AccessRight(login: login, action: row.action, scope: row.scope.rawValue, nodes: row.scope.needsCoverage ? (row.nodes.isEmpty ? ["*"] : row.nodes) : ["*"],
                               from: row.from, until: row.until, role: row.role, kind: "grant", source: "grant \(row.role) at \(grant.position)",
                               roleTitle: roleTitle(row.role, in: policy), position: grant.position)
        }.sorted { ($0.action, $0.scope, $0.source) < ($1.action, $1.scope, $1.source) }
    }

    /// The rights absences give `login` (every absence not cancelled and not over by `day`).
    static func derivedRights(of login: String?, in policy: CompiledPolicy, absences: [AbsenceFact], from day: CalendarDate, names: [String: String] = [:]) -> [AccessRight] {
        policy.derivedRights(of: login, absences: absences).filter { right in right.until.map { $0 >= day.description } ?? true }.map { right in
            AccessRight(login: right.login, action: right.action, scope: right.scope.rawValue, nodes: right.scope.needsCoverage ? (right.nodes.isEmpty ? ["*"] : right.nodes) : ["*"],
                        from: right.from, until: right.until, role: right.role, kind: "absence", source: right.source,
                        roleTitle: roleTitle(right.role, in: policy), position: right.eligibilityPosition, absence: right.absence, absentee: right.absentee,
                        absenteeName: names[right.absentee])
        }
    }

    /// The title the policy gives a role («Руководитель»), or nil.
    static func roleTitle(_ role: String, in policy: CompiledPolicy) -> String? {
        policy.tables.roles.first { $0.id == role }.map(\.title).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Full names by login.
    func accountNames() throws -> [String: String] {
        try store.read { db in Dictionary(try SQLRow.fetchAll(db, sql: "SELECT login, full_name FROM accounts").map { ($0["login"] as String, $0["full_name"] as String) }, uniquingKeysWith: { first, _ in first }) }
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
                let row = try SQLRow.fetchOne(db, sql: "SELECT full_name, locked_until FROM accounts WHERE login = ?", arguments: [login])
                let lockedUntil = (row?["locked_until"] as String?).flatMap(StoreClock.parse)
                let cases = try String.fetchAll(db, sql: "SELECT pos_number FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY pos_number", arguments: [login])
                let absences = try Absence.fetchAll(db, sql: "SELECT * FROM absences WHERE (login = ? OR substitute = ?) AND status != 'cancelled' ORDER BY starts_on, id", arguments: [login, login])
                return (row?["full_name"], lockedUntil.map { $0 > store.clock.now() } ?? false, cases, absences)
            }
            guard fullName != nil || policy.hasLogin(login) || absences.contains(where: { $0.substitute == login }) || policy.substituteRows.contains(where: { $0.substitute == login || $0.absentee == login }) else {
                throw AppError(.notFound, code: "user_not_found", Message(.errNoAccountNorRights, ["login": .text(login)]))
            }
            let names = try accountNames()
            let grants = policy.tables.grants.filter { $0.login == login }.map { grant in
                PersonAccess.Grant(role: grant.role, nodes: grant.nodes, from: grant.from, until: grant.until, position: grant.position,
                                   valid: (grant.from.map { $0 <= day.description } ?? true) && (grant.until.map { $0 >= day.description } ?? true),
                                   roleTitle: Self.roleTitle(grant.role, in: policy))
            }
            let status = statuses[login] ?? "no account"
            var warnings: [AccessWarning] = []
            if status != "active", !grants.isEmpty {
                warnings.append(status == "no account"
                    ? AccessWarning("grants_to_missing_account", Message(.accessWarnNoAccount, ["login": .text(login)]))
                    : AccessWarning("grants_to_inactive_account", Message(.accessWarnInactive, ["login": .text(login), "status": .message(AccessText.status(status))])))
            }
            let absenceLines = absenceRows.filter { $0.status(on: day) != .ended }.map { absence in
                PersonAccess.AbsenceLine(id: absence.id, role: absence.login == login ? "away" : "substitute", login: absence.login, substitute: absence.substitute,
                                         from: absence.startsOn, until: absence.endsOn, status: absence.status(on: day).rawValue,
                                         name: names[absence.login], substituteName: names[absence.substitute])
            }
            return PersonAccess(login: login, fullName: fullName, status: status, locked: locked, day: day.description,
                                roles: Array(Set(grants.filter(\.valid).map(\.role))).sorted(), grants: grants,
                                rights: Self.grantRights(of: login, in: policy),
                                derived: Self.derivedRights(of: login, in: policy, absences: absences, from: day, names: names),
                                absences: absenceLines, openCases: openCases, warnings: warnings)
        }
    }

    /// `lko access who-can ACTION SUBCATEGORY [--at DATE]`: everyone who may, and through what.
    public func whoCan(_ caller: Caller, action actionName: String, node path: String, at: CalendarDate? = nil) throws -> [WhoCanEntry] {
        try run {
            let (workflow, policy) = try requireActive()
            try authorizeAccessReading(caller, policy: policy)
            guard let action = Action(name: actionName) else { throw AppError.invalid(.errUnknownAction, ["action": .text(String(actionName.prefix(40)))], field: "action") }
            guard let node = policy.nodeIndex(path) else { throw AppError.invalid(.errUnknownNode, ["node": .text(String(path.prefix(60)))], field: "subcategory") }
            let day = at ?? today
            let statuses = try store.accountStatuses()
            let names = try accountNames()
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
                entries.append(WhoCanEntry(login: row.login, fullName: names[row.login], status: statuses[row.login] ?? "no account", reach: reach(row.scope, row.nodes),
                                           source: "grant \(row.role) at \(grant.position)", scope: row.scope.rawValue, nodes: row.scope.needsCoverage && !row.nodes.isEmpty ? row.nodes : ["*"],
                                           role: row.role, roleTitle: Self.roleTitle(row.role, in: policy), kind: "grant", position: grant.position))
            }
            for right in policy.derivedRights(absences: absences, on: day) where right.action == action.rawValue {
                guard !right.scope.needsCoverage || covers(right.nodes) else { continue }
                entries.append(WhoCanEntry(login: right.login, fullName: names[right.login], status: statuses[right.login] ?? "no account", reach: reach(right.scope, right.nodes),
                                           source: right.source, scope: right.scope.rawValue, nodes: right.scope.needsCoverage && !right.nodes.isEmpty ? right.nodes : ["*"], role: right.role,
                                           roleTitle: Self.roleTitle(right.role, in: policy), kind: "absence", position: right.eligibilityPosition,
                                           absence: right.absence, absentee: right.absentee, absenteeName: names[right.absentee]))
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
            let names = try accountNames()
            let absences = try workflow.absenceFacts()
            let derived = Self.derivedRights(of: nil, in: policy, absences: absences, from: day, names: names)
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
        // The rights themselves by key: a gained one from now, a lost one from the recorded review.
        var detail: [String: AccessRight] = [:]
        for person in before { for right in person.rights { detail[person.login + "\u{0}" + right.key] = right } }
        for person in after { for right in person.rights { detail[person.login + "\u{0}" + right.key] = right } }
        var result: [AccessReview.Change] = []
        for login in Set(old.keys).union(new.keys).sorted() {
            let a = old[login] ?? [], b = new[login] ?? []
            result += b.subtracting(a).sorted().map { .init(login: login, change: "gained", right: $0, detail: detail[login + "\u{0}" + $0]) }
            result += a.subtracting(b).sorted().map { .init(login: login, change: "lost", right: $0, detail: detail[login + "\u{0}" + $0]) }
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
                try SQLRow.fetchAll(db, sql: "SELECT pos_number, node FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY pos_number", arguments: [login])
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
                    func list(_ logins: [String], empty: MessageKey) -> Message.Argument {
                        logins.isEmpty ? .message(Message(empty)) : .text(logins.joined(separator: ", "))
                    }
                    let reason = (AppError.from(error) as? AppError).map { $0.text ?? Message(.verbatim, ["text": .text($0.message)]) }
                        ?? Message(.verbatim, ["text": .text("\(error).")])
                    throw AppError(.conflict, code: "handover_refused", Message(.errHandoverRefused, [
                        "number": .text(posNumber), "node": .text(path), "reason": .message(reason),
                        "candidates": list(candidates, empty: .errNobody), "reassigners": list(reassigners, empty: .errNobody), "moved": list(moved, empty: .errNone),
                    ]), details: candidates)
                }
            }
            try store.setStatus(login, to: .disabled, by: caller.account)
            return moved
        }
    }
}
