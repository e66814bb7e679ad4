import LKOLanguage

/// Errors that need the compiled indexes: rule targets that are not executors for what they
/// match, and fast-track terms longer than the terms of the cases they take.
struct RoutingValidator {
    let policy: CompiledPolicy
    let spans: SpanIndex

    func run() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let tables = policy.tables
        let space = MatchSpace(policy: policy)
        for rule in policy.routing.rules {
            let span = (rule.isFastTrack ? spans.fastTracks : spans.autoRules)[rule.id] ?? .none
            let kind = rule.isFastTrack ? "fast-track" : "auto-rule"
            let box = space.box(of: rule, policy: policy)
            let nodes = box.nodes.members.map { space.pointNodes[$0] }
            if let login = rule.assigneeLogin {
                let uncovered = nodes.filter { policy.executorGrants(of: login, covering: $0).isEmpty }
                if let first = uncovered.first {
                    let more = uncovered.count > 1 ? " and \(uncovered.count - 1) more" : ""
                    found.append(Diagnostic(
                        .targetNotExecutor, "\(kind) `\(rule.id)` assigns `\(login)`, who holds no `\(tables.organization.executorRole)` grant on `\(tables.nodes[first].path)`\(more)",
                        at: span, label: "assigns a non-executor",
                        help: "add `grant \(tables.organization.executorRole) to \(login) on \(tables.nodes[first].path)` (or its category), narrow the rule, or assign someone who is an executor there"
                    ))
                }
            }
            guard rule.isFastTrack, let term = rule.term else { continue }
            let regimes = Regime.allCases.filter { box.regimes & $0.bit != 0 }
            check: for node in nodes {
                let row = tables.nodes[node]
                for regime in regimes {
                    let nodeTerm = regime == .appeal ? row.appealTerm : row.messageTerm
                    if row.accelerated, term.unit == .working || term.days > Resolver.maximumAcceleratedDays {
                        found.append(Diagnostic(.acceleratedTermTooLong, "fast-track `\(rule.id)` gives \(term) to accelerated `\(row.path)`", at: span, label: "over 10 calendar days", help: "accelerated cases are answered within at most 10 calendar days (order item 10)"))
                        break check
                    }
                    // A working-day term spans at least as many calendar days, so it is too long
                    // whenever its count alone exceeds a calendar-day term.
                    let comparable = term.unit == nodeTerm.unit || (term.unit == .working && nodeTerm.unit == .calendar)
                    if comparable, term.days > nodeTerm.days {
                        found.append(Diagnostic(.fastTrackTermTooLong, "fast-track `\(rule.id)` gives \(term), longer than the \(nodeTerm) of `\(row.path)` (\(regime.rawValue))", at: span, label: "longer than its category's term", help: "a fast-track shortens the way, never the term: use at most \(nodeTerm)"))
                        break check
                    }
                }
            }
        }
        return found
    }
}
