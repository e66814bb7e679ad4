import LKOCalendar

extension CompiledPolicy {
    /// Whether `login` may do `action` on a case at `node` assigned to `assignee`, on `date`.
    ///
    /// `node` is nil for actions that concern no case (`manage_users` …): only `any` rules apply.
    /// This is the hot path of enforcement: a dictionary lookup for the login, then a scan of that
    /// login's few permissions.
    public func decide(login: String, action: Action, node: Int?, assignee: String?, on date: CalendarDate) -> Bool {
        guard let slot = loginTable.find(login) else { return false }
        return decisionIndex.words.withUnsafeBufferPointer { words in
            DecisionIndex.decide(words, at: Int(slot.block), actionBit: UInt32(action.bit), node: node.map(Int32.init) ?? -1, assigned: assignee == login, day: date.dayNumber)
        }
    }

    /// ``decide(login:action:node:assignee:on:)`` with its inputs already interned, for callers
    /// that decide many requests and look logins up themselves (`lko authorize`): `id` from
    /// ``loginID(_:)``, `actionBit` is `Action.bit`, `node` is -1 for no case, `assigned` is
    /// whether the case's assignee is the login, `day` is `CalendarDate.dayNumber`.
    public func decide(loginID id: Int32, actionBit bit: UInt16, node nodeID: Int32, assigned: Bool, day: Int32) -> Bool {
        decisionIndex.decide(login: id, actionIndex: bit.trailingZeroBitCount, node: nodeID, assigned: assigned, day: day)
    }

    /// The same decision as ``decide(login:action:node:assignee:on:)``, with the reason.
    public func explain(login: String, action: Action, node: Int?, assignee: String?, on date: CalendarDate) -> DecisionExplanation {
        let caseText = node.map { "case in `\(tables.nodes[$0].path)`, " + (assignee.map { "assigned to \($0)" } ?? "unassigned") } ?? "no case"
        var explanation = DecisionExplanation(allowed: false, login: login, action: action, caseText: caseText, date: date)
        guard let id = loginIDs[login] else {
            explanation.denial = .init(reason: .noGrants, grant: nil, message: "no grant names `\(login)`")
            return explanation
        }
        let day = date.dayNumber
        let nodeID = node.map(Int32.init) ?? -1
        var best: (rank: Int, denial: DecisionExplanation.Denial)?
        func consider(_ rank: Int, _ denial: DecisionExplanation.Denial) {
            if best == nil || rank > best!.rank { best = (rank, denial) }
        }
        let grantsOfLogin = tables.grants.filter { $0.login == login }
        for grant in grantsOfLogin {
            let permissions = permissionsByLogin[Int(id)].filter { $0.grant == Int32(grant.index) && $0.actions & action.bit != 0 }
            if permissions.isEmpty {
                let holders = Set(tables.roleActions.filter { $0.action == action.rawValue }.map(\.role)).sorted()
                let others = holders.isEmpty ? "no role allows it" : "roles that allow it: " + holders.joined(separator: ", ")
                consider(0, .init(reason: .roleLacksAction(role: grant.role), grant: grant.index, message: "role `\(grant.role)` (grant at \(grant.position)) does not allow `\(action.rawValue)`; \(others)"))
                continue
            }
            for permission in permissions {
                let coverage = permission.coverage
                if day < coverage.from {
                    consider(1, .init(reason: .notYetValid(from: grant.from ?? ""), grant: grant.index, message: "grant at \(grant.position) is valid only from \(grant.from ?? "")"))
                    continue
                }
                if day > coverage.until {
                    consider(1, .init(reason: .expired(until: grant.until ?? ""), grant: grant.index, message: "grant at \(grant.position) expired after \(grant.until ?? "") (valid until \(grant.until ?? "") inclusive)"))
                    continue
                }
                let rolePosition = tables.roleActions.first { $0.role == grant.role && $0.action == action.rawValue && $0.scope == permission.scope }?.position ?? ""
                let coversNode = nodeID >= 0 && coverage.covers(nodeID)
                let assigned = nodeID >= 0 && assignee == login
                var matched = false
                switch permission.scope {
                case .any: matched = true
                case .granted: matched = coversNode
                case .assigned: matched = assigned
                case .assignedAndGranted: matched = coversNode && assigned
                }
                if matched {
                    explanation.allowed = true
                    explanation.match = .init(grant: grant.index, grantPosition: grant.position, role: grant.role, rulePosition: rolePosition, scope: permission.scope, grantNodes: grant.nodes)
                    return explanation
                }
                if nodeID < 0 {
                    consider(2, .init(reason: .noCase, grant: grant.index, message: "`\(action.rawValue)` is allowed to role `\(grant.role)` only on `\(permission.scope.rawValue)` cases, and no case was given"))
                } else if permission.scope.needsCoverage, !coversNode {
                    let covered = grant.nodes.isEmpty ? "everything" : grant.nodes.joined(separator: ", ")
                    consider(2, .init(reason: .notInGrantedNodes(grantNodes: grant.nodes), grant: grant.index, message: "no grant on `\(tables.nodes[Int(nodeID)].path)`: grant `\(grant.role)` at \(grant.position) covers \(covered)"))
                } else {
                    consider(2, .init(reason: .notAssigned(assignee: assignee), grant: grant.index, message: "case not assigned to you (" + (assignee.map { "assigned to \($0)" } ?? "unassigned") + "); role `\(grant.role)` allows `\(action.rawValue)` only on `\(permission.scope.rawValue)` cases (\(rolePosition))"))
                }
            }
        }
        explanation.denial = best?.denial ?? .init(reason: .noGrants, grant: nil, message: "no grant names `\(login)`")
        return explanation
    }
}

