import LKOCalendar

/// An absence as the compiler sees it: who is away, who stands in, and on which days. The store
/// keeps absences; the compiler only derives what they give under the policy's eligibility.
public struct AbsenceFact: Sendable, Hashable {
    public var id: Int64
    /// The absentee.
    public var login: String
    public var substitute: String
    public var from: CalendarDate
    /// nil: open-ended (sick leave until further notice).
    public var until: CalendarDate?

    public init(id: Int64, login: String, substitute: String, from: CalendarDate, until: CalendarDate?) {
        self.id = id
        self.login = login
        self.substitute = substitute
        self.from = from
        self.until = until
    }

    public func covers(_ day: CalendarDate) -> Bool { day >= from && (until.map { day <= $0 } ?? true) }
}

/// One right a substitute holds only because of an absence and a declared eligibility: the
/// absentee's role rule, on the absentee's grant's nodes (narrowed by the eligibility's `on`),
/// for the days of the absence within the grant's validity.
public struct DerivedRight: Sendable, Hashable, Codable {
    /// The substitute who holds the right.
    public var login: String
    public var absentee: String
    public var absence: Int64
    public var kind: SubstituteRow.Kind
    public var role: String
    public var action: String
    public var scope: Scope
    /// Node paths; empty means the whole tree.
    public var nodes: [String]
    public var from: String
    /// nil: until the open-ended absence ends.
    public var until: String?
    /// The absentee's grant passed on (`file:line:col`).
    public var grantPosition: String
    /// The `substitute … for …` declaration that allows it (`file:line:col`).
    public var eligibilityPosition: String

    /// "via absence #7 of roads_specialist, eligibility at Policies/grants.lko:30:1"
    public var source: String { "via absence #\(absence) of \(absentee), eligibility at \(eligibilityPosition)" }
}

extension CompiledPolicy {
    /// The substitute eligibility rows (`substitute … for …`).
    public var substituteRows: [SubstituteRow] { tables.substitutes ?? [] }

    /// Whether a grant of `role` is passed on by an eligibility of `kind`: the executor role for
    /// `executor`, any role that allows `approve` for `approver`.
    public func rolePassedOn(_ role: String, kind: SubstituteRow.Kind) -> Bool {
        switch kind {
        case .executor: role == tables.organization.executorRole
        case .approver: tables.roleActions.contains { $0.role == role && $0.action == Action.approve.rawValue }
        }
    }

    /// The part of the tree two node lists share (empty = the whole tree), as the deeper paths.
    public static func intersect(_ a: [String], _ b: [String]) -> [String]? {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var result: Set<String> = []
        for x in a {
            for y in b {
                if x == y || y.hasPrefix(x + ".") { result.insert(y) } else if x.hasPrefix(y + ".") { result.insert(x) }
            }
        }
        return result.isEmpty ? nil : result.sorted()
    }

    /// Every right the given absences give under the policy's eligibility — of `login` only when
    /// given, on `day` only when given. Administrative actions are never passed on.
    public func derivedRights(of login: String? = nil, absences: [AbsenceFact], on day: CalendarDate? = nil) -> [DerivedRight] {
        let rows = substituteRows
        guard !rows.isEmpty else { return [] }
        var result: [DerivedRight] = []
        for absence in absences {
            if let login, absence.substitute != login { continue }
            if let day, !absence.covers(day) { continue }
            for eligibility in rows where eligibility.substitute == absence.substitute && (eligibility.absentee == nil || eligibility.absentee == absence.login) {
                for grant in tables.grants where grant.login == absence.login && rolePassedOn(grant.role, kind: eligibility.kind) {
                    guard let nodes = CompiledPolicy.intersect(grant.nodes, eligibility.nodes) else { continue }
                    let from = max(absence.from.description, grant.from ?? "")
                    let until: String? = [absence.until?.description, grant.until].compactMap { $0 }.min()
                    if let until, until < from { continue }
                    if let day, day.description < from || (until.map { day.description > $0 } ?? false) { continue }
                    for rule in tables.roleActions where rule.role == grant.role {
                        guard let action = Action(name: rule.action), !action.isAdministrative else { continue }
                        result.append(DerivedRight(login: absence.substitute, absentee: absence.login, absence: absence.id, kind: eligibility.kind, role: grant.role, action: rule.action, scope: rule.scope, nodes: nodes, from: from, until: until, grantPosition: grant.position, eligibilityPosition: eligibility.position))
                    }
                }
            }
        }
        return result
    }

