import LKOCalendar

/// What a decision or a routing needs to know about one case.
///
/// The workflow builds this from a stored case; `lko explain`, `lko authorize` and policy tests
/// build it from their input. Only `node` matters for permissions (with `assignee` for the
/// assigned scopes); routing also reads regime, channel, source and locality.
public struct CaseAttributes: Sendable, Hashable {
    /// Node path: `roads.potholes` or `roads.potholes.pit` (a category alone is allowed too).
    public var node: String?
    public var regime: Regime?
    public var channel: Channel?
    /// A source code such as `MED_DOC_EPGU`.
    public var source: String?
    public var locality: String?
    /// The login the case is assigned to, if any.
    public var assignee: String?

    public init(node: String? = nil, regime: Regime? = nil, channel: Channel? = nil, source: String? = nil, locality: String? = nil, assignee: String? = nil) {
        self.node = node
        self.regime = regime
        self.channel = channel
        self.source = source
        self.locality = locality
        self.assignee = assignee
    }

    /// A one-line description for messages: `roads.potholes, message, via widget, assigned to x`.
    public var summary: String {
        var parts = [node ?? "no category"]
        if let regime { parts.append(regime.rawValue) }
        if let channel { parts.append("via \(channel.rawValue)") }
        if let source { parts.append("source \(source)") }
        if let locality { parts.append("in \(locality)") }
        parts.append(assignee.map { "assigned to \($0)" } ?? "unassigned")
        return parts.joined(separator: ", ")
    }
}
