// The algorithms as they were before issue 17 (commit c92189a), kept verbatim but renamed, as
// the reference the faster ones are compared against on generated policies (`ScaleTests`).
import LKOCalendar
import LKOLanguage
@testable import LKOCompiler



/// Exact per-login comparison of effective permissions.
///
/// Each side is expanded to (action, scope, node) → validity intervals, where a grant's node
/// stands for its whole subtree, so a grant split in two, merged, reordered or re-scoped to the
/// same effective nodes and days compares equal. The differences are then folded back into
/// readable rows (a node whose parent is in the same row is implied by it).
struct ReferenceAccessComparison {
    let old: CompiledPolicy
    let new: CompiledPolicy

    /// An inclusive day-number interval.
    struct Interval: Hashable, Comparable {
        var from: Int32
        var until: Int32

        static func < (lhs: Interval, rhs: Interval) -> Bool { (lhs.from, lhs.until) < (rhs.from, rhs.until) }
    }

    struct Key: Hashable {
        var action: String
        var scope: Scope
        var node: String
    }

    func changes() -> [PolicyDiff.AccessChange] {
        let oldRows = Dictionary(grouping: old.tables.permissions, by: \.login)
        let newRows = Dictionary(grouping: new.tables.permissions, by: \.login)
        let sameTree = old.tables.nodes.map(\.path) == new.tables.nodes.map(\.path)
        var changes: [PolicyDiff.AccessChange] = []
        for login in Set(oldRows.keys).union(newRows.keys).sorted() {
            let before = oldRows[login] ?? [], after = newRows[login] ?? []
            if sameTree, signature(before) == signature(after) { continue }
            let oldMap = expand(before, in: old)
            let newMap = expand(after, in: new)
            var gained: [Key: [Interval]] = [:]
            var lost: [Key: [Interval]] = [:]
            // What a side allows for a key counts every line that implies it (`view on granted`
            // implies `view on assigned and granted` there), so a line already covered by
            // another reports nothing; only lines not implied by another one are reported.
            for (key, intervals) in ReferenceAccessComparison.strongest(newMap) {
                let plus = ReferenceAccessComparison.subtract(intervals, ReferenceAccessComparison.covered(key, in: oldMap))
                if !plus.isEmpty { gained[key] = plus }
            }
            for (key, intervals) in ReferenceAccessComparison.strongest(oldMap) {
                let minus = ReferenceAccessComparison.subtract(intervals, ReferenceAccessComparison.covered(key, in: newMap))
                if !minus.isEmpty { lost[key] = minus }
            }
            changes += fold(login: login, gained, change: "gained", side: new, other: old, rows: after)
            changes += fold(login: login, lost, change: "lost", side: old, other: new, rows: before)
        }
        return changes
    }

    /// The keys that imply `key`, itself included: `any` implies every scope, `granted` on a
    /// node and `assigned` imply `assigned and granted` there.
    static func implying(_ key: Key) -> [Key] {
        var keys = [key]
        switch key.scope {
        case .any: break
        case .granted, .assigned: keys.append(Key(action: key.action, scope: .any, node: "*"))
        case .assignedAndGranted:
            keys.append(Key(action: key.action, scope: .granted, node: key.node))
            keys.append(Key(action: key.action, scope: .assigned, node: "*"))
            keys.append(Key(action: key.action, scope: .any, node: "*"))
        }
        return keys
    }

    /// Every day a side allows `key`, through it or a line that implies it.
    static func covered(_ key: Key, in map: [Key: [Interval]]) -> [Interval] {
        merge(implying(key).flatMap { map[$0] ?? [] })
    }

    /// Each key's days not already implied by a stronger line of the same side.
    static func strongest(_ map: [Key: [Interval]]) -> [Key: [Interval]] {
        var result: [Key: [Interval]] = [:]
        for (key, intervals) in map {
            let stronger = merge(implying(key).dropFirst().flatMap { map[$0] ?? [] })
            let rest = subtract(intervals, stronger)
            if !rest.isEmpty { result[key] = rest }
        }
        return result
    }

    /// Rows of one login without positions or grant numbers, for the quick equality test.
    private func signature(_ rows: [PermissionRow]) -> [String] {
        rows.map { "\($0.action)|\($0.scope.rawValue)|\($0.nodes.joined(separator: ","))|\($0.from ?? "")|\($0.until ?? "")" }.sorted()
    }