    /// Whether a derived right reaches a case at `node` assigned to `assignee`.
    public func derivedRight(_ right: DerivedRight, reaches node: Int?, assignee: String?) -> Bool {
        let covers: Bool = node.map { node in right.nodes.isEmpty || right.nodes.contains { path in nodeIndex(path).map { contains($0, node) } ?? false } } ?? false
        let assigned = node != nil && assignee == right.login
        switch right.scope {
        case .any: return true
        case .granted: return covers
        case .assigned: return assigned
        case .assignedAndGranted: return covers && assigned
        }
    }

    /// The first derived right that allows the decision, or nil. The compiled tables are asked
    /// first by callers (``decide(login:action:node:assignee:on:)`` stays pure and fast); this
    /// is consulted only after they say no.
    public func derivedMatch(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, absences: [AbsenceFact]) -> DerivedRight? {
        derivedRights(of: login, absences: absences, on: day).first { $0.action == action.rawValue && derivedRight($0, reaches: node, assignee: assignee) }
    }

    /// ``decide(login:action:node:assignee:on:)``, then the rights the absences give.
    public func decide(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, absences: [AbsenceFact]) -> Bool {
        decide(login: login, action: action, node: node, assignee: assignee, on: day)
            || derivedMatch(login: login, action: action, node: node, assignee: assignee, on: day, absences: absences) != nil
    }

    /// ``explain(login:action:node:assignee:on:)``, with the absence and eligibility when a
    /// derived right allows what the tables deny.
    public func explain(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, absences: [AbsenceFact]) -> DecisionExplanation {
        var explanation = explain(login: login, action: action, node: node, assignee: assignee, on: day)
        guard !explanation.allowed, let right = derivedMatch(login: login, action: action, node: node, assignee: assignee, on: day, absences: absences) else { return explanation }
        explanation.allowed = true
        explanation.derived = right
        explanation.denial = nil
        return explanation
    }

    /// Whether `login` may hold cases at `node` on `day` as an executor: by a grant, or by a
    /// derived executor right (an eligible substitute during an absence).
    public func isExecutor(_ login: String, node: Int, on day: CalendarDate, absences: [AbsenceFact]) -> Bool {
        if isExecutor(login, node: node, on: day) { return true }
        return derivedRights(of: login, absences: absences, on: day).contains { right in
            right.kind == .executor && right.scope.needsCoverage && (right.nodes.isEmpty || right.nodes.contains { nodeIndex($0).map { contains($0, node) } ?? false })
        }
    }

    /// The eligibility rows that let `substitute` stand in for `absentee`.
    public func eligibility(of substitute: String, for absentee: String) -> [SubstituteRow] {
        substituteRows.filter { $0.substitute == substitute && ($0.absentee == nil || $0.absentee == absentee) }
    }

    /// The lines to add to the policy so that `substitute` may stand in for `absentee` on
    /// `nodes` (ready to paste into Policies/): one person-for-person eligibility.
    public func eligibilitySuggestion(substitute: String, absentee: String, nodes: [String]) -> String {
        let absenteeNodes = Set(tables.grants.filter { $0.login == absentee && $0.role == tables.organization.executorRole }.flatMap { $0.nodes.isEmpty ? [""] : $0.nodes })
        let coversAll = nodes.allSatisfy { node in absenteeNodes.contains("") || absenteeNodes.contains { node == $0 || node.hasPrefix($0 + ".") } }
        return coversAll
            ? "substitute \(substitute) for \(absentee)"
            : "grant \(tables.organization.executorRole) to \(substitute) on \(nodes.sorted().joined(separator: ", "))"
    }
}
