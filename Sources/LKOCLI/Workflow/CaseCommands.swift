import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Cases: import from ПОС, list, show, and act on them.",
        discussion: """
        Every action passes one gate: the active policy must allow it to you on this case, the \
        case's state must allow it (docs/workflow.md), and whoever drafted or submitted an \
        answer cannot approve or return it. Denials are explained and audited.
        """,
        subcommands: [
            CaseImport.self, CaseList.self, CaseShow.self, CaseHistory.self,
            CaseAssign.self, CaseReassign.self, CaseDraft.self, CaseSubmit.self, CaseApprove.self, CaseReturn.self,
            CaseRedirect.self, CaseExtend.self, CaseReopen.self,
        ]
    )
}

/// Opens the database, authenticates, and builds the workflow under the active policy.
struct WorkflowContext {
    let store: Store
    let actor: Account
    let workflow: Workflow

    init(_ database: DatabaseOptions) throws {
        store = try database.open()
        actor = try database.actor(in: store)
        workflow = try Workflow(store: store, resolver: DelegationResolver())
    }
}

struct CaseImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cases from a ПОС export (JSON Lines; see docs/import.md).",
        discussion: "Idempotent by ПОС number. Bad lines are reported with their number and reason while good lines go in; exit 1 if any line was bad."
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The file, or - for standard input.") var file: String
    @Flag(help: "JSON summary.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            // Importing is the platform's feed: the coordinator (assign on any) or the
            // administrator (manage_policy) may run it.
            let policy = context.workflow.policy
            let day = context.workflow.today
            if ![.assign, .managePolicy].contains(where: { policy.decide(login: context.actor.login, action: $0, node: nil, assignee: nil, on: day) }) {
                try context.store.authorize(context.actor, .assign)
            }
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: "cannot read \(file)") }
                data = contents
            }
            let showProgress = Terminal.stderrIsTerminal && data.count > 200_000
            let report = try CaseImporter(workflow: context.workflow).run(data, actor: context.actor.login) { done, total in
                if showProgress { FileHandle.standardError.write(Data("\rimporting: \(done)/\(total) lines".utf8)) }
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            for bad in report.bad { Terminal.err("\(file):\(bad.line): \(bad.reason)") }
            if json { try Terminal.json(report) } else {
                Terminal.out("imported \(report.inserted) new, \(report.moderated) moderated, \(report.unchanged) unchanged, \(report.bad.count) bad line(s)")
            }
            if !report.bad.isEmpty { throw ExitCode.failure }
        }
    }
}

struct CaseList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cases you may view.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Only cases in this state: \(CaseState.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "state")) var state: String?
    @Option(help: "Only cases assigned to this login.") var assignee: String?
    @Flag(help: "Only open cases past their deadline.") var overdue = false
    @Flag(help: "JSON output.") var json = false

    func validate() throws {
        if let state, CaseState(rawValue: state) == nil {
            throw ValidationError("unknown state `\(state)`; states: \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let cases = try context.workflow.cases(visibleTo: context.actor, filter: .init(state: state.flatMap(CaseState.init(rawValue:)), assignee: assignee, overdueOnly: overdue))
            if json { try Terminal.json(cases.map(CaseSummaryJSON.init)); return }
            for record in cases {
                Terminal.out("\(record.posNumber)\t\(record.state.rawValue)\t\(record.node)\t\(record.regime.rawValue)\t\(record.assignee ?? "coordinator")\tdeadline \(record.deadline ?? "-")")
            }
            Terminal.err("\(cases.count) case(s)")
        }
    }
}

/// What `case list --json` shows: no personal data.
struct CaseSummaryJSON: Encodable {
    var posNumber, state, node, regime: String
    var assignee: String?
    var deadline: String?
    var fastTrack: Bool

    init(_ record: CaseRecord) {
        posNumber = record.posNumber
        state = record.state.rawValue
        node = record.node
        regime = record.regime.rawValue
        assignee = record.assignee
        deadline = record.deadline
        fastTrack = record.fastTrack
    }
}