    private func expand(_ rows: [PermissionRow], in policy: CompiledPolicy) -> [Key: [Interval]] {
        var map: [Key: [Interval]] = [:]
        let everything = policy.tables.nodes.filter(caseNode).map(\.path)
        for row in rows {
            let interval = Interval(
                from: row.from.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.min,
                until: row.until.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.max
            )
            // Compared on the nodes a case can sit on (a category with subcategories holds no
            // case), and folded into categories only afterwards.
            let nodes: [String]
            if !row.scope.needsCoverage {
                nodes = ["*"]
            } else if row.nodes.isEmpty {
                nodes = everything
            } else {
                nodes = row.nodes.flatMap { path -> [String] in
                    guard let index = policy.nodeIndex(path) else { return [] }
                    return (index..<policy.tables.nodes[index].subtreeEnd).filter { caseNode(policy.tables.nodes[$0]) }.map { policy.tables.nodes[$0].path }
                }
            }
            for node in nodes {
                map[Key(action: row.action, scope: row.scope, node: node), default: []].append(interval)
            }
        }
        return map.mapValues(ReferenceAccessComparison.merge)
    }

    /// Whether a case can sit on the node: every node but a category with subcategories.
    func caseNode(_ node: NodeRow) -> Bool {
        !(node.level == "category" && node.subtreeEnd > node.index + 1)
    }

    /// The fewest nodes of `side` whose case nodes are exactly `nodes`: a node is shown when
    /// every case node of its subtree is in the set and its parent's are not all.
    func folded(_ nodes: Set<String>, on side: CompiledPolicy) -> [String] {
        let rows = side.tables.nodes
        var full = [Bool](repeating: false, count: rows.count)
        for row in rows.reversed() {
            let inside = (row.index..<row.subtreeEnd).filter { caseNode(rows[$0]) }
            full[row.index] = !inside.isEmpty && inside.allSatisfy { nodes.contains(rows[$0].path) }
        }
        var shown: [String] = []
        for row in rows where full[row.index] && !(row.parent.map { full[$0] } ?? false) {
            shown.append(row.path)
        }
        // Nodes unknown to this side (cannot happen for its own rows) are kept as they are.
        let known = Set(rows.map(\.path))
        shown += nodes.filter { !known.contains($0) }
        return shown.sorted()
    }

