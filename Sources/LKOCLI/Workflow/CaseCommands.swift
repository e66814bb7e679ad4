import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: L(.helpCaseAbstract),
        discussion: L(.helpCaseDiscussion),
        subcommands: [
            CaseImport.self, CaseList.self, CaseShow.self, CaseHistory.self,
            CaseAssign.self, CaseReassign.self, CaseDraft.self, CaseSubmit.self, CaseApprove.self, CaseReturn.self,
            CaseRedirect.self, CaseExtend.self, CaseReopen.self, CaseReclassify.self,
        ]
    )
}

struct CaseImport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: L(.helpCaseImportAbstract),
        discussion: L(.helpCaseImportDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptImportFile))) var file: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let backend = try database.backend()
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: L(.cannotRead, ["path": file])) }
                data = contents
            }
            let showProgress = Terminal.stderrIsTerminal && data.count > 200_000
            if showProgress, backend.session.isRemote { Terminal.err(L(.caseImportingRemote, ["size": "\(data.count / 1024)", "server": backend.location])) }
            let report = try backend.importCases(data) { done, total in
                if showProgress { FileHandle.standardError.write(Data(("\r" + L(.caseImportingProgress, ["done": "\(done)", "total": "\(total)"])).utf8)) }
            }
            if showProgress, !backend.session.isRemote { FileHandle.standardError.write(Data("\n".utf8)) }
            for bad in report.bad { Terminal.err("\(file):\(bad.line): \(bad.text?.render(Language.current) ?? bad.reason)") }
            if format == .json { try Terminal.document(report) } else { Terminal.out(CaseRender.importSummary(report)) }
            if !report.bad.isEmpty { throw ExitCode.failure }
        }
    }
}

struct CaseList: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L(.helpCaseListAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.caseOptState, ["states": CaseState.allCases.map(\.rawValue).joined(separator: ", ")]), valueName: "state")) var state: String?
    @Option(help: ArgumentHelp(L(.caseOptAssignee))) var assignee: String?
    @Flag(help: ArgumentHelp(L(.caseOptOverdue))) var overdue = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let state, CaseState(rawValue: state) == nil {
            throw ValidationError(L(.caseValUnknownState, ["state": state, "states": CaseState.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
    }

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            let backend = try database.backend()
            let cases = try backend.allCases(CaseQuery(view: overdue ? .overdue : .all, state: state.flatMap(CaseState.init(rawValue:)), assignee: assignee))
            try CaseRender.list(cases, format: format, dialect: output.dialect)
        }
    }
}

struct CaseShow: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "show", abstract: L(.helpCaseShowAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let detail = try database.backend().caseDetail(number)
            if format == .json { try Terminal.document(detail); return }
            Terminal.out(CaseRender.detail(detail))
        }
    }
}

struct CaseHistory: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "history", abstract: L(.helpCaseHistoryAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            let history = try database.backend().caseDetail(number).history
            try CaseRender.history(history, number: number, format: format, dialect: output.dialect)
        }
    }
}

/// The shape shared by every action verb.
protocol CaseActionCommand: ParsableCommand, RemoteCapable {
    var database: DatabaseOptions { get }
    var number: String { get }
    static var action: CaseAction { get }
    var request: ActionRequest { get }
}

extension CaseActionCommand {
    func run() throws {
        try runBackendCommand {
            let detail = try database.backend().perform(Self.action.rawValue, on: number, request)
            Terminal.out(CaseRender.afterAction(detail))
        }
    }
}

struct CaseAssign: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: L(.helpCaseAssignAbstract))
    static let action = CaseAction.assign
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptExecutor))) var to: String
    var request: ActionRequest { .init(to: to) }
}

struct CaseReassign: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "reassign", abstract: L(.helpCaseReassignAbstract))
    static let action = CaseAction.reassign
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptExecutor))) var to: String
    var request: ActionRequest { .init(to: to) }
}

struct CaseDraft: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "draft", abstract: L(.helpCaseDraftAbstract))
    static let action = CaseAction.draft
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptText))) var text: String?
    @Option(help: ArgumentHelp(L(.caseOptFile))) var file: String?

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError(L(.caseValTextOrFile)) }
        if let file, FileManager.default.contents(atPath: file) == nil { throw ValidationError(L(.cannotRead, ["path": file])) }
    }

    var request: ActionRequest {
        .init(text: text ?? file.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) })
    }
}

struct CaseSubmit: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: L(.helpCaseSubmitAbstract))
    static let action = CaseAction.submit
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    var request: ActionRequest { .init() }
}

struct CaseApprove: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: L(.helpCaseApproveAbstract))
    static let action = CaseAction.approve
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptComment))) var comment: String?
    var request: ActionRequest { .init(comment: comment) }
}

struct CaseReturn: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: L(.helpCaseReturnAbstract))
    static let action = CaseAction.return
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptReturnComment))) var comment: String
    var request: ActionRequest { .init(comment: comment) }
}

struct CaseRedirect: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "redirect", abstract: L(.helpCaseRedirectAbstract))
    static let action = CaseAction.redirect
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptRedirectTo))) var to: String?
    @Option(help: ArgumentHelp(L(.caseOptRedirectKind))) var kind: String = "other_body"
    @Option(help: ArgumentHelp(L(.caseOptRedirectComment))) var comment: String?
    @Option(help: ArgumentHelp(L(.optCaseOrganization), valueName: "id")) var organization: String?
    var request: ActionRequest { .init(to: to, comment: comment, kind: organization == nil ? kind : nil, organization: organization) }
}

struct CaseExtend: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: L(.helpCaseExtendAbstract))
    static let action = CaseAction.extend
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptExtendDays))) var days: Int
    @Option(help: ArgumentHelp(L(.caseOptExtendComment))) var comment: String
    var request: ActionRequest { .init(comment: comment, days: days) }
}

struct CaseReclassify: CaseActionCommand {
    static let configuration = CommandConfiguration(
        commandName: "reclassify",
        abstract: L(.helpCaseReclassifyAbstract),
        discussion: L(.helpCaseReclassifyDiscussion)
    )
    static let action = CaseAction.reclassify
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptReclassifyTo))) var to: String
    @Option(help: ArgumentHelp(L(.caseOptReclassifyComment))) var comment: String
    var request: ActionRequest { .init(to: to, comment: comment) }
}

struct CaseReopen: CaseActionCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: L(.helpCaseReopenAbstract))
    static let action = CaseAction.reopen
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.caseOptReopenComment))) var comment: String?
    var request: ActionRequest { .init(comment: comment) }
}