struct CaseShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one case (needs view on it).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let (record, _) = try context.workflow.caseDetail(number, for: context.actor)
            if json { try Terminal.json(record); return }
            let node = context.workflow.policy.nodeIndex(record.node).map { context.workflow.policy.node($0).title } ?? ""
            Terminal.out("""
            case \(record.posNumber)\(record.epguNumber.map { " (ЕПГУ \($0))" } ?? "")
              state        \(record.state.rawValue) — \(record.state.title)
              category     \(record.node) «\(node)»
              regime       \(record.regime == .appeal ? "appeal (обращение, 59-ФЗ)" : "message (сообщение)")\(record.fastTrack ? ", fast-track" : "")
              channel      \(record.channel?.rawValue ?? "-")\(record.source.map { ", source \($0)" } ?? "")
              locality     \(record.locality ?? "-")  \(record.address)
              received     \(record.receivedOn); moderation entry \(record.moderationOn)
              term         \(record.term)\(record.extensionDays > 0 ? " + \(record.extensionDays) days extension" : "")
              deadline     \(record.deadline ?? "-")\(record.deadlineNote.map { " (\($0))" } ?? "")
              assignee     \(record.assignee ?? "coordinator")\(record.originalAssignee.map { " (for \($0))" } ?? "")
              routed by    \(record.routedBy)
              applicant    \(record.applicantName) \(record.applicantContacts)
              description  \(record.description)
            """ + (record.answer.map { "\n  answer       \($0)" } ?? ""))
        }
    }
}

struct CaseHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "The full history of a case: who, when, acting for whom, from → to.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let (_, events) = try context.workflow.caseDetail(number, for: context.actor)
            if json { try Terminal.json(events); return }
            for event in events {
                let who = event.actor + (event.actingFor.map { " (for \($0))" } ?? "")
                Terminal.out("\(event.at)  \(who)  \(event.action)  \(event.fromState ?? "-") → \(event.toState)" + (event.assigneeAfter != event.assigneeBefore ? "  assignee \(event.assigneeBefore ?? "-") → \(event.assigneeAfter ?? "-")" : "") + (event.comment.isEmpty ? "" : "  — \(event.comment)"))
            }
        }
    }
}

/// The shape shared by every action verb.
protocol CaseActionCommand: ParsableCommand {
    var database: DatabaseOptions { get }
    var number: String { get }
    static var action: CaseAction { get }
    var input: Workflow.ActionInput { get }
}

extension CaseActionCommand {
    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let record = try context.workflow.perform(Self.action, on: number, by: context.actor, input: input)
            Terminal.out("case \(record.posNumber): \(record.state.rawValue) — \(record.state.title)" + (record.assignee.map { ", assignee \($0)" } ?? "") + (record.deadline.map { ", deadline \($0)" } ?? ""))
        }
    }
}

struct CaseAssign: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a received case to an executor (coordinator).")
    static let action = CaseAction.assign
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "The executor's login.") var to: String
    var input: Workflow.ActionInput { .init(target: to) }
}

struct CaseReassign: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "reassign", abstract: "Give a case to another executor.")
    static let action = CaseAction.reassign
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "The executor's login.") var to: String
    var input: Workflow.ActionInput { .init(target: to) }
}

struct CaseDraft: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "draft", abstract: "Write (or rewrite) the answer.")
    static let action = CaseAction.draft
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "The answer text.") var text: String?
    @Option(help: "Read the answer text from this file.") var file: String?

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError("give the answer with exactly one of --text or --file") }
        if let file, FileManager.default.contents(atPath: file) == nil { throw ValidationError("cannot read \(file)") }
    }

    var input: Workflow.ActionInput {
        .init(text: text ?? file.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) })
    }
}

struct CaseSubmit: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Send the answer for approval.")
    static let action = CaseAction.submit
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    var input: Workflow.ActionInput { .init() }
}

struct CaseApprove: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve the answer: it goes to the applicant at once (order item 12).")
    static let action = CaseAction.approve
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "A comment.") var comment: String?
    var input: Workflow.ActionInput { .init(text: comment) }
}

struct CaseReturn: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Return the answer for revision.")
    static let action = CaseAction.return
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "What to fix.") var comment: String
    var input: Workflow.ActionInput { .init(text: comment) }
}

struct CaseRedirect: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "redirect", abstract: "Redirect a case outside the organization's competence.")
    static let action = CaseAction.redirect
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "The organization it goes to.") var to: String
    @Option(help: "A comment.") var comment: String?
    var input: Workflow.ActionInput { .init(target: to, text: comment) }
}

struct CaseExtend: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: "Extend an appeal's term once, by up to 30 days, with a reason.")
    static let action = CaseAction.extend
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "Days to add (1…30).") var days: Int
    @Option(help: "The reason (the applicant gets an interim answer).") var comment: String
    var input: Workflow.ActionInput { .init(text: comment, days: days) }
}

struct CaseReopen: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Re-examine an answered case (back to the coordinator).")
    static let action = CaseAction.reopen
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: "Why.") var comment: String?
    var input: Workflow.ActionInput { .init(text: comment) }
}
