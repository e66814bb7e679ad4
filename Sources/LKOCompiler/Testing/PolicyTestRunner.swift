import LKOLanguage
import LKOCalendar
import LKOMessages

/// Runs the `test` blocks of a policy against its compiled tables (`lko test`).
///
/// Each expectation is decided exactly as enforcement decides it — the same `decide` and `route`
/// — so a passing test is a statement about production behaviour, not about a model of it.
public enum PolicyTestRunner {
    public struct Result: Sendable {
        public var test: String
        public var expectation: String
        public var position: String
        public var passed: Bool
        /// What actually happened, as facts: the decision with its explanation (for `expect allow`
        /// and `expect deny`).
        public var explanation: DecisionExplanation?
        /// What actually happened, as facts: where the case went (for `expect route`; nil when the
        /// case names no node).
        public var route: RouteDecision?
        /// What actually happened, as messages of the catalog: rendered when shown, in the reader's
        /// language (``detail(in:)``).
        public var messages: [Message]

        /// What actually happened, one line per message, in a language.
        public func detail(in language: Language) -> String {
            messages.map { $0.render(language) }.joined(separator: "\n")
        }

        /// What actually happened, in Russian: what the policy review of the service and the JSON
        /// of `lko test` show, whatever the reader's language.
        public var detail: String { detail(in: .ru) }
    }

    public struct Report: Sendable {
        public var results: [Result]
        public var passed: Int { results.filter(\.passed).count }
        public var failed: Int { results.count - passed }
    }

    /// `today` is used for expectations whose test and case give no `at` date.
    public static func run(_ compilation: Compilation, today: CalendarDate) -> Report {
        guard let policy = compilation.policy else { return Report(results: []) }
        var results: [Result] = []
        for test in compilation.tests {
            for expectation in test.expectations {
                let date = expectation.at ?? test.at ?? today
                let position = compilation.sources.position(of: expectation.span)
                var result = Result(test: test.name, expectation: expectation.text, position: position, passed: false, messages: [])
                let attributes = expectation.attributes
                let node = attributes.node.flatMap(policy.nodeIndex)
                switch expectation.kind {
                case .decision(let allow, let login, let action):
                    let explanation = policy.explain(login: login, action: action, node: node, assignee: attributes.assignee, on: date)
                    let fast = policy.decide(login: login, action: action, node: node, assignee: attributes.assignee, on: date)
                    result.passed = explanation.allowed == allow && fast == allow
                    result.explanation = explanation
                    result.messages = explanation.messages
                case .route(let target, let viaKind, let viaID):
                    guard let decision = policy.route(attributes, on: date) else {
                        result.messages = [Message(.diffRoutingNotInTree)]
                        break
                    }
                    var passed = decision.assignee == target
                    if let viaKind, let viaID {
                        switch decision.via {
                        case .fastTrack(let id): passed = passed && viaKind == "fasttrack" && id == viaID
                        case .autoRule(let id): passed = passed && viaKind == "autorule" && id == viaID
                        case .noRule: passed = false
                        }
                    }
                    result.passed = passed
                    result.route = decision
                    result.messages = routeMessages(decision, policy: policy, node: attributes.node ?? "", on: date)
                }
                results.append(result)
            }
        }
        return Report(results: results)
    }

    /// Where a case went, as `lko diff` shows a routing outcome — `roads_specialist (auto-rule
    /// `road_defects`, 30 calendar days)` — and, when the rule's target could not take the case,
    /// why (a second line).
    static func routeMessages(_ decision: RouteDecision, policy: CompiledPolicy, node: String, on date: CalendarDate) -> [Message] {
        let target: Message.Argument = decision.assignee.map { .text($0) } ?? .message(Message(.coordinatorQueue))
        let rule: Message
        var ruleTarget: String?
        switch decision.via {
        case .fastTrack(let id):
            rule = Message(.diffRoutingFastTrack, ["id": .text(id)])
            ruleTarget = policy.routing.rules.first { $0.isFastTrack && $0.id == id }?.assigneeLogin
        case .autoRule(let id):
            rule = Message(.diffRoutingAutoRule, ["id": .text(id)])
            ruleTarget = policy.routing.rules.first { !$0.isFastTrack && $0.id == id }?.assigneeLogin
        case .noRule:
            rule = Message(.diffRoutingNoRule)
        }
        var messages = [Message(.diffRoutingOutcome, ["target": target, "rule": .message(rule), "term": termArgument(decision.term)])]
        if decision.fallbackReason != nil, let login = ruleTarget {
            messages.append(Message(.notExecutor, ["login": .text(login), "node": .text(node), "day": .text(ReviewText.date(date))]))
        }
        return messages
    }

    /// "30 календарных дней" / "30 calendar days": the noun's forms are `|`-separated in the
    /// catalog (Russian: one, few, many; English: one, other).
    static func termArgument(_ term: TermValue) -> Message.Argument {
        let key: MessageKey = term.unit == .calendar ? .diffNounCalendarDay : .diffNounWorkingDay
        func words(_ language: Language) -> String {
            let forms = Messages.template(key, language).split(separator: "|").map(String.init)
            guard let first = forms.first else { return "\(term.days)" }
            let form: String
            switch language {
            case .ru: form = RussianPlural.form(term.days, first, forms.count > 1 ? forms[1] : first, forms.count > 2 ? forms[2] : forms.last!)
            case .en: form = term.days == 1 || forms.count < 2 ? first : forms[1]
            }
            return "\(term.days) \(form)"
        }
        return .pair(ru: words(.ru), en: words(.en))
    }
}
