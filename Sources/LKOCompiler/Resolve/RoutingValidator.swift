import LKOLanguage
import LKOMessages

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
            let box = space.box(of: rule, policy: policy)
            let nodes = box.nodes.members.map { space.pointNodes[$0] }
            if let login = rule.assigneeLogin {
                let uncovered = nodes.filter { policy.executorGrants(of: login, covering: $0).isEmpty }
                if let first = uncovered.first {
                    let arguments: [String: Message.Argument] = [
                        "rule": DiagnosticText.rule(rule.id, isFastTrack: rule.isFastTrack), "login": .text(login),
                        "role": .text(tables.organization.executorRole), "path": .text(tables.nodes[first].path),
                        "more": DiagnosticText.andMore(uncovered.count - 1),
                    ]
                    found.append(Diagnostic(
                        .targetNotExecutor, Message(.diagTargetNotExecutor, arguments),
                        at: span, label: Message(.diagAssignsNonExecutor), help: Message(.diagTargetNotExecutorHelp, arguments)
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
                        found.append(Diagnostic(.acceleratedTermTooLong, Message(.diagFastTrackAccelerated, ["id": .text(rule.id), "term": DiagnosticText.term(term), "path": .text(row.path)]), at: span, label: Message(.diagOver10Days), help: Message(.diagAcceleratedHelp)))
                        break check
                    }
                    // A working-day term spans at least as many calendar days, so it is too long
                    // whenever its count alone exceeds a calendar-day term.
                    let comparable = term.unit == nodeTerm.unit || (term.unit == .working && nodeTerm.unit == .calendar)
                    if comparable, term.days > nodeTerm.days {
                        let nodeTermText = DiagnosticText.term(nodeTerm)
                        let regimeText: Message.Argument = .catalog(regime == .appeal ? .diagRegimeAppeal : .diagRegimeMessage)
                        found.append(Diagnostic(.fastTrackTermTooLong, Message(.diagFastTrackTermLonger, ["id": .text(rule.id), "term": DiagnosticText.term(term), "nodeTerm": nodeTermText, "path": .text(row.path), "regime": regimeText]), at: span, label: Message(.diagLongerThanCategory), help: Message(.diagFastTrackTermLongerHelp, ["nodeTerm": nodeTermText])))
                        break check
                    }
                }
            }
        }
        return found
    }
}
