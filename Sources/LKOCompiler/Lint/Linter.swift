import LKOLanguage
import LKOCalendar

/// The lint pass: findings that do not stop a policy from working but are almost always
/// mistakes. Every finding is computed exactly over the compiled tables and the finite match
/// space (see ``MatchSpace``).
struct Linter {
    let policy: CompiledPolicy
    let spans: SpanIndex
    let lintDate: CalendarDate?
    let space: MatchSpace
    let boxes: [MatchSpace.Box]

    /// A bound on the pieces a shadowing check may split into; past it the rule is reported as
    /// reachable (a warning never claims what it has not proven).
    static let maximumPieces = 20_000

    init(policy: CompiledPolicy, spans: SpanIndex, lintDate: CalendarDate?) {
        self.policy = policy
        self.spans = spans
        self.lintDate = lintDate
        let space = MatchSpace(policy: policy)
        self.space = space
        self.boxes = policy.routing.rules.map { space.box(of: $0, policy: policy) }
    }

    func run() -> [Diagnostic] {
        shadowedRules() + overlappingRules() + coverageGaps() + expiredGrants() + unusedRoles() + separationOfDuties()
            + substitutesNamingNobody() + scopesWithoutSubstitute()
    }

    func ruleSpan(_ rule: RoutingIndex.Rule) -> SourceSpan {
        (rule.isFastTrack ? spans.fastTracks : spans.autoRules)[rule.id] ?? .none
    }

    func ruleName(_ rule: RoutingIndex.Rule) -> String {
        "\(rule.isFastTrack ? "fast-track" : "auto-rule") `\(rule.id)`"
    }

