import ArgumentParser
import Foundation
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

    var request: AbsenceRequest {
        AbsenceRequest(login: login, from: from, until: until, reason: reason, substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
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
        subcommands: [AbsencePlan.self, AbsenceAdd.self, AbsenceList.self, AbsenceEnd.self, AbsenceCancel.self]
    )
}

struct PlanPrinter {
    var plan: DelegationPlan

    func print() {
        Terminal.out("absence of \(plan.login) \(plan.from) – \(plan.until ?? "open-ended"), substitute \(plan.substitute)")
        if plan.moves.isEmpty { Terminal.out("cases that will move: none") } else {
            Terminal.out("cases that will move (\(plan.moves.count)):")
            for move in plan.moves {
                Terminal.out("  \(move.posNumber)\t\(move.node)\t\(move.state)\tdeadline \(move.deadline ?? "-")\t→ \(move.to ?? "coordinator")" + (move.dueDuringAbsence ? "\tDUE DURING ABSENCE" : ""))
            }
        }
        for route in plan.routes { Terminal.out("route: \(route.kind) \(route.rule) → \(route.resolvesTo ?? "?")") }
        Terminal.out("substitute's open cases: \(plan.substituteLoadNow) now, \(plan.substituteLoadAfter) after")
        for warning in plan.warnings { Terminal.out("warning: \(warning)") }
        for error in plan.errors { Terminal.out("error: \(error)") }
    }
}

struct AbsencePlan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Dry run: what `add` would do, and what is wrong. Exit 1 on errors.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let plan = try context.workflow.planAbsence(absence.request, by: context.actor)
            if json { try Terminal.json(plan) } else { PlanPrinter(plan: plan).print() }
            if !plan.isAcceptable { throw ExitCode.failure }
        }
    }
}

struct AbsenceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an absence after the same checks as `plan`; hands over at once if it has started.")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var absence: AbsenceArguments
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let (recorded, plan) = try context.workflow.addAbsence(absence.request, by: context.actor)
            if json { try Terminal.json(plan) } else {
                PlanPrinter(plan: plan).print()
                Terminal.out("recorded absence #\(recorded.id)" + (recorded.startProcessed ? "; cases handed over" : "; cases move on \(recorded.startsOn)"))
            }
        }
    }
}

struct AbsenceList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List absences.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Only absences covering this day.", valueName: "date")) var at: CalendarDate?
    @Option(help: "Only absences of (or substituted by) this login.") var login: String?
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let list = try context.workflow.absences(at: at, login: login)
            if json { try Terminal.json(list); return }
            for absence in list {
                let state = absence.isCancelled ? "cancelled" : (absence.endProcessed ? "ended" : (absence.startProcessed ? "in progress" : "planned"))
                Terminal.out("#\(absence.id)\t\(absence.login)\t\(absence.startsOn) – \(absence.endsOn ?? "open-ended")\t\(absence.reason.rawValue)\tsubstitute \(absence.substitute)\t\(state)")
            }
        }
    }
}

struct AbsenceEnd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "End an absence early (or an open-ended sick leave).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The absence number.") var id: Int64
    @Option(help: ArgumentHelp("The first day back (default: today).", valueName: "date")) var at: CalendarDate?

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let absence = try context.workflow.endAbsence(id, returnedOn: at ?? context.workflow.today, by: context.actor)
            Terminal.out("absence #\(absence.id) of \(absence.login) ends on \(absence.endsOn ?? "-")" + (absence.endProcessed ? "; processed" : ""))
        }
    }
}

struct AbsenceCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an absence that has not started (kept as cancelled).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The absence number.") var id: Int64

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            try context.workflow.cancelAbsence(id, by: context.actor)
            Terminal.out("absence #\(id) cancelled")
        }
    }
}

struct DelegationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delegation", abstract: "Check substitutions (needs manage_delegations).", subcommands: [DelegationCheckCommand.self])
}

struct DelegationCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Absences soon or now without a valid substitute, chains, absent substitutes, expiring grants, overload. Exit 1 on errors.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Start of the window (default: today).", valueName: "date")) var from: CalendarDate?
    @Option(help: "Length of the window in days.") var days: Int = 14
    @Flag(help: "JSON output.") var json = false

    func validate() throws {
        guard (0...366).contains(days) else { throw ValidationError("--days must be 0…366") }
    }

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let findings = try context.workflow.delegationCheck(from: from ?? context.workflow.today, days: days, by: context.actor)
            if json { try Terminal.json(findings) } else {
                for finding in findings { Terminal.out("\(finding.severity): absence #\(finding.absence) (\(finding.login)): \(finding.message)") }
                Terminal.out("\(findings.filter { $0.severity == "error" }.count) error(s), \(findings.filter { $0.severity == "warning" }.count) warning(s)")
            }
            if findings.contains(where: { $0.severity == "error" }) { throw ExitCode.failure }
        }
    }
}

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Carry out due absence starts and ends (for a timer; any command does it too).")
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try runStoreCommand {
            _ = try database.open()
        }
    }
}
