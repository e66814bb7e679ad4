import LKOCalendar

/// Auto-rules and fast-tracks compiled for routing.
///
/// For every node of the tree the index keeps the rules that can match a case there, in the order
/// they are tried: fast-tracks first, then auto-rules, each by ascending priority and then id.
/// Routing a case is one array lookup and a short scan with bit tests, whatever the number of
/// rules in the policy.
struct RoutingIndex: Sendable {
    struct Rule: Sendable {
        var isFastTrack: Bool
        /// Index into `tables.fastTracks` or `tables.autoRules`.
        var row: Int
        var id: String
        var ranges: [CompiledPolicy.NodeRange]
        var regimeMask: UInt8
        var channelMask: UInt8
        /// Interned source codes, sorted; empty means any.
        var sources: [Int32]
        var localities: [Int32]
        /// Interned login, or -1 for the coordinator.
        var assignee: Int32
        var assigneeLogin: String?
        var term: TermValue?

        func matchesNode(_ node: Int32) -> Bool {
            if ranges.isEmpty { return true }
            for range in ranges where node >= range.start && node < range.end { return true }
            return false
        }
    }

    var rules: [Rule] = []
    var candidates: [[Int32]] = []
    var sourceIDs: [String: Int32] = [:]
    var localityIDs: [String: Int32] = [:]

    init(tables: PolicyTables, nodeIDs: [String: Int32], loginIDs: [String: Int32]) throws {
        var sourceIDs: [String: Int32] = [:]
        var localityIDs: [String: Int32] = [:]
        func intern(_ values: [String], _ table: inout [String: Int32]) -> [Int32] {
            values.map { value in
                if let id = table[value] { return id }
                let id = Int32(table.count)
                table[value] = id
                return id
            }.sorted()
        }
        var rules: [Rule] = []
        for (isFastTrack, rows) in [(true, tables.fastTracks), (false, tables.autoRules)] {
            for (index, row) in rows.enumerated() {
                var ranges: [CompiledPolicy.NodeRange] = []
                for path in row.nodes {
                    guard let id = nodeIDs[path] else { throw CompiledPolicy.LoadError.dangling("rule \(row.id) names unknown node \(path)") }
                    ranges.append(.init(start: id, end: Int32(tables.nodes[Int(id)].subtreeEnd)))
                }
                rules.append(Rule(
                    isFastTrack: isFastTrack, row: index, id: row.id, ranges: ranges,
                    regimeMask: row.regimes.compactMap(Regime.init(rawValue:)).reduce(0) { $0 | $1.bit },
                    channelMask: row.channels.compactMap(Channel.init(rawValue:)).reduce(0) { $0 | $1.bit },
                    sources: intern(row.sources, &sourceIDs), localities: intern(row.localities, &localityIDs),
                    assignee: row.assignee.map { loginIDs[$0] ?? -2 } ?? -1, assigneeLogin: row.assignee, term: row.term
                ))
            }
        }
        self.rules = rules
        self.sourceIDs = sourceIDs
        self.localityIDs = localityIDs
        // Rules are already in trial order (fast-tracks, then auto-rules, each sorted), so
        // appending in rule order keeps every candidate list sorted. Each rule touches only the
        // nodes of its own subtrees.
        var candidates = [[Int32]](repeating: [], count: tables.nodes.count)
        for (ruleIndex, rule) in rules.enumerated() {
            if rule.ranges.isEmpty {
                for node in candidates.indices { candidates[node].append(Int32(ruleIndex)) }
                continue
            }
            var touched = Set<Int32>()
            for range in rule.ranges {
                for node in range.start..<range.end where touched.insert(node).inserted {
                    candidates[Int(node)].append(Int32(ruleIndex))
                }
            }
        }
        self.candidates = candidates
    }

