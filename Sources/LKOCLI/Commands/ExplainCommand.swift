import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOMessages
import LKOStore
import LKOWorkflow

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: L(.helpExplainAbstract),
        discussion: L(.helpExplainDiscussion)
    )

    @Argument(help: ArgumentHelp(L(.explainArgLogin)))
    var login: String

    @Argument(help: ArgumentHelp(L(.explainArgAction), valueName: "action"))
    var action: Action

    @Option(help: ArgumentHelp(L(.explainOptSubcategory), valueName: "path"))
    var subcategory: String?

    @Option(help: ArgumentHelp(L(.explainOptCategory), valueName: "id"))
    var category: String?

    @Option(help: ArgumentHelp(L(.explainOptAssignee), valueName: "login"))
    var assignee: String?

    @Option(help: ArgumentHelp(L(.explainOptAt), valueName: "date"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp(L(.explainOptPolicy), valueName: "dir"))
    var policy: String = "Policies"

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp(L(.explainOptDb), valueName: "path"))
    var db: String?

    func run() throws {
        let format = try output.resolve([.text, .json])
        let (_, compiled) = try PolicyLoading(path: policy, lint: false).compileOrFail()
        var node: Int?
        if subcategory != nil || category != nil {
            guard let found = compiled.nodeIndex(category: category, subcategory: subcategory) else {
                let paths = compiled.tables.nodes.map(\.path)
                let asked = subcategory ?? category ?? ""
                let hint = Suggestions.closest(to: asked, in: paths).map { "; " + L(.didYouMean, ["suggestion": $0]) } ?? ""
                throw CommandFailure(message: L(.explainUnknownNode, ["node": asked]) + hint)
            }
            node = found
        }
        let date = at ?? Today.date(in: compiled.tables.organization.timeZone)
        var absences: [AbsenceFact] = []
        if let db {
            let store = try Store.open(path: db)
            absences = try store.read { try AbsenceDerivedRights.facts($0) }
        }
        let explanation = compiled.explain(login: login, action: action, node: node, assignee: assignee, on: date, absences: absences)
        if format == .json {
            try Terminal.document(ExplainJSON(explanation))
        } else {
            Terminal.out(explanation.lines(in: Language.current).joined(separator: "\n"))
            if !compiled.hasLogin(login) { Terminal.warning(L(.explainLoginUnknown, ["login": login])) }
        }
        if !explanation.allowed { throw ExitCode.denied }
    }
}

/// `lko explain --format json`: codes and facts, the same in every language (the text
/// output follows `LKO_LANG`).
struct ExplainJSON: Encodable {
    var decision: String
    var login: String
    var action: String
    var date: String
    /// The case's node and assignee, as asked.
    var node: String?
    var assignee: String?
    /// The grant that allows it, or the closest one that does not.
    var grant: Int?
    var grantPosition: String?
    var role: String?
    var rulePosition: String?
    var scope: String?
    /// A denial's code (`role_lacks_action`, `grant_expired`, … docs/review.md).
    var reason: String?
    /// The denial's facts: the dates of a grant not yet valid or expired, the nodes a grant
    /// covers, the roles that do allow the action.
    var validFrom: String?
    var validUntil: String?
    var grantNodes: [String]?
    var rolesAllowing: [String]?
    var via: String?

    init(_ explanation: DecisionExplanation) {
        via = explanation.derived?.source
        decision = explanation.allowed ? "allow" : "deny"
        login = explanation.login
        action = explanation.action.rawValue
        date = explanation.date.description
        node = explanation.node
        assignee = explanation.assignee
        grant = explanation.match?.grant ?? explanation.denial?.grant
        grantPosition = explanation.match?.grantPosition ?? explanation.derived?.grantPosition ?? explanation.denial?.grantPosition
        role = explanation.match?.role ?? explanation.derived?.role ?? explanation.denial?.role
        rulePosition = explanation.match?.rulePosition ?? explanation.denial?.rulePosition
        scope = explanation.match?.scope.rawValue ?? explanation.derived?.scope.rawValue ?? explanation.denial?.scope?.rawValue
        grantNodes = explanation.match?.grantNodes ?? explanation.derived?.nodes
        if let denial = explanation.denial {
            reason = denial.reason.code
            switch denial.reason {
            case .notYetValid(let from): validFrom = from
            case .expired(let until): validUntil = until
            case .notInGrantedNodes(let nodes): grantNodes = nodes
            case .roleLacksAction: rolesAllowing = denial.rolesAllowing
            default: break
            }
        }
    }
}
