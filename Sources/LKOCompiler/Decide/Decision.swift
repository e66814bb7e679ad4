import LKOCalendar
import LKOMessages

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
    ///
    /// The reason is kept as a code with its facts (grant, role, scope, dates); its text is made
    /// only when someone reads it (``DecisionExplanation/lines(in:)``), in their language.
    public func explain(login: String, action: Action, node: Int?, assignee: String?, on date: CalendarDate) -> DecisionExplanation {
        var explanation = DecisionExplanation(
            allowed: false, login: login, action: action, node: node.map { tables.nodes[$0].path }, assignee: assignee, date: date, roles: tables.roles
        )
        guard let id = loginIDs[login] else {
            var denial = DecisionExplanation.Denial(reason: .noGrants)
            denial.login = login
            denial.action = action
            explanation.denial = denial
            return explanation
        }
        let day = date.dayNumber
        let nodeID = node.map(Int32.init) ?? -1
        var best: (rank: Int, denial: DecisionExplanation.Denial)?
        func consider(_ rank: Int, _ denial: @autoclosure () -> DecisionExplanation.Denial) {
            if best == nil || rank > best!.rank { best = (rank, denial()) }
        }
        let grantsOfLogin = tables.grants.filter { $0.login == login }
        for grant in grantsOfLogin {
            let permissions = permissionsByLogin[Int(id)].filter { $0.grant == Int32(grant.index) && $0.actions & action.bit != 0 }
            if permissions.isEmpty {
                consider(0, .init(reason: .roleLacksAction(role: grant.role), grant: grant.index, grantPosition: grant.position, role: grant.role))
                continue
            }
            for permission in permissions {
                let coverage = permission.coverage
                if day < coverage.from {
                    consider(1, .init(reason: .notYetValid(from: grant.from ?? ""), grant: grant.index, grantPosition: grant.position, role: grant.role))
                    continue
                }
                if day > coverage.until {
                    consider(1, .init(reason: .expired(until: grant.until ?? ""), grant: grant.index, grantPosition: grant.position, role: grant.role))
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
                    consider(2, .init(reason: .noCase, grant: grant.index, grantPosition: grant.position, role: grant.role, scope: permission.scope, rulePosition: rolePosition))
                } else if permission.scope.needsCoverage, !coversNode {
                    consider(2, .init(reason: .notInGrantedNodes(grantNodes: grant.nodes), grant: grant.index, grantPosition: grant.position, role: grant.role, scope: permission.scope, rulePosition: rolePosition))
                } else {
                    consider(2, .init(reason: .notAssigned(assignee: assignee), grant: grant.index, grantPosition: grant.position, role: grant.role, scope: permission.scope, rulePosition: rolePosition))
                }
            }
        }
        var denial = best?.denial ?? .init(reason: .noGrants)
        denial.login = login
        denial.action = action
        denial.node = explanation.node
        denial.roles = tables.roles
        if case .roleLacksAction = denial.reason {
            // Once, for the reason shown (not for every grant considered).
            denial.rolesAllowing = Set(tables.roleActions.filter { $0.action == action.rawValue }.map(\.role)).sorted()
        }
        explanation.denial = denial
        return explanation
    }
}

