import LKOCalendar

/// Exact per-login comparison of effective permissions.
///
/// Each side is expanded to (action, scope, node) → validity intervals, where a grant's node
/// stands for its whole subtree, so a grant split in two, merged, reordered or re-scoped to the
/// same effective nodes and days compares equal. The differences are then folded back into
/// readable rows (a node whose parent is in the same row is implied by it).
struct AccessComparison {
    let old: CompiledPolicy
    let new: CompiledPolicy
    /// What each side needs again and again, computed once per side (not once per login or row).
    let oldSide: SideIndex
    let newSide: SideIndex

    init(old: CompiledPolicy, new: CompiledPolicy) {
        self.old = old
        self.new = new
        oldSide = SideIndex(old)
        newSide = SideIndex(new)
    }

    /// One side's case nodes, the number of case nodes in each subtree, and its grants by content.
    struct SideIndex {
        /// Paths of every case node, in tree order.
        let everything: [String]
        /// Case nodes in each node's subtree (itself included).
        let caseCount: [Int]
        /// Every grant's index with the hash of its (login, role, nodes, from, until), ordered by
        /// the hash: a lookup is a bisection and an exact comparison of the few grants with that
        /// hash. 16 bytes a grant; the dictionary of index arrays it replaces took about 70, and
        /// copies of the rows would be a third of a side's memory at region scale.
        let grantHashes: [GrantHash]
        let grants: [GrantRow]

        struct GrantHash {
            var hash: Int
            var index: Int
        }

        /// Whether this side has a grant with the same login, role, nodes and validity.
        func hasGrant(like grant: GrantRow) -> Bool {
            let key = GrantKey(grant)
            let hash = key.hashValue
            var low = 0, high = grantHashes.count
            while low < high {
                let middle = (low + high) / 2
                if grantHashes[middle].hash < hash { low = middle + 1 } else { high = middle }
            }
            while low < grantHashes.count, grantHashes[low].hash == hash {
                if GrantKey(grants[grantHashes[low].index]) == key { return true }
                low += 1
            }
            return false
        }

        struct GrantKey: Hashable {
            var login: String, role: String, nodes: [String], from: String?, until: String?
            init(_ grant: GrantRow) { (login, role, nodes, from, until) = (grant.login, grant.role, grant.nodes, grant.from, grant.until) }
        }

        init(_ policy: CompiledPolicy) {
            let rows = policy.tables.nodes
            everything = rows.filter { !($0.level == "category" && $0.subtreeEnd > $0.index + 1) }.map(\.path)
            var count = [Int](repeating: 0, count: rows.count)
            for row in rows.reversed() {
                if !(row.level == "category" && row.subtreeEnd > row.index + 1) { count[row.index] += 1 }
                if let parent = row.parent { count[parent] += count[row.index] }
            }
            caseCount = count
            var hashes: [GrantHash] = []
            hashes.reserveCapacity(policy.tables.grants.count)
            for (index, grant) in policy.tables.grants.enumerated() { hashes.append(GrantHash(hash: GrantKey(grant).hashValue, index: index)) }
            hashes.sort { $0.hash < $1.hash }
            grantHashes = hashes
            grants = policy.tables.grants
        }
    }

