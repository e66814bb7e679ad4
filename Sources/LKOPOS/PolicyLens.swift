import LKOCalendar
import LKOCompiler

/// The policy as the export checks read it: routing over what an export row knows (no channel,
/// no locality), with an answer that says when a rule's unknown condition makes it uncertain.
public struct PolicyLens: Sendable {
    public let policy: CompiledPolicy
    let candidates: [String: [(kind: String, rule: RuleRow)]]
    let nodes: [String: NodeRow]

    public init(policy: CompiledPolicy) {
        self.policy = policy
        var nodes: [String: NodeRow] = [:]
        for node in policy.tables.nodes { nodes[node.path] = node }
        self.nodes = nodes
        let fast = Dictionary(uniqueKeysWithValues: policy.tables.fastTracks.map { ($0.id, $0) })
        let auto = Dictionary(uniqueKeysWithValues: policy.tables.autoRules.map { ($0.id, $0) })
        var candidates: [String: [(String, RuleRow)]] = [:]
        for route in policy.tables.routes.sorted(by: { ($0.node, $0.order) < ($1.node, $1.order) }) {
            guard let rule = route.kind == "fasttrack" ? fast[route.rule] : auto[route.rule] else { continue }
            candidates[route.node, default: []].append((route.kind, rule))
        }
        self.candidates = candidates
    }

    public struct Match: Sendable {
        public var kind: String
        public var rule: RuleRow
    }

    public struct Routing: Sendable {
        /// The first rule that surely matches, or nil (the coordinator decides).
        public var match: Match?
        /// False when a rule tried before it has a condition the export cannot tell (channel,
        /// locality, or a source when the export has none): the answer may differ.
        public var certain: Bool
    }

    /// Where the policy routes a row, by the rules tried in order.
    public func route(node: String, regime: Regime?, source: String?, onlyFastTracks: Bool = false) -> Routing {
        var certain = true
        for (kind, rule) in candidates[node] ?? [] {
            if onlyFastTracks, kind != "fasttrack" { break }
            var verdict: Bool? = true
            if !rule.regimes.isEmpty { verdict = regime.map { rule.regimes.contains($0.rawValue) } }
            if verdict != false, !rule.sources.isEmpty {
                let known = source.map { value in rule.sources.contains { TextKey.normalized($0) == TextKey.normalized(value) } }
                verdict = verdict == nil ? (known == false ? false : nil) : known
            }
            if verdict != false, !rule.channels.isEmpty || !rule.localities.isEmpty { verdict = nil }
            switch verdict {
            case true?: return Routing(match: Match(kind: kind, rule: rule), certain: certain)
            case false?: continue
            case nil: certain = false
            }
        }
        return Routing(match: nil, certain: certain)
    }

    public func node(_ path: String) -> NodeRow? { nodes[path] }

    /// The term of a node for a regime, and the source line that sets it (the nearest node with
    /// its own term, else the organization).
    public func term(node path: String, regime: Regime) -> (term: TermValue, position: String)? {
        guard let row = nodes[path] else { return nil }
        let term = regime == .appeal ? row.appealTerm : row.messageTerm
        var current: NodeRow? = row
        while let node = current {
            if (regime == .appeal ? node.ownAppealTerm : node.ownMessageTerm) != nil { return (term, Self.fileLine(node.position)) }
            current = node.parent.map { policy.tables.nodes[$0] }
        }
        return (term, Self.fileLine(policy.tables.organization.position))
    }

    /// `Policies/grants.lko:16:1` → `Policies/grants.lko:16`.
    public static func fileLine(_ position: String) -> String {
        let parts = position.split(separator: ":")
        guard parts.count >= 3, Int(parts[parts.count - 1]) != nil, Int(parts[parts.count - 2]) != nil else { return position }
        return parts.dropLast().joined(separator: ":")
    }

    /// The titles of a node's path: «Автомобильные дороги / Ямы и выбоины на дорогах».
    public func titlePath(_ path: String) -> String {
        var titles: [String] = []
        var current = nodes[path]
        while let node = current {
            titles.insert(node.title, at: 0)
            current = node.parent.map { policy.tables.nodes[$0] }
        }
        return titles.joined(separator: " / ")
    }
}
