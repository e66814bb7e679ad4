/// Compares routing by evaluating both rule sets on every point of the joint match space —
/// never by comparing rule text — so reordering rules, renaming them or changing a priority that
/// changes nothing reports nothing.
///
/// The space: every case node of either tree × regime × channel × each source either side names
/// (plus "any other") × each locality either side names (plus "any other"). Nodes whose ordered
/// candidate rules and terms are identical on both sides are skipped without evaluation. Changed
/// points are folded into rows such as "subcategory roads.potholes, any source: roads_specialist
/// → coordinator".
struct RoutingComparison {
    let old: CompiledPolicy
    let new: CompiledPolicy
    /// Each rule's effect as text, per side, computed once (not once per node it is a candidate of).
    let oldSignatures: [String]
    let newSignatures: [String]

    init(old: CompiledPolicy, new: CompiledPolicy) {
        self.old = old
        self.new = new
        oldSignatures = RoutingComparison.signatures(old.routing)
        newSignatures = RoutingComparison.signatures(new.routing)
    }

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
        let sources = (Set(old.routing.sourceIDs.keys).union(new.routing.sourceIDs.keys)).sorted() + [RoutingComparison.otherValue]
        let localities = (Set(old.routing.localityIDs.keys).union(new.routing.localityIDs.keys)).sorted() + [RoutingComparison.otherValue]
        let dimensions = Dimensions(sources: sources, localities: localities)
        func points(_ policy: CompiledPolicy) -> [String] {
            policy.tables.nodes.filter { $0.level != "category" || $0.subtreeEnd == $0.index + 1 }.map(\.path)
        }
        let paths = Set(points(old)).union(points(new)).sorted()
        // Each side sees the joint values through its own interned ids (-1: a value it never names).
        let oldSide = SideView(old, sources: sources, localities: localities)
        let newSide = SideView(new, sources: sources, localities: localities)
        // Changed combinations per node, keyed by (old outcome, new outcome).
        struct Row: Hashable { var dims: String; var old: String; var new: String }
        var rows: [Row: (nodes: [String], points: Int)] = [:]
        for path in paths {
            let oldNode = old.nodeIndex(path), newNode = new.nodeIndex(path)
            if let oldNode, let newNode, sameCandidates(oldNode, newNode) { continue }
            // Every point of the node's joint space, evaluated on both sides with integer ids:
            // the outcome is a function of (first matching rule, regime) only.
            var changed: [Pair: [Int]] = [:]
            var byRules: [Int64: [Int]] = [:]
            var point = 0
            for regime in Regime.allCases {
                for channel in Channel.allCases {
                    for source in sources.indices {
                        for locality in localities.indices {
                            defer { point += 1 }
                            let before = oldNode.map { oldSide.firstMatch(node: $0, regime: regime, channel: channel, source: source, locality: locality) }
                            let after = newNode.map { newSide.firstMatch(node: $0, regime: regime, channel: channel, source: source, locality: locality) }
                            // nil: no such node; -1: no rule.
                            let key = (Int64(before.map { $0 + 1 } ?? -1) << 32) ^ Int64(after.map { $0 + 1 } ?? -1) & 0xFFFF_FFFF
                            byRules[key * 2 + (regime == .message ? 1 : 0), default: []].append(point)
                        }
                    }
                }
            }
            for (key, members) in byRules {
                let regime: Regime = key & 1 == 1 ? .message : .appeal
                let combined = key >> 1
                let beforeRule = Int(combined >> 32), afterRule = Int(Int32(truncatingIfNeeded: combined))
                let before = oldNode.map { oldSide.outcome($0, rule: beforeRule - 1, regime: regime) }
                let after = newNode.map { newSide.outcome($0, rule: afterRule - 1, regime: regime) }
                if let before, let after, before.same(after) { continue }
                if before == nil, after == nil { continue }
                changed[Pair(old: before?.text ?? "not in the tree", new: after?.text ?? "not in the tree"), default: []] += members
            }
            for (pair, members) in changed {
                let key = Row(dims: dimensions.describe(points: members), old: pair.old, new: pair.new)
                rows[key, default: ([], 0)].nodes.append(path)
                rows[key]!.points += members.count
            }
        }
        return rows.map { row, value in
            let nodes = value.nodes.sorted()
            let shown = nodes.count > 6 ? nodes.prefix(6).joined(separator: ", ") + " and \(nodes.count - 6) more" : nodes.joined(separator: ", ")
            return PolicyDiff.RoutingChange(cases: shown + (row.dims.isEmpty ? "" : ", " + row.dims), old: row.old, new: row.new, points: value.points)
        }.sorted { ($0.cases, $0.old, $0.new) < ($1.cases, $1.old, $1.new) }
    }

    /// One side's routing read with the joint dimensions' indexes.
    struct SideView {
        let policy: CompiledPolicy
        let sourceIDs: [Int32]
        let localityIDs: [Int32]

        init(_ policy: CompiledPolicy, sources: [String], localities: [String]) {
            self.policy = policy
            sourceIDs = sources.map { $0 == RoutingComparison.otherValue ? -1 : policy.routing.sourceIDs[$0] ?? -1 }
            localityIDs = localities.map { $0 == RoutingComparison.otherValue ? -1 : policy.routing.localityIDs[$0] ?? -1 }
        }

        /// The index of the first matching rule, or -1 (the same trial as `RoutingIndex.firstMatch`).
        func firstMatch(node: Int, regime: Regime, channel: Channel, source: Int, locality: Int) -> Int {
            let routing = policy.routing
            let sourceID = sourceIDs[source], localityID = localityIDs[locality]
            for candidate in routing.candidates[node] {
                let rule = routing.rules[Int(candidate)]
                if rule.regimeMask != 0, rule.regimeMask & regime.bit == 0 { continue }
                if rule.channelMask != 0, rule.channelMask & channel.bit == 0 { continue }
                if !rule.sources.isEmpty, !rule.sources.contains(sourceID) { continue }
                if !rule.localities.isEmpty, !rule.localities.contains(localityID) { continue }
                return Int(candidate)
            }
            return -1
        }

        /// What `route` reports for a first match (`rule` -1: none) at `node` in `regime`.
        func outcome(_ node: Int, rule index: Int, regime: Regime) -> Outcome {
            let row = policy.tables.nodes[node]
            let nodeTerm = regime == .message ? row.messageTerm : row.appealTerm
            guard index >= 0 else { return Outcome(target: "coordinator", fastTrack: false, term: nodeTerm.description, rule: "no rule") }
            let rule = policy.routing.rules[index]
            return Outcome(
                target: rule.assigneeLogin ?? "coordinator", fastTrack: rule.isFastTrack, term: (rule.term ?? nodeTerm).description,
                rule: (rule.isFastTrack ? "fast-track " : "auto-rule ") + rule.id
            )
        }
    }

    struct Pair: Hashable { var old: String; var new: String }

    /// The outcome through `route` itself (the reference the fast path above is tested against).
    func outcome(_ policy: CompiledPolicy, _ path: String, _ point: Dimensions.Point) -> Outcome? {
        guard policy.nodeIndex(path) != nil else { return nil }
        let attributes = CaseAttributes(
            node: path, regime: point.regime, channel: point.channel,
            source: point.source == RoutingComparison.otherValue ? nil : point.source,
            locality: point.locality == RoutingComparison.otherValue ? nil : point.locality
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
        let left = old.routing.candidates[oldNode], right = new.routing.candidates[newNode]
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { oldSignatures[Int($0)] == newSignatures[Int($1)] }
    }

    private static func signatures(_ index: RoutingIndex) -> [String] {
        let sourceNames = Dictionary(uniqueKeysWithValues: index.sourceIDs.map { ($1, $0) })
        let localityNames = Dictionary(uniqueKeysWithValues: index.localityIDs.map { ($1, $0) })
        return index.rules.map { signature($0, sourceNames: sourceNames, localityNames: localityNames) }
    }

    private static func signature(_ value: RoutingIndex.Rule, sourceNames: [Int32: String], localityNames: [Int32: String]) -> String {
        return "\(value.isFastTrack)|\(value.regimeMask)|\(value.channelMask)|\(value.sources.compactMap { sourceNames[$0] }.sorted())|\(value.localities.compactMap { localityNames[$0] }.sorted())|\(value.assigneeLogin ?? "-")|\(value.term?.description ?? "-")"
    }
}

