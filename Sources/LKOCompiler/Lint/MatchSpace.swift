import LKOMessages

/// The finite space of cases that routing distinguishes, and rules as boxes in it.
///
/// A case that reaches routing is a point (node, regime, channel, source, locality). Nodes are
/// the subcategories and facts (and categories without subcategories); sources and localities
/// are the values some rule names, plus one "any other" value each. A rule matches a box: one set
/// per dimension. Questions such as "can this rule ever fire" are then exact set algebra on
/// boxes — no sampling, no reading of rule text.
struct MatchSpace: Sendable {
    /// Node index of each point.
    let pointNodes: [Int]
    /// Node index → point index (nil for categories with children).
    let pointOfNode: [Int?]
    let sources: [String]
    let localities: [String]
    /// pointsBefore[i]: the points among nodes 0..<i (a subtree's points are consecutive).
    let pointsBefore: [Int32]

    struct Box: Hashable, Sendable {
        var nodes: PointSet
        var regimes: UInt8
        var channels: UInt8
        var sources: BitSet
        var localities: BitSet

        var isEmpty: Bool {
            regimes == 0 || channels == 0 || nodes.isEmpty || sources.isEmpty || localities.isEmpty
        }

        func intersection(_ other: Box) -> Box {
            Box(nodes: nodes.intersection(other.nodes), regimes: regimes & other.regimes, channels: channels & other.channels,
                sources: sources.intersection(other.sources), localities: localities.intersection(other.localities))
        }

        func intersects(_ other: Box) -> Bool {
            regimes & other.regimes != 0 && channels & other.channels != 0 && nodes.intersects(other.nodes)
                && sources.intersects(other.sources) && localities.intersects(other.localities)
        }

        /// `self − other` as at most five disjoint boxes.
        func subtracting(_ other: Box) -> [Box] {
            guard intersects(other) else { return [self] }
            var pieces: [Box] = []
            var rest = self
            let nodesOutside = rest.nodes.subtracting(other.nodes)
            if !nodesOutside.isEmpty { var piece = rest; piece.nodes = nodesOutside; pieces.append(piece) }
            rest.nodes = rest.nodes.intersection(other.nodes)
            let regimesOutside = rest.regimes & ~other.regimes
            if regimesOutside != 0 { var piece = rest; piece.regimes = regimesOutside; pieces.append(piece) }
            rest.regimes &= other.regimes
            let channelsOutside = rest.channels & ~other.channels
            if channelsOutside != 0 { var piece = rest; piece.channels = channelsOutside; pieces.append(piece) }
            rest.channels &= other.channels
            let sourcesOutside = rest.sources.subtracting(other.sources)
            if !sourcesOutside.isEmpty { var piece = rest; piece.sources = sourcesOutside; pieces.append(piece) }
            rest.sources = rest.sources.intersection(other.sources)
            let localitiesOutside = rest.localities.subtracting(other.localities)
            if !localitiesOutside.isEmpty { var piece = rest; piece.localities = localitiesOutside; pieces.append(piece) }
            return pieces
        }
    }

    init(policy: CompiledPolicy) {
        let nodes = policy.tables.nodes
        var pointNodes: [Int] = []
        var pointOfNode = [Int?](repeating: nil, count: nodes.count)
        for node in nodes where node.level != "category" || node.subtreeEnd == node.index + 1 {
            pointOfNode[node.index] = pointNodes.count
            pointNodes.append(node.index)
        }
        self.pointNodes = pointNodes
        self.pointOfNode = pointOfNode
        var before = [Int32](repeating: 0, count: nodes.count + 1)
        for index in nodes.indices { before[index + 1] = before[index] + (pointOfNode[index] == nil ? 0 : 1) }
        self.pointsBefore = before
        self.sources = policy.routing.sourceIDs.sorted { $0.value < $1.value }.map(\.key)
        self.localities = policy.routing.localityIDs.sorted { $0.value < $1.value }.map(\.key)
    }

    static let allRegimes: UInt8 = 0b11
    static let allChannels: UInt8 = 0b111

    /// Every point of a node's subtree.
    func points(inSubtreeOf node: Int, policy: CompiledPolicy) -> BitSet {
        var set = BitSet(count: pointNodes.count)
        for index in node..<policy.tables.nodes[node].subtreeEnd {
            if let point = pointOfNode[index] { set.insert(point) }
        }
        return set
    }

    func box(of rule: RoutingIndex.Rule, policy: CompiledPolicy) -> Box {
        var nodes = PointSet(count: pointNodes.count, filled: rule.ranges.isEmpty)
        for range in rule.ranges {
            nodes.insert(pointsBefore[Int(range.start)]..<pointsBefore[Int(range.end)])
        }
        // The extra last member of the source and locality sets is "any value no rule names".
        var sourceSet = BitSet(count: sources.count + 1, filled: rule.sources.isEmpty)
        for id in rule.sources { sourceSet.insert(Int(id)) }
        var localitySet = BitSet(count: localities.count + 1, filled: rule.localities.isEmpty)
        for id in rule.localities { localitySet.insert(Int(id)) }
        return Box(
            nodes: nodes,
            regimes: rule.regimeMask == 0 ? MatchSpace.allRegimes : rule.regimeMask,
            channels: rule.channelMask == 0 ? MatchSpace.allChannels : rule.channelMask,
            sources: sourceSet, localities: localitySet
        )
    }

    /// A readable description of one point of a box, as an example for a message:
    /// "subcategory roads.potholes, regime message" / "подкатегория roads.potholes, режим message".
    func exampleText(_ box: Box, policy: CompiledPolicy) -> Message.Argument {
        var parts: [Message] = []
        if let point = box.nodes.first {
            let node = policy.tables.nodes[pointNodes[point]]
            parts.append(Message(.lintExampleNode, ["level": DiagnosticText.level(node.level), "path": .text(node.path)]))
        }
        if box.regimes != MatchSpace.allRegimes { parts.append(Message(.lintExampleRegime, ["regime": .text(box.regimes & 1 != 0 ? "appeal" : "message")])) }
        if box.channels != MatchSpace.allChannels {
            parts.append(Message(.lintExampleChannel, ["channel": .text(Channel.allCases.first { box.channels & $0.bit != 0 }?.rawValue ?? "?")]))
        }
        if let source = box.sources.first, box.sources.memberCount < sources.count + 1 {
            parts.append(source < sources.count ? Message(.lintExampleSource, ["source": .text(sources[source])]) : Message(.lintExampleOtherSource))
        }
        if let locality = box.localities.first, box.localities.memberCount < localities.count + 1 {
            parts.append(locality < localities.count ? Message(.lintExampleLocality, ["locality": .text(localities[locality])]) : Message(.lintExampleOtherLocality))
        }
        return .messages(parts, separator: ", ")
    }

    /// ``exampleText(_:policy:)`` in English.
    func example(_ box: Box, policy: CompiledPolicy) -> String {
        Message(.verbatim, ["text": exampleText(box, policy: policy)]).render(.en)
    }
}
