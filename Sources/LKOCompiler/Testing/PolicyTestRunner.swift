import LKOLanguage
import LKOCalendar

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
        /// What actually happened, with the explanation, when it failed.
        public var detail: String
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
                var result = Result(test: test.name, expectation: expectation.text, position: position, passed: false, detail: "")
                let attributes = expectation.attributes
                let node = attributes.node.flatMap(policy.nodeIndex)
                switch expectation.kind {
                case .decision(let allow, let login, let action):
                    let explanation = policy.explain(login: login, action: action, node: node, assignee: attributes.assignee, on: date)
                    let fast = policy.decide(login: login, action: action, node: node, assignee: attributes.assignee, on: date)
                    result.passed = explanation.allowed == allow && fast == allow
                    result.detail = explanation.lines.joined(separator: "\n")
                case .route(let target, let viaKind, let viaID):
                    guard let decision = policy.route(attributes, on: date) else {
                        result.detail = "the case names no known node"
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
                    result.detail = "routed to " + decision.summary
                }
                results.append(result)
            }
        }
        return Report(results: results)
    }
}