    /// Rules that match no case not already taken by an earlier rule in trial order.
    func shadowedRules() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let rules = policy.routing.rules
        for (index, rule) in rules.enumerated() {
            let box = boxes[index]
            if box.isEmpty { continue }
            // Only earlier rules that share a node can take cases from this one.
            var earlier = Set<Int32>()
            for point in box.nodes.members {
                for candidate in policy.routing.candidates[space.pointNodes[point]] where Int(candidate) < index {
                    earlier.insert(candidate)
                }
            }
            var remaining = [box]
            var takers: [Int] = []
            for other in earlier.sorted() {
                let otherBox = boxes[Int(other)]
                guard remaining.contains(where: { $0.intersects(otherBox) }) else { continue }
                takers.append(Int(other))
                remaining = remaining.flatMap { $0.subtracting(otherBox) }
                if remaining.isEmpty || remaining.count > Linter.maximumPieces { break }
            }
            guard remaining.isEmpty else { continue }
            let names = takers.prefix(4).map { ruleName(rules[$0]) }.joined(separator: ", ")
            found.append(Diagnostic(
                .shadowedRule, "\(ruleName(rule)) can never fire", at: ruleSpan(rule), label: "every case it matches is taken earlier",
                help: "every case it matches is routed first by \(names)\(takers.count > 4 ? " and \(takers.count - 4) more" : ""); give it a lower priority number, narrow the earlier rules, or remove it",
                notes: takers.prefix(4).map { .init("taken by \(ruleName(rules[$0]))", at: ruleSpan(rules[$0])) }
            ))
        }
        return found
    }

    /// Rules of one kind and equal priority that can match the same case but send it to different
    /// places: which one wins then depends only on the ids' alphabetical order.
    func overlappingRules() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let rules = policy.routing.rules
        var groups: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            let priority = rule.isFastTrack ? policy.tables.fastTracks[rule.row].priority : policy.tables.autoRules[rule.row].priority
            groups["\(rule.isFastTrack)/\(priority)", default: []].append(index)
        }
        for members in groups.values.map({ $0.sorted() }) where members.count > 1 {
            for (position, first) in members.enumerated() {
                for second in members[(position + 1)...] where rules[first].assigneeLogin != rules[second].assigneeLogin {
                    let overlap = boxes[first].intersection(boxes[second])
                    guard !overlap.isEmpty else { continue }
                    let target = { (rule: RoutingIndex.Rule) in rule.assigneeLogin ?? "the coordinator" }
                    found.append(Diagnostic(
                        .overlappingRules, "\(ruleName(rules[first])) and `\(rules[second].id)` have the same priority and overlap",
                        at: ruleSpan(rules[second]), label: "overlaps `\(rules[first].id)`",
                        help: "e.g. a case with \(space.example(overlap, policy: policy)) goes to \(target(rules[first])) only because `\(rules[first].id)` sorts first; give one of them a different priority",
                        notes: [.init("`\(rules[first].id)` declared here", at: ruleSpan(rules[first]))]
                    ))
                }
            }
        }
        return found
    }

    /// Subcategories that no rule routes to an executor and no executor grant covers: their cases
    /// wait for the coordinator with nobody able to take them.
    func coverageGaps() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let tables = policy.tables
        let executorRole = tables.organization.executorRole
        let liveExecutorGrants = tables.grants.filter { grant in
            grant.role == executorRole && !(lintDate.map { date in grant.until.map { $0 < date.description } ?? false } ?? false)
        }
        let routedBoxes = zip(policy.routing.rules, boxes).filter { $0.0.assigneeLogin != nil }.map(\.1)
        for node in tables.nodes where node.level == "subcategory" {
            let points = space.points(inSubtreeOf: node.index, policy: policy)
            if routedBoxes.contains(where: { $0.nodes.intersects(points) }) { continue }
            let covered = liveExecutorGrants.contains { grant in
                grant.nodes.isEmpty || grant.nodes.contains { path in
                    guard let ancestor = policy.nodeIndex(path) else { return false }
                    return policy.contains(ancestor, node.index)
                }
            }
            if covered { continue }
            found.append(Diagnostic(
                .coverageGap, "no rule routes `\(node.path)` and no executor covers it", at: spans.nodes[node.path] ?? .none,
                label: "«\(node.title)»",
                help: "grant `\(executorRole)` on `\(node.path)` (or its category) to someone, or add an auto-rule that assigns it"
            ))
        }
        return found
    }

    func expiredGrants() -> [Diagnostic] {
        guard let lintDate else { return [] }
        return policy.tables.grants.compactMap { grant in
            guard let until = grant.until, until < lintDate.description else { return nil }
            return Diagnostic(
                .expiredGrant, "the grant of `\(grant.role)` to `\(grant.login)` expired after \(until)", at: spans.grants[grant.index],
                label: "expired", help: "remove it, or move `until` if it should still apply (checked against \(lintDate))"
            )
        }
    }

    func unusedRoles() -> [Diagnostic] {
        let granted = Set(policy.tables.grants.map(\.role))
        let withActions = Set(policy.tables.roleActions.map(\.role))
        var found: [Diagnostic] = []
        for role in policy.tables.roles {
            if !withActions.contains(role.id) {
                found.append(Diagnostic(.emptyRole, "role `\(role.id)` allows nothing", at: spans.roles[role.id] ?? .none, label: "no `allow` lines", help: "add `allow ACTION on SCOPE`, or remove the role"))
            }
            if !granted.contains(role.id) {
                found.append(Diagnostic(.roleNeverGranted, "role `\(role.id)` is never granted", at: spans.roles[role.id] ?? .none, label: "no `grant \(role.id) to …`", help: "grant it to someone, or remove it"))
            }
        }
        return found
    }

    /// A person who may both draft and approve in one subcategory (order item 12 separates the
    /// executor from the approver). The workflow also refuses it per case; this finds it early.
    func separationOfDuties() -> [Diagnostic] {
        let tables = policy.tables
        var found: [Diagnostic] = []
        var grantsByLogin: [String: [GrantRow]] = [:]
        for grant in tables.grants { grantsByLogin[grant.login, default: []].append(grant) }
        var rulesByRole: [String: [RoleActionRow]] = [:]
        for row in tables.roleActions { rulesByRole[row.role, default: []].append(row) }
        func reach(_ grant: GrantRow, _ action: Action) -> BitSet? {
            let rules = (rulesByRole[grant.role] ?? []).filter { $0.action == action.rawValue }
            guard !rules.isEmpty else { return nil }
            if rules.contains(where: { !$0.scope.needsCoverage }) || grant.nodes.isEmpty {
                return BitSet(count: space.pointNodes.count, filled: true)
            }
            var set = BitSet(count: space.pointNodes.count)
            for path in grant.nodes {
                guard let node = policy.nodeIndex(path) else { continue }
                for member in space.points(inSubtreeOf: node, policy: policy).members { set.insert(member) }
            }
            return set
        }
        func overlaps(_ a: GrantRow, _ b: GrantRow) -> Bool {
            let aFrom = a.from ?? "0000-00-00", aUntil = a.until ?? "9999-99-99"
            let bFrom = b.from ?? "0000-00-00", bUntil = b.until ?? "9999-99-99"
            return aFrom <= bUntil && bFrom <= aUntil
        }
        for login in grantsByLogin.keys.sorted() {
            let grants = grantsByLogin[login]!
            var reported = false
            for drafter in grants {
                guard !reported, let drafts = reach(drafter, .draft) else { continue }
                for approver in grants where overlaps(drafter, approver) {
                    guard let approves = reach(approver, .approve) else { continue }
                    let both = drafts.intersection(approves)
                    guard let first = both.first else { continue }
                    let path = tables.nodes[space.pointNodes[first]].path
                    let more = both.memberCount - 1
                    found.append(Diagnostic(
                        .separationOfDuties, "`\(login)` may both draft and approve answers in `\(path)`" + (more > 0 ? " and \(more) more" : ""),
                        at: spans.grants[approver.index], label: "approve here",
                        help: "the executor and the approver of an answer must be different people (order item 12); narrow one of the grants, or accept it knowing the workflow still refuses approving one's own draft",
                        notes: [.init("may draft through `\(drafter.role)`", at: spans.grants[drafter.index])]
                    ))
                    reported = true
                    break
                }
            }
        }
        return found
    }
}