/// Why a decision came out as it did: for `lko explain`, denials in the workflow, and reviews.
///
/// It holds facts, not text: ``lines(in:)`` (or ``messages``) renders them in a language when
/// they are shown; ``lines`` is Russian, the language of the API and the console.
public struct DecisionExplanation: Sendable, Equatable {
    public var allowed: Bool
    public var login: String
    public var action: Action
    /// The path of the case's node; nil when the request named no case.
    public var node: String?
    /// The case's assignee; nil: unassigned.
    public var assignee: String?
    public var date: CalendarDate
    public var match: Match?
    public var denial: Denial?
    /// Set when the tables deny and an absence with a declared eligibility allows.
    public var derived: DerivedRight?
    /// The policy's roles (ids and titles, shared storage), to name a role as the order does.
    var roles: [RoleRow] = []

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
        /// That grant's position (`file:line:col`).
        public var grantPosition: String?
        /// That grant's role.
        public var role: String?
        /// The scope of the role's rule for the action, when the rule exists but did not match.
        public var scope: Scope?
        /// That rule's position.
        public var rulePosition: String?
        /// For ``Reason/roleLacksAction(role:)``: the roles that do allow the action.
        public var rolesAllowing: [String] = []
        /// The request it answers and the policy's roles, to name them in the text (set once,
        /// for the denial shown).
        var login = ""
        var action = Action.view
        var node: String?
        var roles: [RoleRow] = []

        /// The reason in Russian (what the API and the console show).
        public var message: String { text(in: .ru) }

        /// The reason in a language.
        public func text(in language: Language) -> String { reasonMessage.render(language) }

        /// The reason as a message of the catalog.
        public var reasonMessage: Message {
            let role: Message.Argument = .text(DecisionExplanation.roleName(roles, self.role ?? ""))
            let position: Message.Argument = .text(grantPosition ?? "")
            let scope: Message.Argument = .text(self.scope?.rawValue ?? "")
            switch reason {
            case .noGrants:
                return Message(.denyNoGrant, ["login": .text(login)])
            case .roleLacksAction:
                let others = rolesAllowing.isEmpty
                    ? Message(.denyNoRoleAllows)
                    : Message(.denyRolesAllowing, ["roles": .text(rolesAllowing.map { DecisionExplanation.roleName(roles, $0) }.joined(separator: ", "))])
                return Message(.denyRoleLacksAction, ["role": role, "position": position, "action": .text(action.rawValue), "others": .message(others)])
            case .notYetValid(let from):
                return Message(.denyNotYetValid, ["position": position, "from": .text(ReviewText.date(iso: from))])
            case .expired(let until):
                return Message(.denyExpired, ["position": position, "until": .text(ReviewText.date(iso: until))])
            case .noCase:
                return Message(.denyNoCase, ["role": role, "action": .text(action.rawValue), "scope": scope])
            case .notInGrantedNodes(let grantNodes):
                let covered: Message.Argument = grantNodes.isEmpty ? .message(Message(.explainWholeTree)) : .text(grantNodes.joined(separator: ", "))
                return Message(.denyNotInGrantedNodes, ["node": .text(node ?? ""), "role": role, "position": position, "covered": covered])
            case .notAssigned(let assignee):
                let assigned = assignee.map { Message(.explainAssignedTo, ["login": .text($0)]) } ?? Message(.explainUnassigned)
                return Message(.denyNotAssigned, ["login": .text(login), "assignee": .message(assigned), "role": role, "action": .text(action.rawValue), "scope": scope, "position": .text(rulePosition ?? "")])
            }
        }

        init(reason: Reason, grant: Int? = nil, grantPosition: String? = nil, role: String? = nil, scope: Scope? = nil, rulePosition: String? = nil) {
            self.reason = reason
            self.grant = grant
            self.grantPosition = grantPosition
            self.role = role
            self.scope = scope
            self.rulePosition = rulePosition
        }
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

    /// The verdict as a word of the policy language, in every language: `ALLOW` or `DENY`
    /// (as `expect allow` / `expect deny` in a policy test).
    public var verdict: String { allowed ? "ALLOW" : "DENY" }

    /// The lines people read, in Russian: what the API and the console show.
    public var lines: [String] { lines(in: .ru) }

    /// The lines people read: the verdict, then the chain that led to it.
    public func lines(in language: Language) -> [String] { messages.map { $0.render(language) } }