/// Why a decision came out as it did: for `lko explain`, denials in the workflow, and reviews.
public struct DecisionExplanation: Sendable, Equatable {
    public var allowed: Bool
    public var login: String
    public var action: Action
    public var caseText: String
    public var date: CalendarDate
    public var match: Match?
    public var denial: Denial?
    /// Set when the tables deny and an absence with a declared eligibility allows.
    public var derived: DerivedRight?

    public struct Match: Sendable, Equatable {
        public var grant: Int
        public var grantPosition: String
        public var role: String
        public var rulePosition: String
        public var scope: Scope
        public var grantNodes: [String]
    }

    public struct Denial: Sendable, Equatable {
        public var reason: Reason
        /// The closest grant (index into the grant table), if the login holds any.
        public var grant: Int?
        public var message: String
    }

    /// The exact missing piece.
    public enum Reason: Sendable, Equatable {
        case noGrants
        case roleLacksAction(role: String)
        case notYetValid(from: String)
        case expired(until: String)
        case notInGrantedNodes(grantNodes: [String])
        case notAssigned(assignee: String?)
        case noCase

        public var code: String {
            switch self {
            case .noGrants: "no_grant"
            case .roleLacksAction: "role_lacks_action"
            case .notYetValid: "grant_not_yet_valid"
            case .expired: "grant_expired"
            case .notInGrantedNodes: "not_in_granted_categories"
            case .notAssigned: "not_assigned"
            case .noCase: "no_case"
            }
        }
    }

    /// Human lines: the verdict, then the chain that led to it.
    public var lines: [String] {
        let head = "\(allowed ? "ALLOW" : "DENY") \(login) \(action.rawValue) on \(date) (\(caseText))"
        if let derived {
            let nodes = derived.nodes.isEmpty ? "the whole tree" : derived.nodes.joined(separator: ", ")
            return [head,
                    "  via:    absence #\(derived.absence) of \(derived.absentee) (\(derived.from) – \(derived.until ?? "open-ended")), eligibility at \(derived.eligibilityPosition)",
                    "  grant:  \(derived.role) to \(derived.absentee) (\(derived.grantPosition)), passed on to \(login) as \(derived.kind.rawValue) for the absence",
                    "  rule:   allow \(action.rawValue) on \(derived.scope.rawValue)",
                    "  scope:  \(nodes)"]
        }
        if let match {
            let scopeText: String
            switch match.scope {
            case .any: scopeText = "any case"
            case .granted: scopeText = "the case is inside " + (match.grantNodes.isEmpty ? "the whole tree" : match.grantNodes.joined(separator: ", "))
            case .assigned: scopeText = "the case is assigned to \(login)"
            case .assignedAndGranted: scopeText = "the case is assigned to \(login) and inside " + (match.grantNodes.isEmpty ? "the whole tree" : match.grantNodes.joined(separator: ", "))
            }
            return [head,
                    "  grant:  \(match.role) to \(login) (\(match.grantPosition))",
                    "  rule:   allow \(action.rawValue) on \(match.scope.rawValue) (\(match.rulePosition))",
                    "  scope:  \(scopeText)"]
        }
        return [head, "  reason: \(denial?.message ?? "no grant allows it")"]
    }
}