    static func merge(_ intervals: [Interval]) -> [Interval] {
        var result: [Interval] = []
        for interval in intervals.sorted() {
            if let last = result.last, Int64(interval.from) <= Int64(last.until) + 1 {
                result[result.count - 1].until = max(last.until, interval.until)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// `a − b` for merged interval lists.
    static func subtract(_ a: [Interval], _ b: [Interval]) -> [Interval] {
        var result: [Interval] = []
        for piece in a {
            var pieces = [piece]
            for cut in b {
                pieces = pieces.flatMap { current -> [Interval] in
                    guard cut.until >= current.from, cut.from <= current.until else { return [current] }
                    var parts: [Interval] = []
                    if cut.from > current.from { parts.append(Interval(from: current.from, until: cut.from - 1)) }
                    if cut.until < current.until { parts.append(Interval(from: cut.until + 1, until: current.until)) }
                    return parts
                }
            }
            result += pieces
        }
        return result
    }

    /// The grant's position, or — when that very grant is unchanged on the other side and only
    /// its role gained (or lost) the action — the role's, since the grant's line did not change.
    private func causeText(of row: PermissionRow, side: CompiledPolicy, other: CompiledPolicy) -> String {
        let grant = side.tables.grants[row.grant]
        let grantUnchanged = other.tables.grants.contains {
            $0.login == grant.login && $0.role == grant.role && $0.nodes == grant.nodes && $0.from == grant.from && $0.until == grant.until
        }
        let roleChanged = !other.tables.roleActions.contains { $0.role == row.role && $0.action == row.action && $0.scope == row.scope }
        guard grantUnchanged, roleChanged, let role = side.tables.roles.first(where: { $0.id == row.role }) else { return grant.position }
        return "role change: \(role.id), \(role.position)"
    }

    private func fold(login: String, _ map: [Key: [Interval]], change: String, side: CompiledPolicy, other: CompiledPolicy, rows: [PermissionRow]) -> [PolicyDiff.AccessChange] {
        struct Group: Hashable { var action: String; var scope: Scope; var interval: Interval }
        var groups: [Group: Set<String>] = [:]
        for (key, intervals) in map {
            for interval in intervals { groups[Group(action: key.action, scope: key.scope, interval: interval), default: []].insert(key.node) }
        }
        var changes: [PolicyDiff.AccessChange] = []
        for (group, nodes) in groups {
            let shown = nodes.contains("*") ? ["*"] : folded(nodes, on: side)
            let from = group.interval.from == Int32.min ? nil : CalendarDate(dayNumber: group.interval.from).description
            let until = group.interval.until == Int32.max ? nil : CalendarDate(dayNumber: group.interval.until).description
            let causeRow: PermissionRow? = rows.first { row in
                row.action == group.action && row.scope == group.scope
                    && (row.from.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.min) <= group.interval.until
                    && (row.until.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.max) >= group.interval.from
                    && (shown == ["*"] || row.nodes.isEmpty || row.nodes.contains { covered in shown.contains { $0 == covered || $0.hasPrefix(covered + ".") } })
            }
            let cause = causeRow.map { causeText(of: $0, side: side, other: other) } ?? "role change"
            changes.append(PolicyDiff.AccessChange(login: login, change: change, action: group.action, scope: group.scope.rawValue, nodes: shown, from: from, until: until, cause: cause))
        }
        return changes.sorted { lhs, rhs in
            (lhs.change, Action(name: lhs.action) ?? .view, lhs.scope, lhs.nodes.joined(separator: ","), lhs.from ?? "", lhs.until ?? "")
                < (rhs.change, Action(name: rhs.action) ?? .view, rhs.scope, rhs.nodes.joined(separator: ","), rhs.from ?? "", rhs.until ?? "")
        }
    }
}

/// Compares routing by evaluating both rule sets on every point of the joint match space —
/// never by comparing rule text — so reordering rules, renaming them or changing a priority that
/// changes nothing reports nothing.
///
/// The space: every case node of either tree × regime × channel × each source either side names
/// (plus "any other") × each locality either side names (plus "any other"). Nodes whose ordered
/// candidate rules and terms are identical on both sides are skipped without evaluation. Changed
/// points are folded into rows such as "subcategory roads.potholes, any source: roads_specialist
/// → coordinator".
struct ReferenceRoutingComparison {
    let old: CompiledPolicy
    let new: CompiledPolicy

    /// What routing decides, as far as a reviewer cares: who, by which kind of route, which term.
    struct Outcome: Hashable {
        var target: String
        var fastTrack: Bool
        var term: String
        var rule: String

        var text: String { "\(target) (\(rule), \(term))" }

        /// The rule's id is not an effective part of the outcome.
        func same(_ other: Outcome) -> Bool {
            target == other.target && fastTrack == other.fastTrack && term == other.term
        }
    }

    static let otherValue = "\u{1F}other"

    func changes() -> [PolicyDiff.RoutingChange] {
        let sources = (Set(old.routing.sourceIDs.keys).union(new.routing.sourceIDs.keys)).sorted() + [ReferenceRoutingComparison.otherValue]
        let localities = (Set(old.routing.localityIDs.keys).union(new.routing.localityIDs.keys)).sorted() + [ReferenceRoutingComparison.otherValue]
        let dimensions = Dimensions(sources: sources, localities: localities)
        func points(_ policy: CompiledPolicy) -> [String] {
            policy.tables.nodes.filter { $0.level != "category" || $0.subtreeEnd == $0.index + 1 }.map(\.path)
        }
        let paths = Set(points(old)).union(points(new)).sorted()
        // Changed combinations per node, keyed by (old outcome, new outcome).
        struct Row: Hashable { var dims: String; var old: String; var new: String }
        var rows: [Row: (nodes: [String], points: Int)] = [:]
        for path in paths {
            let oldNode = old.nodeIndex(path), newNode = new.nodeIndex(path)
            if let oldNode, let newNode, sameCandidates(oldNode, newNode) { continue }
            var changed: [Pair: Set<Dimensions.Point>] = [:]
            for point in dimensions.all {
                let before = outcome(old, path, point)
                let after = outcome(new, path, point)
                if let before, let after, before.same(after) { continue }
                if before == nil, after == nil { continue }
                changed[Pair(old: before?.text ?? "not in the tree", new: after?.text ?? "not in the tree"), default: []].insert(point)
            }
            for (pair, set) in changed {
                let key = Row(dims: dimensions.describe(set), old: pair.old, new: pair.new)
                rows[key, default: ([], 0)].nodes.append(path)
                rows[key]!.points += set.count
            }
        }
        return rows.map { row, value in
            let nodes = value.nodes.sorted()
            let shown = nodes.count > 6 ? nodes.prefix(6).joined(separator: ", ") + " and \(nodes.count - 6) more" : nodes.joined(separator: ", ")
            return PolicyDiff.RoutingChange(cases: shown + (row.dims.isEmpty ? "" : ", " + row.dims), old: row.old, new: row.new, points: value.points)
        }.sorted { ($0.cases, $0.old, $0.new) < ($1.cases, $1.old, $1.new) }
    }

    struct Pair: Hashable { var old: String; var new: String }

    private func outcome(_ policy: CompiledPolicy, _ path: String, _ point: Dimensions.Point) -> Outcome? {
        guard policy.nodeIndex(path) != nil else { return nil }
        let attributes = CaseAttributes(
            node: path, regime: point.regime, channel: point.channel,
            source: point.source == ReferenceRoutingComparison.otherValue ? nil : point.source,
            locality: point.locality == ReferenceRoutingComparison.otherValue ? nil : point.locality
        )
        guard let decision = policy.route(attributes) else { return nil }
        let rule: String
        switch decision.via {
        case .fastTrack(let id): rule = "fast-track \(id)"
        case .autoRule(let id): rule = "auto-rule \(id)"
        case .noRule: rule = "no rule"
        }
        return Outcome(target: decision.assignee ?? "coordinator", fastTrack: decision.isFastTrack, term: decision.term.description, rule: rule)
    }

    /// Same rules in the same order with the same effect, and the same terms: nothing can differ.
    private func sameCandidates(_ oldNode: Int, _ newNode: Int) -> Bool {
        let a = old.tables.nodes[oldNode], b = new.tables.nodes[newNode]
        guard a.appealTerm == b.appealTerm, a.messageTerm == b.messageTerm else { return false }
        let left = old.routing.candidates[oldNode].map { signature(old.routing, Int($0)) }
        let right = new.routing.candidates[newNode].map { signature(new.routing, Int($0)) }
        return left == right
    }

    private func signature(_ index: RoutingIndex, _ rule: Int) -> String {
        let value = index.rules[rule]
        let sourceNames = Dictionary(uniqueKeysWithValues: index.sourceIDs.map { ($1, $0) })
        let localityNames = Dictionary(uniqueKeysWithValues: index.localityIDs.map { ($1, $0) })
        return "\(value.isFastTrack)|\(value.regimeMask)|\(value.channelMask)|\(value.sources.compactMap { sourceNames[$0] }.sorted())|\(value.localities.compactMap { localityNames[$0] }.sorted())|\(value.assigneeLogin ?? "-")|\(value.term?.description ?? "-")"
    }
}


extension Linter {
    /// Rules of one kind and equal priority that can match the same case but send it to different
    /// places: which one wins then depends only on the ids' alphabetical order.
    func overlappingRulesReference() -> [Diagnostic] {
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
    func coverageGapsReference() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let tables = policy.tables
        let executorRole = tables.organization.executorRole
        let liveExecutorGrants = tables.grants.filter { grant in
            grant.role == executorRole && !(lintDate.map { date in grant.until.map { $0 < date.description } ?? false } ?? false)
        }
        let routedBoxes = zip(policy.routing.rules, boxes).filter { $0.0.assigneeLogin != nil }.map(\.1)
        for node in tables.nodes where node.level == "subcategory" {
            let points = space.points(inSubtreeOf: node.index, policy: policy)
            // (Boxes now hold point ranges; the same question asked member by member.)
            if routedBoxes.contains(where: { $0.nodes.members.contains(where: points.contains) }) { continue }
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

    /// A person who may both draft and approve in one subcategory (order item 12 separates the
    /// executor from the approver). The workflow also refuses it per case; this finds it early.
    func separationOfDutiesReference() -> [Diagnostic] {
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
    /// W0508: an eligibility that can never give anything — the absentee (or, for a pool, anyone
    /// in its part of the tree) holds no grant of the kind passed on.
    func substitutesNamingNobodyReference() -> [Diagnostic] {
        let tables = policy.tables
        var found: [Diagnostic] = []
        for (index, row) in policy.substituteRows.enumerated() {
            let span = index < spans.substitutes.count ? spans.substitutes[index] : .none
            let kindText = row.kind == .executor ? "executor (`\(tables.organization.executorRole)`) grant" : "grant of a role that allows `approve`"
            if let absentee = row.absentee {
                let grants = tables.grants.filter { $0.login == absentee && policy.rolePassedOn($0.role, kind: row.kind) }
                let reachable = grants.contains { CompiledPolicy.intersect($0.nodes, row.nodes) != nil }
                guard !reachable else { continue }
                let known = Set(tables.grants.map(\.login))
                let help = known.contains(absentee)
                    ? "`\(absentee)` holds no \(kindText)" + (row.nodes.isEmpty ? "" : " on \(row.nodes.joined(separator: ", "))") + "; use `as \(row.kind == .executor ? "approver" : "executor")`, fix the login, or remove the declaration"
                    : Suggestions.help(for: absentee, in: Array(known), kind: "login") + " (no grant names `\(absentee)`)"
                found.append(Diagnostic(.substituteUnknown, "`\(row.substitute)` is eligible to stand in for `\(absentee)`, who holds no \(kindText)\(row.nodes.isEmpty ? "" : " there")", at: span, label: "gives nothing", help: help))
            } else {
                let reachable = tables.grants.contains { $0.login != row.substitute && policy.rolePassedOn($0.role, kind: row.kind) && CompiledPolicy.intersect($0.nodes, row.nodes) != nil }
                guard !reachable else { continue }
                found.append(Diagnostic(.substituteUnknown, "`\(row.substitute)` is eligible to stand in for anyone" + (row.nodes.isEmpty ? "" : " on \(row.nodes.joined(separator: ", "))") + ", but nobody there holds an \(kindText)", at: span, label: "gives nothing", help: "name the part of the tree where the people to stand in for work, or remove the declaration"))
            }
        }
        return found
    }

    /// W0509: for each person some eligibility concerns, the part of their executor (approver)
    /// scope no eligible substitute covers: an absence there still needs a policy edit.
    func scopesWithoutSubstituteReference() -> [Diagnostic] {
        let rows = policy.substituteRows
        guard !rows.isEmpty else { return [] }
        let tables = policy.tables
        let caseNodes = Linter.caseNodes(policy)
        var found: [Diagnostic] = []
        for kind in SubstituteRow.Kind.allCases {
            let holders = Set(tables.grants.filter { policy.rolePassedOn($0.role, kind: kind) }.map(\.login))
            for person in holders.sorted() {
                let grants = tables.grants.filter { $0.login == person && policy.rolePassedOn($0.role, kind: kind) }
                let applicable = rows.enumerated().filter { _, row in
                    row.kind == kind && row.substitute != person && (row.absentee == person || (row.absentee == nil && grants.contains { CompiledPolicy.intersect($0.nodes, row.nodes) != nil }))
                }
                guard let first = applicable.first else { continue }
                let scope = caseNodes.filter { node in grants.contains { Linter.covers(policy, $0.nodes, node) } }
                let uncovered = scope.filter { node in !applicable.contains { Linter.covers(policy, $0.element.nodes, node) } }
                guard !uncovered.isEmpty else { continue }
                let paths = Set(uncovered.map { tables.nodes[$0].path })
                let shown = paths.filter { path in PolicyDiff.parentPath(path).map { !paths.contains($0) } ?? true }.sorted()
                let span = first.offset < spans.substitutes.count ? spans.substitutes[first.offset] : .none
                found.append(Diagnostic(
                    .scopeWithoutSubstitute, "no eligible substitute covers `\(person)`'s \(kind.rawValue) scope in " + shown.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (shown.count > 5 ? " and \(shown.count - 5) more" : ""),
                    at: span, label: "covers only part of \(person)'s scope",
                    help: "add `substitute LOGIN for \(person)" + (kind == .approver ? " as approver" : "") + "` (or widen `on`), so an absence there needs no policy edit"
                ))
            }
        }
        return found
    }
}
