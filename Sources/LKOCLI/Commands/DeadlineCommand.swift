import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Compute the last day of a term on the production calendar.",
        discussion: """
        Order item 10: the entry date into moderation is day 0; the deadline is the last working \
        day in (entry, entry + N]; if that interval holds no working day (a short term swallowed \
        by the New Year holidays), it is the first working day after entry + N. The first line \
        of output is the ISO date alone, for scripts.

          lko deadline --from 2024-12-29 --days 10 --explain
          lko deadline --from 2026-03-02 --days 20 --working-days
          lko deadline --from 2027-12-20 --days 30 --policy Policies   # with the policy's calendar additions

        Exit status: 0 computed, 1 a date outside the calendar's years, 2 wrong usage.
        """
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

    func validate() throws {
        guard Term.allowedDays.contains(days) else {
            throw ValidationError("--days must be 1…\(Term.allowedDays.upperBound), got \(days)")
        }
        guard (0...Term.maximumExtensionDays).contains(extend) else {
            throw ValidationError("--extend must be 0…\(Term.maximumExtensionDays), got \(extend)")
        }
    }

    func run() throws {
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
            Terminal.out(deadline.date.description)
            if explain {
                Terminal.out("entry \(from) + \(term)\(extend > 0 ? " + \(extend) days extension" : ""); nominal last day \(deadline.nominalLastDay)")
                for step in deadline.steps { Terminal.out("  \(step)") }
                if let note = deadline.note { Terminal.out("note: \(note)") }
            } else if let note = deadline.note {
                Terminal.err("note: \(note)")
            }
        } catch let error as CalendarError {
            throw CommandFailure(message: "\(error) — the shipped calendar covers \(calendar.coveredYears.map(String.init).joined(separator: ", ")); a new year is added with a `calendar { year … }` block in the policy")
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}
