import LKOLanguage
import LKOCalendar
import LKOMessages

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

    /// "auto-rule `id`" in English, as the reference algorithms of the tests write it.
    func ruleName(_ rule: RoutingIndex.Rule) -> String {
        "\(rule.isFastTrack ? "fast-track" : "auto-rule") `\(rule.id)`"
    }

    /// "auto-rule `id`" / "автоправило `id`".
    func ruleText(_ rule: RoutingIndex.Rule) -> Message.Argument {
        DiagnosticText.rule(rule.id, isFastTrack: rule.isFastTrack)
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
            let names: Message.Argument = .messages(takers.prefix(4).map { DiagnosticText.ruleMessage(rules[$0].id, isFastTrack: rules[$0].isFastTrack) }, separator: ", ")
            found.append(Diagnostic(
                .shadowedRule, Message(.lintShadowed, ["rule": ruleText(rule)]), at: ruleSpan(rule), label: Message(.lintShadowedLabel),
                help: Message(.lintShadowedHelp, ["rules": names, "more": DiagnosticText.andMore(takers.count - 4)]),
                notes: takers.prefix(4).map { .init(Message(.lintTakenBy, ["rule": ruleText(rules[$0])]), at: ruleSpan(rules[$0])) }
            ))
        }
        return found
    }

    /// Rules of one kind and equal priority that can match the same case but send it to different
    /// places: which one wins then depends only on the ids' alphabetical order.
    ///
    /// Two rules can overlap only where they share a node, so the pairs tried are those that meet
    /// in some node's candidate list (every rule that can match there), not every pair of a
    /// priority group; each pair is then decided exactly on the boxes as before.
    func overlappingRules() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let rules = policy.routing.rules
        func group(_ rule: RoutingIndex.Rule) -> Int {
            let priority = rule.isFastTrack ? policy.tables.fastTracks[rule.row].priority : policy.tables.autoRules[rule.row].priority
            return priority
        }
        let groups = rules.map(group)
        // Candidate pairs (first < second), same kind and priority, meeting at some point.
        var pairs = Set<UInt64>()
        var global: [Int] = []
        for (index, rule) in rules.enumerated() where rule.ranges.isEmpty { global.append(index) }
        for point in space.pointNodes.indices {
            let list = policy.routing.candidates[space.pointNodes[point]]
            guard list.count > 1 else { continue }
            for (position, a) in list.enumerated() {
                let first = Int(a)
                // Rules matching every node meet every rule; they are paired once below.
                if rules[first].ranges.isEmpty { continue }
                for b in list[(position + 1)...] {
                    let second = Int(b)
                    if rules[second].ranges.isEmpty { continue }
                    guard rules[first].isFastTrack == rules[second].isFastTrack, groups[first] == groups[second] else { continue }
                    pairs.insert(UInt64(min(first, second)) << 32 | UInt64(max(first, second)))
                }
            }
        }
        for first in global {
            for second in rules.indices where second != first {
                guard rules[first].isFastTrack == rules[second].isFastTrack, groups[first] == groups[second] else { continue }
                pairs.insert(UInt64(min(first, second)) << 32 | UInt64(max(first, second)))
            }
        }
        for pair in pairs.sorted() {
            let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
            guard rules[first].assigneeLogin != rules[second].assigneeLogin else { continue }
            let overlap = boxes[first].intersection(boxes[second])
            guard !overlap.isEmpty else { continue }
            let target: Message.Argument = rules[first].assigneeLogin.map { .text($0) } ?? .catalog(.lintToCoordinator)
            let firstID: Message.Argument = .text(rules[first].id)
            found.append(Diagnostic(
                .overlappingRules, Message(.lintOverlap, ["rule": ruleText(rules[first]), "other": .text(rules[second].id)]),
                at: ruleSpan(rules[second]), label: Message(.lintOverlapLabel, ["other": firstID]),
                help: Message(.lintOverlapHelp, ["example": space.exampleText(overlap, policy: policy), "target": target, "first": firstID]),
                notes: [.init(Message(.lintDeclaredHere, ["id": firstID]), at: ruleSpan(rules[first]))]
            ))
        }
        return found
    }

    /// Subcategories that no rule routes to an executor and no executor grant covers: their cases
    /// wait for the coordinator with nobody able to take them.
    ///
    /// Linear in nodes + rules + grants: the points some routed rule matches and the nodes some
    /// live executor grant covers are marked once (a difference array over the depth-first
    /// indexes), then each subcategory reads its own subtree.
    func coverageGaps() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let tables = policy.tables
        let executorRole = tables.organization.executorRole
        let nodeCount = tables.nodes.count
        // Points matched by the node set of some rule that names an executor.
        var routedPoint = [Bool](repeating: false, count: space.pointNodes.count)
        var everythingRouted = false
        for (rule, box) in zip(policy.routing.rules, boxes) where rule.assigneeLogin != nil {
            if rule.ranges.isEmpty {
                if !box.nodes.isEmpty { everythingRouted = true }
                continue
            }
            for member in box.nodes.members { routedPoint[member] = true }
        }
        // Nodes covered by a live executor grant: +1 at a granted node, −1 past its subtree.
        var delta = [Int32](repeating: 0, count: nodeCount + 1)
        var everythingCovered = false
        for grant in tables.grants where grant.role == executorRole {
            if let lintDate, let until = grant.until, until < lintDate.description { continue }
            if grant.nodes.isEmpty { everythingCovered = true; break }
            for path in grant.nodes {
                guard let node = policy.nodeIndex(path) else { continue }
                delta[node] += 1
                delta[tables.nodes[node].subtreeEnd] -= 1
            }
        }
        var covered = [Bool](repeating: everythingCovered, count: nodeCount)
        if !everythingCovered {
            var depth: Int32 = 0
            for index in 0..<nodeCount {
                depth += delta[index]
                covered[index] = depth > 0
            }
        }
        for node in tables.nodes where node.level == "subcategory" {
            var routed = false
            for index in node.index..<node.subtreeEnd {
                if let point = space.pointOfNode[index], everythingRouted || routedPoint[point] { routed = true; break }
            }
            if routed || covered[node.index] { continue }
            let path: Message.Argument = .text(node.path)
            found.append(Diagnostic(
                .coverageGap, Message(.lintCoverageGap, ["path": path]), at: spans.nodes[node.path] ?? .none,
                label: Message(.lintTitleLabel, ["title": .text(node.title)]),
                help: Message(.lintCoverageGapHelp, ["role": .text(executorRole), "path": path])
            ))
        }
        return found
    }

    func expiredGrants() -> [Diagnostic] {
        guard let lintDate else { return [] }
        return policy.tables.grants.compactMap { grant in
            guard let until = grant.until, until < lintDate.description else { return nil }
            return Diagnostic(
                .expiredGrant, Message(.lintExpiredGrant, ["role": .text(grant.role), "login": .text(grant.login), "until": .text(until)]), at: spans.grants[grant.index],
                label: Message(.lintExpiredLabel), help: Message(.lintExpiredHelp, ["date": .text(lintDate.description)])
            )
        }
    }

    func unusedRoles() -> [Diagnostic] {
        let granted = Set(policy.tables.grants.map(\.role))
        let withActions = Set(policy.tables.roleActions.map(\.role))
        var found: [Diagnostic] = []
        for role in policy.tables.roles {
            if !withActions.contains(role.id) {
                found.append(Diagnostic(.emptyRole, Message(.lintEmptyRole, ["role": .text(role.id)]), at: spans.roles[role.id] ?? .none, label: Message(.lintNoAllowLines), help: Message(.lintEmptyRoleHelp)))
            }
            if !granted.contains(role.id) {
                found.append(Diagnostic(.roleNeverGranted, Message(.lintRoleNeverGranted, ["role": .text(role.id)]), at: spans.roles[role.id] ?? .none, label: Message(.lintNoGrantLabel, ["role": .text(role.id)]), help: Message(.lintRoleNeverGrantedHelp)))
            }
        }
        return found
    }

    /// A person who may both draft and approve in one subcategory (order item 12 separates the
    /// executor from the approver). The workflow also refuses it per case; this finds it early.
    ///
    /// A grant's reach is a list of disjoint node-index ranges (a granted node stands for its
    /// subtree), not a set of every point: intersecting two is linear in their ranges, and the
    /// first point and the number of points in it come from a prefix count over the points.
    func separationOfDuties() -> [Diagnostic] {
        let tables = policy.tables
        var found: [Diagnostic] = []
        // Grant indexes per login (not copies of the rows: they are most of the tables).
        var grantsByLogin: [String: [Int32]] = [:]
        for (index, grant) in tables.grants.enumerated() { grantsByLogin[grant.login, default: []].append(Int32(index)) }
        var rulesByRole: [String: [RoleActionRow]] = [:]
        for row in tables.roleActions { rulesByRole[row.role, default: []].append(row) }
        let nodeCount = tables.nodes.count
        // pointsBefore[i]: points with a node index below i.
        var pointsBefore = [Int](repeating: 0, count: nodeCount + 1)
        for index in 0..<nodeCount { pointsBefore[index + 1] = pointsBefore[index] + (space.pointOfNode[index] == nil ? 0 : 1) }
        func reach(_ grant: GrantRow, _ action: Action) -> [CompiledPolicy.NodeRange]? {
            let rules = (rulesByRole[grant.role] ?? []).filter { $0.action == action.rawValue }
            guard !rules.isEmpty else { return nil }
            if rules.contains(where: { !$0.scope.needsCoverage }) || grant.nodes.isEmpty {
                return [CompiledPolicy.NodeRange(start: 0, end: Int32(nodeCount))]
            }
            var ranges: [CompiledPolicy.NodeRange] = []
            for path in grant.nodes {
                guard let node = policy.nodeIndex(path) else { continue }
                ranges.append(.init(start: Int32(node), end: Int32(tables.nodes[node].subtreeEnd)))
            }
            return DecisionIndex.merge(ranges)
        }
        func overlaps(_ a: GrantRow, _ b: GrantRow) -> Bool {
            let aFrom = a.from ?? "0000-00-00", aUntil = a.until ?? "9999-99-99"
            let bFrom = b.from ?? "0000-00-00", bUntil = b.until ?? "9999-99-99"
            return aFrom <= bUntil && bFrom <= aUntil
        }
        /// The first point (node index) and the number of points in the intersection.
        func common(_ a: [CompiledPolicy.NodeRange], _ b: [CompiledPolicy.NodeRange]) -> (first: Int, count: Int)? {
            var i = 0, j = 0
            var first: Int?
            var count = 0
            while i < a.count, j < b.count {
                let start = Int(max(a[i].start, b[j].start)), end = Int(min(a[i].end, b[j].end))
                if start < end, pointsBefore[end] > pointsBefore[start] {
                    count += pointsBefore[end] - pointsBefore[start]
                    if first == nil { first = (start..<end).first { space.pointOfNode[$0] != nil } }
                }
                if a[i].end < b[j].end { i += 1 } else { j += 1 }
            }
            return first.map { ($0, count) }
        }
        for login in grantsByLogin.keys.sorted() {
            let grants = grantsByLogin[login]!.map { tables.grants[Int($0)] }
            let drafting = grants.map { reach($0, .draft) }
            let approving = grants.map { reach($0, .approve) }
            var reported = false
            for (d, drafter) in grants.enumerated() {
                guard !reported, let drafts = drafting[d] else { continue }
                for (a, approver) in grants.enumerated() where overlaps(drafter, approver) {
                    guard let approves = approving[a], let both = common(drafts, approves) else { continue }
                    let path = tables.nodes[both.first].path
                    found.append(Diagnostic(
                        .separationOfDuties, Message(.lintSeparation, ["login": .text(login), "path": .text(path), "more": DiagnosticText.andMore(both.count - 1)]),
                        at: spans.grants[approver.index], label: Message(.lintApproveHere),
                        help: Message(.lintSeparationHelp),
                        notes: [.init(Message(.lintMayDraftThrough, ["role": .text(drafter.role)]), at: spans.grants[drafter.index])]
                    ))
                    reported = true
                    break
                }
            }
        }
        return found
    }
}
