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
