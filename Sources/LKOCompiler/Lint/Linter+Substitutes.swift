import LKOLanguage
import LKOMessages

extension Linter {
    /// The nodes a case can sit on: every node but a category with subcategories (the importer
    /// refuses a case there).
    static func caseNodes(_ policy: CompiledPolicy) -> [Int] {
        policy.tables.nodes.filter { !($0.level == "category" && $0.subtreeEnd > $0.index + 1) }.map(\.index)
    }

    /// Whether `nodes` (empty: the whole tree) cover `node`.
    static func covers(_ policy: CompiledPolicy, _ nodes: [String], _ node: Int) -> Bool {
        nodes.isEmpty || nodes.contains { path in policy.nodeIndex(path).map { policy.contains($0, node) } ?? false }
    }

    /// W0508: an eligibility that can never give anything — the absentee (or, for a pool, anyone
    /// in its part of the tree) holds no grant of the kind passed on.
    func substitutesNamingNobody() -> [Diagnostic] {
        let tables = policy.tables
        var found: [Diagnostic] = []
        guard !policy.substituteRows.isEmpty else { return [] }
        var grantsByLogin: [String: [GrantRow]] = [:]
        for grant in tables.grants { grantsByLogin[grant.login, default: []].append(grant) }
        let known = Set(grantsByLogin.keys)
        for (index, row) in policy.substituteRows.enumerated() {
            let span = index < spans.substitutes.count ? spans.substitutes[index] : .none
            let kindText: Message.Argument = row.kind == .executor
                ? .catalog(.lintKindExecutorGrant, ["role": .text(tables.organization.executorRole)])
                : .catalog(.lintKindApproverGrant)
            let on: Message.Argument = row.nodes.isEmpty ? .text("") : .catalog(.lintOnNodes, ["nodes": .text(row.nodes.joined(separator: ", "))])
            if let absentee = row.absentee {
                let grants = (grantsByLogin[absentee] ?? []).filter { policy.rolePassedOn($0.role, kind: row.kind) }
                let reachable = grants.contains { CompiledPolicy.intersect($0.nodes, row.nodes) != nil }
                guard !reachable else { continue }
                let help = known.contains(absentee)
                    ? Message(.lintSubstituteNobodyHelp, ["absentee": .text(absentee), "kind": kindText, "on": on, "other": .text(row.kind == .executor ? "approver" : "executor")])
                    : Message(.lintSubstituteUnknownHelp, ["suggestion": DiagnosticText.suggestion(absentee, in: Array(known), kind: .login), "absentee": .text(absentee)])
                let there: Message.Argument = row.nodes.isEmpty ? .text("") : .catalog(.lintThere)
                found.append(Diagnostic(.substituteUnknown, Message(.lintSubstituteNobody, ["substitute": .text(row.substitute), "absentee": .text(absentee), "kind": kindText, "there": there]), at: span, label: Message(.lintGivesNothing), help: help))
            } else {
                let reachable = tables.grants.contains { $0.login != row.substitute && policy.rolePassedOn($0.role, kind: row.kind) && CompiledPolicy.intersect($0.nodes, row.nodes) != nil }
                guard !reachable else { continue }
                found.append(Diagnostic(.substituteUnknown, Message(.lintSubstitutePool, ["substitute": .text(row.substitute), "on": on, "kind": kindText]), at: span, label: Message(.lintGivesNothing), help: Message(.lintSubstitutePoolHelp)))
            }
        }
        return found
    }

