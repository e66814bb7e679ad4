import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOWorkflow

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: L(.helpExplainAbstract),
        discussion: L(.helpExplainDiscussion)
    )

    @Argument(help: "The login asking.")
    var login: String

    @Argument(help: ArgumentHelp("The action: \(Action.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "action"))
    var action: Action

    @Option(help: ArgumentHelp("The case's subcategory (`roads.potholes`) or fact (`roads.potholes.carriageway`).", valueName: "path"))
    var subcategory: String?

    @Option(help: ArgumentHelp("The case's category, when the request names only a category.", valueName: "id"))
    var category: String?

    @Option(help: ArgumentHelp("The login the case is assigned to (omit for an unassigned case).", valueName: "login"))
    var assignee: String?

    @Option(help: ArgumentHelp("The date of the decision (default: today).", valueName: "date"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp("The policy folder.", valueName: "dir"))
    var policy: String = "Policies"

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Also apply the absences recorded in this lko database: an eligible substitute's rights (`substitute … for …`) show with the absence they come from.", valueName: "path"))
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
            Terminal.out(explanation.lines.joined(separator: "\n"))
            if !compiled.hasLogin(login) { Terminal.warning(L(.explainLoginUnknown, ["login": login])) }
        }
        if !explanation.allowed { throw ExitCode.denied }
    }
}

struct ExplainJSON: Encodable {
    var decision: String
    var login: String
    var action: String
    var date: String
    var grant: Int?
    var grantPosition: String?
    var role: String?
    var rulePosition: String?
    var scope: String?
    var reason: String?
    var message: String?
    var via: String?

    init(_ explanation: DecisionExplanation) {
        via = explanation.derived?.source
        decision = explanation.allowed ? "allow" : "deny"
        login = explanation.login
        action = explanation.action.rawValue
        date = explanation.date.description
        grant = explanation.match?.grant ?? explanation.denial?.grant
        grantPosition = explanation.match?.grantPosition
        role = explanation.match?.role ?? explanation.derived?.role
        rulePosition = explanation.match?.rulePosition
        scope = explanation.match?.scope.rawValue
        reason = explanation.denial?.reason.code
        message = explanation.denial?.message
    }
}