    func index(isNew: Bool) -> SideIndex { isNew ? newSide : oldSide }

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
        let sameTree = old.tables.nodes.map(\.path) == new.tables.nodes.map(\.path)
        var changes: [PolicyDiff.AccessChange] = []
        AccessComparison.forEachLogin(old.tables.permissions, new.tables.permissions) { login, before, after in
            if sameTree, signature(before) == signature(after) { return }
            let oldMap = expand(before, in: old, isNew: false)
            let newMap = expand(after, in: new, isNew: true)
            var gained: [Key: [Interval]] = [:]
            var lost: [Key: [Interval]] = [:]
            // What a side allows for a key counts every line that implies it (`view on granted`
            // implies `view on assigned and granted` there), so a line already covered by
            // another reports nothing; only lines not implied by another one are reported.
            for (key, intervals) in AccessComparison.strongest(newMap) {
                let plus = AccessComparison.subtract(intervals, AccessComparison.covered(key, in: oldMap))
                if !plus.isEmpty { gained[key] = plus }
            }
            for (key, intervals) in AccessComparison.strongest(oldMap) {
                let minus = AccessComparison.subtract(intervals, AccessComparison.covered(key, in: newMap))
                if !minus.isEmpty { lost[key] = minus }
            }
            changes += fold(login: login, gained, change: "gained", side: new, other: old, rows: after)
            changes += fold(login: login, lost, change: "lost", side: old, other: new, rows: before)
        }
        return changes
    }

    /// Calls `body` for every login of either side, in ascending order, with that login's rows of
    /// each side in table order (none on a side without it).
    ///
    /// Compiled rows are sorted by login, so each login's rows are one run and both sides are
    /// walked together like a merge, one range per login instead of an array of row indexes
    /// (1.28 million rows a side at 16× the region). Rows in any other order take the general
    /// way (row indexes grouped per login, the logins sorted), with the same calls.
    static func forEachLogin(_ old: [PermissionRow], _ new: [PermissionRow], _ body: (String, [PermissionRow], [PermissionRow]) -> Void) {
        guard let oldRuns = loginRuns(old), let newRuns = loginRuns(new) else {
            let oldRows = rowsByLogin(old), newRows = rowsByLogin(new)
            for login in Set(oldRows.keys).union(newRows.keys).sorted() {
                body(login, oldRows[login].map { $0.map { old[$0] } } ?? [], newRows[login].map { $0.map { new[$0] } } ?? [])
            }
            return
        }
        var o = 0, n = 0
        while o < oldRuns.count || n < newRuns.count {
            if n == newRuns.count || (o < oldRuns.count && oldRuns[o].login < newRuns[n].login) {
                body(oldRuns[o].login, Array(old[oldRuns[o].rows]), [])
                o += 1
            } else if o == oldRuns.count || newRuns[n].login < oldRuns[o].login {
                body(newRuns[n].login, [], Array(new[newRuns[n].rows]))
                n += 1
            } else {
                body(oldRuns[o].login, Array(old[oldRuns[o].rows]), Array(new[newRuns[n].rows]))
                o += 1
                n += 1
            }
        }
    }

    /// Each login's rows as one range, the logins ascending; nil when the rows are not sorted by login.
    static func loginRuns(_ rows: [PermissionRow]) -> [(login: String, rows: Range<Int>)]? {
        var runs: [(login: String, rows: Range<Int>)] = []
        var start = 0
        while start < rows.count {
            let login = rows[start].login
            var end = start + 1
            while end < rows.count, rows[end].login == login { end += 1 }
            if let last = runs.last, !(last.login < login) { return nil }
            runs.append((login, start..<end))
            start = end
        }
        return runs
    }

    /// Row indexes per login, in table order (as `Dictionary(grouping:by:)` would keep them).
    static func rowsByLogin(_ rows: [PermissionRow]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { result[row.login, default: []].append(index) }
        return result
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

    private func expand(_ rows: [PermissionRow], in policy: CompiledPolicy, isNew: Bool) -> [Key: [Interval]] {
        var map: [Key: [Interval]] = [:]
        let everything = index(isNew: isNew).everything
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
        return map.mapValues(AccessComparison.merge)
    }

    /// Whether a case can sit on the node: every node but a category with subcategories.
    func caseNode(_ node: NodeRow) -> Bool {
        !(node.level == "category" && node.subtreeEnd > node.index + 1)
    }

    /// The fewest nodes of `side` whose case nodes are exactly `nodes`: a node is shown when
    /// every case node of its subtree is in the set and its parent's are not all.
    ///
    /// Counted upwards from the members (each adds one to itself and its ancestors), so it costs
    /// the set's size times the tree's depth, not a walk over the whole tree per row.
    func folded(_ nodes: Set<String>, on side: CompiledPolicy, isNew: Bool) -> [String] {
        let rows = side.tables.nodes
        let caseCount = index(isNew: isNew).caseCount
        var inSet: [Int: Int] = [:]
        var unknown: [String] = []
        for path in nodes {
            guard let node = side.nodeIndex(path) else { unknown.append(path); continue }
            guard caseNode(rows[node]) else { continue }
            var current: Int? = node
            while let index = current {
                inSet[index, default: 0] += 1
                current = rows[index].parent
            }
        }
        func full(_ index: Int) -> Bool { caseCount[index] > 0 && inSet[index] == caseCount[index] }
        var shown: [String] = []
        for index in inSet.keys where full(index) && !(rows[index].parent.map(full) ?? false) {
            shown.append(rows[index].path)
        }
        // Nodes unknown to this side (cannot happen for its own rows) are kept as they are.
        shown += unknown
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
    private func causeText(of row: PermissionRow, side: CompiledPolicy, other: CompiledPolicy, isNew: Bool) -> String {
        let grant = side.tables.grants[row.grant]
        let grantUnchanged = index(isNew: !isNew).hasGrant(like: grant)
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
            let shown = nodes.contains("*") ? ["*"] : folded(nodes, on: side, isNew: change == "gained")
            let from = group.interval.from == Int32.min ? nil : CalendarDate(dayNumber: group.interval.from).description
            let until = group.interval.until == Int32.max ? nil : CalendarDate(dayNumber: group.interval.until).description
            let causeRow: PermissionRow? = rows.first { row in
                row.action == group.action && row.scope == group.scope
                    && (row.from.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.min) <= group.interval.until
                    && (row.until.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.max) >= group.interval.from
                    && (shown == ["*"] || row.nodes.isEmpty || row.nodes.contains { covered in shown.contains { $0 == covered || $0.hasPrefix(covered + ".") } })
            }
            let cause = causeRow.map { causeText(of: $0, side: side, other: other, isNew: change == "gained") } ?? "role change"
            changes.append(PolicyDiff.AccessChange(login: login, change: change, action: group.action, scope: group.scope.rawValue, nodes: shown, from: from, until: until, cause: cause))
        }
        return changes.sorted { lhs, rhs in
            (lhs.change, Action(name: lhs.action) ?? .view, lhs.scope, lhs.nodes.joined(separator: ","), lhs.from ?? "", lhs.until ?? "")
                < (rhs.change, Action(name: rhs.action) ?? .view, rhs.scope, rhs.nodes.joined(separator: ","), rhs.from ?? "", rhs.until ?? "")
        }
    }
}