    /// W0509: for each person some eligibility concerns, the part of their executor (approver)
    /// scope no eligible substitute covers: an absence there still needs a policy edit.
    ///
    /// Scopes are unions of node-index ranges (a node stands for its subtree): the uncovered part
    /// is one range subtraction per person, not a walk over every node of the tree.
    func scopesWithoutSubstitute() -> [Diagnostic] {
        let rows = policy.substituteRows
        guard !rows.isEmpty else { return [] }
        let tables = policy.tables
        let everything = [CompiledPolicy.NodeRange(start: 0, end: Int32(tables.nodes.count))]
        func ranges(_ nodes: [String]) -> [CompiledPolicy.NodeRange] {
            if nodes.isEmpty { return everything }
            return nodes.compactMap { path in
                policy.nodeIndex(path).map { CompiledPolicy.NodeRange(start: Int32($0), end: Int32(tables.nodes[$0].subtreeEnd)) }
            }
        }
        var found: [Diagnostic] = []
        for kind in SubstituteRow.Kind.allCases {
            var grantsByPerson: [String: [GrantRow]] = [:]
            for grant in tables.grants where policy.rolePassedOn(grant.role, kind: kind) { grantsByPerson[grant.login, default: []].append(grant) }
            for person in grantsByPerson.keys.sorted() {
                let grants = grantsByPerson[person]!
                let applicable = rows.enumerated().filter { _, row in
                    row.kind == kind && row.substitute != person && (row.absentee == person || (row.absentee == nil && grants.contains { CompiledPolicy.intersect($0.nodes, row.nodes) != nil }))
                }
                guard let first = applicable.first else { continue }
                let scope = DecisionIndex.merge(grants.flatMap { ranges($0.nodes) })
                let cover = DecisionIndex.merge(applicable.flatMap { ranges($0.element.nodes) })
                var uncovered: [Int] = []
                for range in Linter.subtract(scope, cover) {
                    for node in Int(range.start)..<Int(range.end) where space.pointOfNode[node] != nil { uncovered.append(node) }
                }
                guard !uncovered.isEmpty else { continue }
                let paths = Set(uncovered.map { tables.nodes[$0].path })
                let shown = paths.filter { path in PolicyDiff.parentPath(path).map { !paths.contains($0) } ?? true }.sorted()
                let span = first.offset < spans.substitutes.count ? spans.substitutes[first.offset] : .none
                let arguments: [String: Message.Argument] = [
                    "person": .text(person), "kind": .catalog(kind == .executor ? .lintScopeKindExecutor : .lintScopeKindApprover),
                    "paths": .text(shown.prefix(5).map { "`\($0)`" }.joined(separator: ", ")), "more": DiagnosticText.andMore(shown.count - 5),
                    "asApprover": .text(kind == .approver ? " as approver" : ""),
                ]
                found.append(Diagnostic(
                    .scopeWithoutSubstitute, Message(.lintScopeUncovered, arguments),
                    at: span, label: Message(.lintCoversPart, arguments),
                    help: Message(.lintScopeUncoveredHelp, arguments)
                ))
            }
        }
        return found
    }

    /// `a − b` for sorted, disjoint range lists.
    static func subtract(_ a: [CompiledPolicy.NodeRange], _ b: [CompiledPolicy.NodeRange]) -> [CompiledPolicy.NodeRange] {
        var result: [CompiledPolicy.NodeRange] = []
        var j = 0
        for range in a {
            var start = range.start
            while j < b.count, b[j].end <= start { j += 1 }
            var k = j
            while start < range.end {
                guard k < b.count, b[k].start < range.end else {
                    result.append(.init(start: start, end: range.end))
                    break
                }
                if b[k].start > start { result.append(.init(start: start, end: b[k].start)) }
                start = max(start, b[k].end)
                k += 1
            }
        }
        return result
    }
}

/// Findings that need the accounts of a database (`lko check --db`, `lko apply`): W0511 for a
/// grant or an eligibility that names a disabled or removed account, or an eligibility that names
/// a login with no account at all.
public enum AccountFindings {
    /// `accounts`: login → status (`active`, `disabled`, `removed`).
    public static func run(_ compilation: Compilation, accounts: [String: String]) -> [Diagnostic] {
        guard let policy = compilation.policy else { return [] }
        let spans = compilation.spans
        var found: [Diagnostic] = []
        func state(_ login: String) -> Message.Argument? {
            switch accounts[login] {
            case nil: .catalog(.lintAccountNone)
            case "active": nil
            case "removed": .catalog(.lintAccountRemoved)
            default: .catalog(.lintAccountDisabled)
            }
        }
        /// The account's status under the caret: `disabled`, `removed`, `no account`.
        func label(_ status: String?) -> Message {
            switch status {
            case nil: Message(.lintLabelNoAccount)
            case "removed": Message(.lintLabelRemoved)
            case "disabled": Message(.lintLabelDisabled)
            case let other?: Message(.verbatim, ["text": .text(other)])
            }
        }
        for grant in policy.tables.grants {
            guard let status = accounts[grant.login], status != "active", let text = state(grant.login) else { continue }
            let span = grant.index < spans.grants.count ? spans.grants[grant.index] : .none
            let login: Message.Argument = .text(grant.login)
            found.append(Diagnostic(.disabledAccount, Message(.lintAccountGrant, ["role": .text(grant.role), "login": login, "state": text]), at: span, label: label(status), help: Message(.lintAccountGrantHelp, ["login": login])))
        }
        for (index, row) in policy.substituteRows.enumerated() {
            let span = index < spans.substitutes.count ? spans.substitutes[index] : .none
            for login in [row.substitute, row.absentee].compactMap({ $0 }) {
                guard let text = state(login) else { continue }
                let help = accounts[login] == nil ? Message(.lintAccountCreateHelp, ["login": .text(login)]) : Message(.lintAccountEligibilityHelp)
                found.append(Diagnostic(.disabledAccount, Message(.lintAccountEligibility, ["login": .text(login), "state": text]), at: span, label: label(accounts[login]), help: help))
            }
        }
        return found.sortedBySource()
    }
}