    /// The lines as messages of the catalog, for a caller that renders them later.
    public var messages: [Message] {
        var lines = [Message(.explainHead, ["verdict": .text(verdict), "login": .text(login), "action": .text(action.rawValue), "date": .text(ReviewText.date(date)), "case": .message(caseMessage)])]
        if let derived {
            let nodes: Message.Argument = derived.nodes.isEmpty ? .message(Message(.explainWholeTree)) : .text(derived.nodes.joined(separator: ", "))
            let until: Message.Argument = derived.until.map { .text(ReviewText.date(iso: $0)) } ?? .message(Message(.explainOpenEnded))
            let via = Message(.explainVia, ["absence": "\(derived.absence)", "absentee": .text(derived.absentee), "from": .text(ReviewText.date(iso: derived.from)), "until": until, "position": .text(derived.eligibilityPosition)])
            let grant = Message(.explainPassedOn, ["role": .text(roleName(derived.role)), "absentee": .text(derived.absentee), "position": .text(derived.grantPosition), "login": .text(login), "kind": .message(Message(derived.kind == .approver ? .substituteKindApprover : .substituteKindExecutor))])
            lines += [
                Message(.explainLineVia, ["via": .message(via)]),
                Message(.explainLineGrant, ["grant": .message(grant)]),
                Message(.explainLineRule, ["rule": .text("`allow \(action.rawValue) on \(derived.scope.rawValue)`")]),
                Message(.explainLineScope, ["scope": nodes]),
            ]
            return lines
        }
        if let match {
            let nodes: Message.Argument = match.grantNodes.isEmpty ? .message(Message(.explainWholeTree)) : .text(match.grantNodes.joined(separator: ", "))
            let scope: Message
            switch match.scope {
            case .any: scope = Message(.explainScopeAny)
            case .granted: scope = Message(.explainScopeGranted, ["nodes": nodes])
            case .assigned: scope = Message(.explainScopeAssigned, ["login": .text(login)])
            case .assignedAndGranted: scope = Message(.explainScopeAssignedAndGranted, ["login": .text(login), "nodes": nodes])
            }
            let grant = Message(.explainGrant, ["role": .text(roleName(match.role)), "login": .text(login), "position": .text(match.grantPosition)])
            lines += [
                Message(.explainLineGrant, ["grant": .message(grant)]),
                Message(.explainLineRule, ["rule": .text("`allow \(action.rawValue) on \(match.scope.rawValue)` (\(match.rulePosition))")]),
                Message(.explainLineScope, ["scope": .message(scope)]),
            ]
            return lines
        }
        lines.append(Message(.explainLineReason, ["reason": .message(denial?.reasonMessage ?? Message(.denyNothing))]))
        return lines
    }

    /// "case in `roads.potholes`, assigned to roads_specialist", in a language.
    public func caseText(in language: Language) -> String { caseMessage.render(language) }

    /// ``caseText(in:)`` in Russian.
    public var caseText: String { caseText(in: .ru) }

    var caseMessage: Message {
        guard let node else { return Message(.explainNoCase) }
        let assigned = assignee.map { Message(.explainAssignedTo, ["login": .text($0)]) } ?? Message(.explainUnassigned)
        return Message(.explainCaseIn, ["node": .text(node), "assignee": .message(assigned)])
    }

    /// `` `executor` «Исполнитель» ``: a role by its id in the policy and its title in the order.
    func roleName(_ id: String) -> String { DecisionExplanation.roleName(roles, id) }

    static func roleName(_ roles: [RoleRow], _ id: String) -> String {
        guard let title = roles.first(where: { $0.id == id })?.title, !title.isEmpty else { return "`\(id)`" }
        return "`\(id)` «\(title)»"
    }

}

/// Texts for people shared by the explanations and the review report.
enum ReviewText {
    /// `2026-03-06` → `06.03.2026` (what text shows; JSON keeps ISO 8601).
    static func date(_ day: CalendarDate) -> String {
        date(iso: day.description)
    }

    /// `2026-03-06` → `06.03.2026`; anything else is returned as it is.
    static func date(iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, iso.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
