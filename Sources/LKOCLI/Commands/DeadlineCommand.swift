import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOMessages

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: L(.helpDeadlineAbstract),
        discussion: L(.helpDeadlineDiscussion)
    )

    @Option(help: ArgumentHelp(L(.optDeadlineFrom), valueName: "date"))
    var from: CalendarDate

    @Option(help: ArgumentHelp(L(.optDeadlineDays), valueName: "n"))
    var days: Int

    @Flag(help: ArgumentHelp(L(.flagWorkingDays)))
    var workingDays = false

    @Flag(help: ArgumentHelp(L(.flagNextWorkingDay)))
    var nextWorkingDay = false

    @Option(help: ArgumentHelp(L(.optExtend), valueName: "n"))
    var extend: Int = 0

    @Flag(help: ArgumentHelp(L(.flagDeadlineExplain)))
    var explain = false

    @Option(help: ArgumentHelp(L(.optDeadlinePolicy), valueName: "dir"))
    var policy: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard Term.allowedDays.contains(days) else {
            throw ValidationError(L(.cliDaysRange, ["max": "\(Term.allowedDays.upperBound)", "value": "\(days)"]))
        }
        guard (0...Term.maximumExtensionDays).contains(extend) else {
            throw ValidationError(L(.cliExtendRange, ["max": "\(Term.maximumExtensionDays)", "value": "\(extend)"]))
        }
    }

    func run() throws {
        let format = try output.resolve([.text, .json])
        var calendar: ProductionCalendar
        do {
            calendar = try ProductionCalendar.shipped()
        } catch {
            throw CommandFailure(message: L(.cliCalendarUnreadable, ["reason": "\(error)"]))
        }
        if let policy {
            let (_, compiled) = try PolicyLoading(path: policy, lint: false).compileOrFail()
            do {
                calendar = try compiled.productionCalendar(base: calendar)
            } catch {
                let reason = (error as? CalendarOverrideError)?.message.render(Language.current) ?? "\(error)"
                throw CommandFailure(message: L(.cliCalendarAdditions, ["reason": reason]))
            }
        }
        let term = Term(days: days, unit: workingDays ? .workingDays : .calendarDays)
        do {
            let deadline = try DeadlineCalculator(calendar: calendar).deadline(entry: from, term: term, extraDays: extend, endRule: nextWorkingDay ? .nextWorkingDay : .precedingWorkingDay)
            if format == .json {
                // Language-neutral: ISO dates, and the steps and the note as the calendar writes
                // them (English); people read the text output.
                try Terminal.document(DeadlineJSON(entry: from.description, days: days, unit: workingDays ? "working_days" : "calendar_days", extensionDays: extend,
                                                   rule: nextWorkingDay ? "next_working_day" : "preceding_working_day", deadline: deadline.date.description,
                                                   deadlineText: textDate(deadline.date.description), nominalLastDay: deadline.nominalLastDay.description,
                                                   steps: explain ? deadline.steps.map { "\($0)" } : nil, note: deadline.note))
                return
            }
            Terminal.out(textDate(deadline.date.description))
            let language = Language.current
            if explain {
                Terminal.out(deadline.explanationMessage.render(language))
                for step in deadline.steps { Terminal.out("  " + step.message.render(language)) }
                if let note = deadline.noteMessage { Terminal.out(L(.prefixNote) + note.render(language)) }
            } else if let note = deadline.noteMessage {
                Terminal.err(L(.prefixNote) + note.render(language))
            }
        } catch let error as CalendarError {
            switch error {
            case .yearNotCovered(let year):
                throw CommandFailure(message: L(.cliCalendarNotCovered, ["year": "\(year)", "years": calendar.coveredYears.map(String.init).joined(separator: ", ")]))
            }
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
