import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: L(.helpDeadlineAbstract),
        discussion: L(.helpDeadlineDiscussion)
    )

    @Option(help: ArgumentHelp("The day the case entered moderation.", valueName: "date"))
    var from: CalendarDate

    @Option(help: ArgumentHelp("The term, in days (1…366).", valueName: "n"))
    var days: Int

    @Flag(help: "Count working days instead of calendar days.")
    var workingDays = false

    @Flag(help: "Use the Civil Code's rule (the next working day) instead of the order's (the preceding one).")
    var nextWorkingDay = false

    @Option(help: ArgumentHelp("Days added by an extension (0…30).", valueName: "n"))
    var extend: Int = 0

    @Flag(help: "Show each day examined and why it is or is not working.")
    var explain = false

    @Option(help: ArgumentHelp("Also apply this policy's `calendar { … }` additions (a new year, a new decree).", valueName: "dir"))
    var policy: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard Term.allowedDays.contains(days) else {
            throw ValidationError("--days must be 1…\(Term.allowedDays.upperBound), got \(days)")
        }
        guard (0...Term.maximumExtensionDays).contains(extend) else {
            throw ValidationError("--extend must be 0…\(Term.maximumExtensionDays), got \(extend)")
        }
    }

    func run() throws {
        let format = try output.resolve([.text, .json])
        var calendar: ProductionCalendar
        do {
            calendar = try ProductionCalendar.shipped()
        } catch {
            throw CommandFailure(message: "the shipped production calendar cannot be read: \(error)")
        }
        if let policy {
            let (_, compiled) = try PolicyLoading(path: policy, lint: false).compileOrFail()
            do {
                calendar = try compiled.productionCalendar(base: calendar)
            } catch {
                throw CommandFailure(message: "the policy's calendar additions cannot be applied: \(error)")
            }
        }
        let term = Term(days: days, unit: workingDays ? .workingDays : .calendarDays)
        do {
            let deadline = try DeadlineCalculator(calendar: calendar).deadline(entry: from, term: term, extraDays: extend, endRule: nextWorkingDay ? .nextWorkingDay : .precedingWorkingDay)
            if format == .json {
                try Terminal.document(DeadlineJSON(entry: from.description, days: days, unit: workingDays ? "working_days" : "calendar_days", extensionDays: extend,
                                                   rule: nextWorkingDay ? "next_working_day" : "preceding_working_day", deadline: deadline.date.description,
                                                   deadlineText: textDate(deadline.date.description), nominalLastDay: deadline.nominalLastDay.description,
                                                   steps: explain ? deadline.steps.map { "\($0)" } : nil, note: deadline.note.map { "\($0)" }))
                return
            }
            Terminal.out(deadline.date.description)
            if explain {
                Terminal.out("entry \(from) + \(term)\(extend > 0 ? " + \(extend) days extension" : ""); nominal last day \(deadline.nominalLastDay)")
                for step in deadline.steps { Terminal.out("  \(step)") }
                if let note = deadline.note { Terminal.out(L(.prefixNote) + "\(note)") }
            } else if let note = deadline.note {
                Terminal.err(L(.prefixNote) + "\(note)")
            }
        } catch let error as CalendarError {
            throw CommandFailure(message: "\(error) — the shipped calendar covers \(calendar.coveredYears.map(String.init).joined(separator: ", ")); a new year is added with a `calendar { year … }` block in the policy")
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}

/// `lko deadline --format json`.
struct DeadlineJSON: Encodable {
    var entry: String
    var days: Int
    var unit: String
    var extensionDays: Int
    var rule: String
    var deadline: String
    var deadlineText: String
    var nominalLastDay: String
    var steps: [String]?
    var note: String?
}
