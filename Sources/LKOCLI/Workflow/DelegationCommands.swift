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
            for line in done { Terminal.err(L(.delegationDone, ["line": line])) }
        } catch {
            Terminal.warning(L(.delegationPending, ["error": "\(error)"]))
        }
    }
}

extension Absence.Reason: ExpressibleByArgument {}

struct AbsenceArguments: ParsableArguments {
    @Argument(help: "The executor who will be absent.") var login: String
    @Option(help: ArgumentHelp("First day away.", valueName: "date")) var from: CalendarDate
    @Option(help: ArgumentHelp("Last day away (omit for open-ended sick leave).", valueName: "date")) var until: CalendarDate?
    @Option(help: "vacation, sick, business_trip, study or other.") var reason: Absence.Reason
    @Option(help: "The substitute: an active account holding the executor role.") var substitute: String
    @Flag(help: "At the end, give cases still open and not yet submitted back to the returning executor.") var returnOpenCases = false
    @Flag(help: "Allow a substitute who does not cover everything: uncovered cases go to the coordinator.") var allowPartial = false

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
    @Option(help: ArgumentHelp("Only absences covering this day.", valueName: "date")) var at: CalendarDate?
    @Option(help: "Only absences of (or substituted by) this login.") var login: String?
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
    @Argument(help: "The absence number.") var id: Int64
    @Option(help: ArgumentHelp("The first day back (default: today).", valueName: "date")) var at: CalendarDate?

    func run() throws {
        try runBackendCommand {
            Terminal.out(AbsenceRender.ended(try database.backend().endAbsence(id, returnedOn: at?.description)))
        }
    }
}

struct AbsenceCancel: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: L(.helpAbsenceCancelAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The absence number.") var id: Int64

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
    @Option(help: ArgumentHelp("Start of the window (default: today).", valueName: "date")) var from: CalendarDate?
    @Option(help: "Length of the window in days.") var days: Int = 14
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be 0…366") }
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
    @Argument(help: "The absence number.") var id: Int64
    @Option(help: ArgumentHelp("New first day away (not for an absence in progress).", valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp("New last day away.", valueName: "date")) var until: CalendarDate?
    @Flag(help: "No known last day any more (sick leave).") var openEnded = false
    @Option(help: "vacation, sick, business_trip, study or other.") var reason: Absence.Reason?
    @Option(help: "The new substitute.") var substitute: String?
    @Option(help: ArgumentHelp("Give open cases back at the end.", valueName: "true|false")) var returnOpenCases: Bool?
    @Option(help: ArgumentHelp("Allow a substitute who does not cover everything.", valueName: "true|false")) var allowPartial: Bool?
    @Flag(help: "Show what the change would do; change nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if openEnded, until != nil { throw ValidationError("give --until or --open-ended, not both") }
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