/// The non-node dimensions of the match space and how to describe a subset of them.
struct Dimensions {
    struct Point: Hashable {
        var regime: Regime
        var channel: Channel
        var source: String
        var locality: String
    }

    let sources: [String]
    let localities: [String]
    let all: [Point]

    init(sources: [String], localities: [String]) {
        self.sources = sources
        self.localities = localities
        var points: [Point] = []
        for regime in Regime.allCases {
            for channel in Channel.allCases {
                for source in sources {
                    for locality in localities { points.append(Point(regime: regime, channel: channel, source: source, locality: locality)) }
                }
            }
        }
        all = points
    }

    /// ``describe(_:)`` of the points at these indexes of `all` (distinct).
    func describe(points indexes: [Int]) -> String {
        if indexes.count == all.count { return "" }
        let l = localities.count, s = sources.count, c = Channel.allCases.count
        var regimes = Set<Int>(), channels = Set<Int>(), usedSources = Set<Int>(), usedLocalities = Set<Int>()
        for index in indexes {
            usedLocalities.insert(index % l)
            usedSources.insert(index / l % s)
            channels.insert(index / (l * s) % c)
            regimes.insert(index / (l * s * c))
        }
        if regimes.count * channels.count * usedSources.count * usedLocalities.count != indexes.count {
            return describe(Set(indexes.map { all[$0] }))
        }
        var parts: [String] = []
        if regimes.count < Regime.allCases.count { parts.append("regime " + regimes.map { Regime.allCases[$0].rawValue }.sorted().joined(separator: "/")) }
        if channels.count < Channel.allCases.count { parts.append("channel " + channels.map { Channel.allCases[$0].rawValue }.sorted().joined(separator: "/")) }
        if usedSources.count < sources.count { parts.append("source " + usedSources.map { sources[$0] }.sorted().map(name).joined(separator: "/")) }
        if usedLocalities.count < localities.count { parts.append("locality " + usedLocalities.map { localities[$0] }.sorted().map(name).joined(separator: "/")) }
        return parts.joined(separator: ", ")
    }

