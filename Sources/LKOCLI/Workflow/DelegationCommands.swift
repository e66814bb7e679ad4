import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOStore
import LKOWorkflow
import LKOMessages

/// Absences that have started or ended are carried out by whichever lko command runs first at or
/// after that moment (and by `lko tick`): exactly once, however long nobody ran lko.
enum DelegationCatchUp {
    static func run(_ store: Store) {
        do {
            guard try store.activePolicy() != nil else { return }
            let done = try Workflow(store: store, resolver: DelegationResolver()).processDueDelegations()
            for move in done { Terminal.err(L(.delegationDone, ["line": move.message.render(Language.current)])) }
        } catch {
            Terminal.warning(L(.delegationPending, ["error": (AppError.from(error) as? AppError)?.description(in: Language.current) ?? "\(error)"]))
        }
    }
}

extension Absence.Reason: ExpressibleByArgument {}

struct AbsenceArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(L(.absOptLogin))) var login: String
    @Option(help: ArgumentHelp(L(.absOptFrom), valueName: "date")) var from: CalendarDate
    @Option(help: ArgumentHelp(L(.absOptUntil), valueName: "date")) var until: CalendarDate?
    @Option(help: ArgumentHelp(L(.absOptReason))) var reason: Absence.Reason
    @Option(help: ArgumentHelp(L(.absOptSubstitute))) var substitute: String
    @Flag(help: ArgumentHelp(L(.absOptReturnOpenCases))) var returnOpenCases = false
    @Flag(help: ArgumentHelp(L(.absOptAllowPartial))) var allowPartial = false

    var input: AbsenceInput {
        AbsenceInput(login: login, from: from.description, until: until?.description, reason: reason.rawValue, substitute: substitute,
                     returnOpenCases: returnOpenCases, allowPartial: allowPartial)
    }
}

struct AbsenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence",
        abstract: L(.helpAbsenceAbstract),
        discussion: L(.helpAbsenceDiscussion),
        subcommands: [AbsencePlan.self, AbsenceAdd.self, AbsenceChangeCommand.self, AbsenceList.self, AbsenceEnd.self, AbsenceCancel.self]
    )
}

struct AbsencePlan: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: L(.helpAbsencePlanAbstract))
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let view = try database.backend().planAbsence(absence.input)
            if format == .json { try Terminal.document(view.plan) } else { AbsenceRender.plan(view.plan).forEach(Terminal.out) }
            if !view.plan.isAcceptable { throw ExitCode.failure }
        }
    }
}

struct AbsenceAdd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "add", abstract: L(.helpAbsenceAddAbstract))
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let view = try database.backend().addAbsence(absence.input)
            if format == .json { try Terminal.document(view.plan) } else {
                AbsenceRender.plan(view.plan).forEach(Terminal.out)
                if let recorded = view.absence { Terminal.out(AbsenceRender.recorded(recorded)) }
            }
        }
    }
}

struct AbsenceList: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L(.helpAbsenceListAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.absOptListAt), valueName: "date")) var at: CalendarDate?
    @Option(help: ArgumentHelp(L(.absOptListLogin))) var login: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            let list = try database.backend().absences(login: login, at: at?.description).sorted { $0.id < $1.id }
            try AbsenceRender.list(list, format: format, dialect: output.dialect)
        }
    }
}

struct AbsenceEnd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "end", abstract: L(.helpAbsenceEndAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.absOptID))) var id: Int64
    @Option(help: ArgumentHelp(L(.absOptEndAt), valueName: "date")) var at: CalendarDate?

    func run() throws {
        try runBackendCommand {
            Terminal.out(AbsenceRender.ended(try database.backend().endAbsence(id, returnedOn: at?.description)))
        }
    }
}

struct AbsenceCancel: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: L(.helpAbsenceCancelAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.absOptID))) var id: Int64

    func run() throws {
        try runBackendCommand {
            try database.backend().cancelAbsence(id)
            Terminal.out(L(.absenceCancelled, ["id": "\(id)"]))
        }
    }
}

struct DelegationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delegation", abstract: L(.helpDelegationAbstract), subcommands: [DelegationCheckCommand.self])
}

struct DelegationCheckCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "check", abstract: L(.helpDelegationCheckAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.absOptCheckFrom), valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp(L(.absOptCheckDays))) var days: Int = 14
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError(L(.absValCheckDays)) }
    }

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let findings = try database.backend().delegationCheck(from: from?.description, days: days)
            if format == .json { try Terminal.document(findings, key: "findings") } else { AbsenceRender.findings(findings).forEach(Terminal.out) }
            if findings.contains(where: { $0.severity == "error" }) { throw ExitCode.failure }
        }
    }
}

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: L(.helpTickAbstract))
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.requireLocal("lko tick")
        try runStoreCommand {
            _ = try database.open()
        }
    }
}

struct AbsenceChangeCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: L(.helpAbsenceChangeAbstract),
        discussion: L(.helpAbsenceChangeDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.absOptID))) var id: Int64
    @Option(help: ArgumentHelp(L(.absOptChangeFrom), valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp(L(.absOptChangeUntil), valueName: "date")) var until: CalendarDate?
    @Flag(help: ArgumentHelp(L(.absOptOpenEnded))) var openEnded = false
    @Option(help: ArgumentHelp(L(.absOptReason))) var reason: Absence.Reason?
    @Option(help: ArgumentHelp(L(.absOptChangeSubstitute))) var substitute: String?
    @Option(help: ArgumentHelp(L(.absOptChangeReturnOpenCases), valueName: "true|false")) var returnOpenCases: Bool?
    @Option(help: ArgumentHelp(L(.absOptChangeAllowPartial), valueName: "true|false")) var allowPartial: Bool?
    @Flag(help: ArgumentHelp(L(.absOptDryRun))) var dryRun = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if openEnded, until != nil { throw ValidationError(L(.absValUntilOrOpenEnded)) }
    }

    func run() throws {
        try runBackendCommand {
            let input = AbsenceChangeInput(from: from?.description, until: until?.description, openEnded: openEnded, reason: reason?.rawValue,
                                           substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
            let format = try output.resolve([.text, .json])
            let view = try database.backend().changeAbsence(id, input, dryRun: dryRun)
            if format == .json { try Terminal.document(view.plan) } else {
                AbsenceRender.plan(view.plan).forEach { Terminal.out($0) }
                if let changed = view.absence {
                    Terminal.out(L(.absenceChanged, ["id": "\(changed.id)", "from": textDate(changed.startsOn), "until": changed.endsOn.map(textDate) ?? L(.openEnded),
                                                     "substitute": CaseRender.name(changed.substitute, changed.substituteName),
                                                     "status": Language.current == .ru ? changed.statusTitle : changed.status]))
                }
            }
        }
    }
}
