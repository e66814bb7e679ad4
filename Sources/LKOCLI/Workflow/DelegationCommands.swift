import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOStore
import LKOWorkflow

/// Absences that have started or ended are carried out by whichever lko command runs first at or
/// after that moment (and by `lko tick`): exactly once, however long nobody ran lko.
enum DelegationCatchUp {
    static func run(_ store: Store) {
        do {
            guard try store.activePolicy() != nil else { return }
            let done = try Workflow(store: store, resolver: DelegationResolver()).processDueDelegations()
            for line in done { Terminal.err("delegation: \(line)") }
        } catch {
            Terminal.warning("pending absences could not be processed: \(error)")
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
        abstract: "Absences and substitutes (order items 9, 16): plan before leave, hand over every case.",
        discussion: """
        `plan` is a dry run that changes nothing: the cases that will move (flagging those due \
        during the absence), the routes that will resolve to the substitute, the substitute's \
        load, and every error or warning. `add` does exactly what `plan` printed. The \
        administrator (manage_delegations) may do this for anyone; an executor for themselves.
        """,
        subcommands: [AbsencePlan.self, AbsenceAdd.self, AbsenceChangeCommand.self, AbsenceList.self, AbsenceEnd.self, AbsenceCancel.self]
    )
}

struct AbsencePlan: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Dry run: what `add` would do, and what is wrong. Exit 1 on errors.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runBackendCommand {
            let view = try database.backend().planAbsence(absence.input)
            if json { try Terminal.json(view.plan) } else { AbsenceRender.plan(view.plan).forEach(Terminal.out) }
            if !view.plan.isAcceptable { throw ExitCode.failure }
        }
    }
}

struct AbsenceAdd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an absence after the same checks as `plan`; hands over at once if it has started.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runBackendCommand {
            let view = try database.backend().addAbsence(absence.input)
            if json { try Terminal.json(view.plan) } else {
                AbsenceRender.plan(view.plan).forEach(Terminal.out)
                if let recorded = view.absence { Terminal.out(AbsenceRender.recorded(recorded)) }
            }
        }
    }
}

struct AbsenceList: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List absences.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Only absences covering this day.", valueName: "date")) var at: CalendarDate?
    @Option(help: "Only absences of (or substituted by) this login.") var login: String?
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runBackendCommand {
            let list = try database.backend().absences(login: login, at: at?.description).sorted { $0.id < $1.id }
            if json { try Terminal.json(list); return }
            for absence in list { Terminal.out(AbsenceRender.line(absence)) }
        }
    }
}

struct AbsenceEnd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "End an absence early (or an open-ended sick leave).")
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
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an absence that has not started (kept as cancelled).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The absence number.") var id: Int64

    func run() throws {
        try runBackendCommand {
            try database.backend().cancelAbsence(id)
            Terminal.out("absence #\(id) cancelled")
        }
    }
}

struct DelegationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delegation", abstract: "Check substitutions (needs manage_delegations).", subcommands: [DelegationCheckCommand.self])
}

struct DelegationCheckCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Absences soon or now without a valid substitute, chains, absent substitutes, expiring grants, overload. Exit 1 on errors.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Start of the window (default: today).", valueName: "date")) var from: CalendarDate?
    @Option(help: "Length of the window in days.") var days: Int = 14
    @Flag(help: "JSON output.") var json = false

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be 0…366") }
    }

    func run() throws {
        try runBackendCommand {
            let findings = try database.backend().delegationCheck(from: from?.description, days: days)
            if json { try Terminal.json(findings) } else { AbsenceRender.findings(findings).forEach(Terminal.out) }
            if findings.contains(where: { $0.severity == "error" }) { throw ExitCode.failure }
        }
    }
}

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Carry out due absence starts and ends (for a timer; any command does it too).")
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
        abstract: "Change a recorded absence (dates, substitute, reason, flags) after the same checks as `plan`. Exit 1 if refused.",
        discussion: """
        An absence in progress keeps its first day; its last day may move (back as far as \
        yesterday: it then ends today). When the change makes someone else responsible, the \
        open cases move to them today, audited (docs/delegation.md).

          lko absence change 7 --until 2026-03-20 --substitute roads_deputy --dry-run
        """
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
    @Flag(help: "JSON output.") var json = false

    func validate() throws {
        if openEnded, until != nil { throw ValidationError("give --until or --open-ended, not both") }
    }

    func run() throws {
        try runBackendCommand {
            let input = AbsenceChangeInput(from: from?.description, until: until?.description, openEnded: openEnded, reason: reason?.rawValue,
                                           substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
            let view = try database.backend().changeAbsence(id, input, dryRun: dryRun)
            if json { try Terminal.json(view.plan) } else {
                AbsenceRender.plan(view.plan).forEach { Terminal.out($0) }
                if let changed = view.absence { Terminal.out("changed absence #\(changed.id): \(changed.startsOn) – \(changed.endsOn ?? "open-ended"), substitute \(changed.substitute), \(changed.status)") }
            }
        }
    }
}