    /// "" for every case of the node; else the values per dimension when the set is a product of
    /// them, else an explicit list.
    func describe(_ set: Set<Point>) -> String {
        if set.count == all.count { return "" }
        let regimes = Set(set.map(\.regime)), channels = Set(set.map(\.channel))
        let usedSources = Set(set.map(\.source)), usedLocalities = Set(set.map(\.locality))
        if regimes.count * channels.count * usedSources.count * usedLocalities.count == set.count {
            var parts: [String] = []
            if regimes.count < Regime.allCases.count { parts.append("regime " + regimes.map(\.rawValue).sorted().joined(separator: "/")) }
            if channels.count < Channel.allCases.count { parts.append("channel " + channels.map(\.rawValue).sorted().joined(separator: "/")) }
            if usedSources.count < sources.count { parts.append("source " + usedSources.sorted().map(name).joined(separator: "/")) }
            if usedLocalities.count < localities.count { parts.append("locality " + usedLocalities.sorted().map(name).joined(separator: "/")) }
            return parts.joined(separator: ", ")
        }
        let listed = set.sorted { "\($0)" < "\($1)" }.prefix(4).map { "\($0.regime.rawValue)/\($0.channel.rawValue)/\(name($0.source))/\(name($0.locality))" }
        return "cases " + listed.joined(separator: "; ") + (set.count > 4 ? "; … (\(set.count) combinations)" : "")
    }

    private func name(_ value: String) -> String {
        value == RoutingComparison.otherValue ? "any other" : value
    }
}