    /// The routing decision table as rows (node × order), for `lko compile`.
    static func routeRows(_ tables: PolicyTables) -> [RouteRow] {
        var nodeIDs: [String: Int32] = [:]
        for node in tables.nodes { nodeIDs[node.path] = Int32(node.index) }
        var loginIDs: [String: Int32] = [:]
        for (index, login) in tables.logins.enumerated() { loginIDs[login] = Int32(index) }
        guard let index = try? RoutingIndex(tables: tables, nodeIDs: nodeIDs, loginIDs: loginIDs) else { return [] }
        var rows: [RouteRow] = []
        for (node, list) in index.candidates.enumerated() {
            for (order, ruleIndex) in list.enumerated() {
                let rule = index.rules[Int(ruleIndex)]
                rows.append(RouteRow(node: tables.nodes[node].path, order: order, kind: rule.isFastTrack ? "fasttrack" : "autorule", rule: rule.id))
            }
        }
        return rows
    }

    /// The first rule that matches, in trial order, or nil.
    func firstMatch(node: Int32, regime: Regime?, channel: Channel?, source: String?, locality: String?) -> Int? {
        let sourceID = source.flatMap { sourceIDs[$0] } ?? -1
        let localityID = locality.flatMap { localityIDs[$0] } ?? -1
        let regimeBit = regime?.bit ?? 0
        let channelBit = channel?.bit ?? 0
        for candidate in candidates[Int(node)] {
            let rule = rules[Int(candidate)]
            if rule.regimeMask != 0, rule.regimeMask & regimeBit == 0 { continue }
            if rule.channelMask != 0, rule.channelMask & channelBit == 0 { continue }
            if !rule.sources.isEmpty, !rule.sources.contains(sourceID) { continue }
            if !rule.localities.isEmpty, !rule.localities.contains(localityID) { continue }
            return Int(candidate)
        }
        return nil
    }
}

/// Where a case goes when it reaches the organization, and why.
public struct RouteDecision: Sendable, Equatable {
    public enum Via: Sendable, Equatable {
        case fastTrack(String)
        case autoRule(String)
        case noRule
    }

    /// The executor, or nil for the coordinator's queue.
    public var assignee: String?
    public var via: Via
    /// The term that applies: the fast-track's, else the node's, else the regime default.
    public var term: TermValue
    public var isFastTrack: Bool
    /// Set when a matching rule's target could not take the case (not an executor for this
    /// subcategory on that date), which sends it to the coordinator instead.
    public var fallbackReason: String?

    public var summary: String {
        let target = assignee ?? "coordinator"
        let rule: String
        switch via {
        case .fastTrack(let id): rule = "fast-track \(id)"
        case .autoRule(let id): rule = "auto-rule \(id)"
        case .noRule: rule = "no rule"
        }
        return "\(target) via \(rule), term \(term)" + (fallbackReason.map { " (\($0))" } ?? "")
    }
}

extension CompiledPolicy {
    /// Routes a case: the first matching fast-track, else the first matching auto-rule, else the
    /// coordinator. With `date`, a target that does not hold the executor role on the case's node
    /// that day sends the case to the coordinator, with the reason.
    public func route(_ attributes: CaseAttributes, on date: CalendarDate? = nil) -> RouteDecision? {
        guard let path = attributes.node, let node = nodeIDs[path] else { return nil }
        let row = tables.nodes[Int(node)]
        let nodeTerm = attributes.regime == .message ? row.messageTerm : row.appealTerm
        guard let ruleIndex = routing.firstMatch(node: node, regime: attributes.regime, channel: attributes.channel, source: attributes.source, locality: attributes.locality) else {
            return RouteDecision(assignee: nil, via: .noRule, term: nodeTerm, isFastTrack: false)
        }
        let rule = routing.rules[ruleIndex]
        let via: RouteDecision.Via = rule.isFastTrack ? .fastTrack(rule.id) : .autoRule(rule.id)
        var decision = RouteDecision(assignee: rule.assigneeLogin, via: via, term: rule.term ?? nodeTerm, isFastTrack: rule.isFastTrack)
        if let login = rule.assigneeLogin, let date, !isExecutor(login, node: Int(node), on: date) {
            decision.fallbackReason = "\(login) holds no \(tables.organization.executorRole) grant on \(path) on \(date)"
            decision.assignee = nil
            decision.term = nodeTerm
            decision.isFastTrack = false
        }
        return decision
    }
}
