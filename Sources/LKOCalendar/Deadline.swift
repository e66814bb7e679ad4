import LKOMessages

/// The last day of a term, with the reasoning that produced it.
public struct Deadline: Hashable, Sendable, CustomStringConvertible {
    /// The day the case entered moderation: day 0 of the term.
    public let entry: CalendarDate
    public let term: Term
    /// Days added by an extension (0 when the term was not extended).
    public let extraDays: Int
    public let endRule: DeadlineEndRule
    /// The last day the answer may be sent. Always after ``entry`` and always a working day.
    public let date: CalendarDate
    /// `entry + days + extraDays` for calendar-day terms; for working-day terms, the deadline itself.
    public let nominalLastDay: CalendarDate
    /// True when no working day lay between the entry and the nominal last day (around the New
    /// Year holidays a 10-day term can fall entirely on days off), so the deadline was moved
    /// *forward* to the first working day after the nominal last day, against the preceding-day rule.
    public let swallowedByHolidays: Bool
    /// Every day examined, in the order examined, with why it was skipped or chosen.
    public let steps: [DeadlineStep]

    /// A sentence when the deadline needs one (a swallowed term); nil otherwise. In English with
    /// ISO dates: what is stored with a case (`deadline_note`) and logged; people read
    /// ``noteMessage``.
    public var note: String? {
        guard swallowedByHolidays else { return nil }
        return "every day from \(entry.adding(days: 1)) to \(nominalLastDay) is non-working, "
            + "so the term was swallowed by holidays: the deadline moves forward to the first working day, \(date)"
    }

    /// ``note`` for people, in either language, dates DD.MM.YYYY.
    public var noteMessage: Message? {
        guard swallowedByHolidays else { return nil }
        return Message(.calNoteSwallowed, ["from": .text(entry.adding(days: 1).peopleText), "until": .text(nominalLastDay.peopleText), "date": .text(date.peopleText)])
    }

    /// The first line of `lko deadline --explain`: `поступление 29.12.2024 + 10 календарных дней;
    /// номинальный последний день 08.01.2025`.
    public var explanationMessage: Message {
        Message(.calExplainHead, [
            "entry": .text(entry.peopleText), "term": term.argument,
            "extension": extraDays > 0 ? .message(Message(.calExtension, ["days": Term.daysArgument(extraDays, unit: term.unit)])) : "",
            "nominal": .text(nominalLastDay.peopleText),
        ])
    }

    /// For example `2025-01-09 (entry 2024-12-29 + 10 calendar days; swallowed by holidays)`.
    public var description: String {
        var text = "\(date) (entry \(entry) + \(term)"
        if extraDays > 0 { text += " + \(extraDays) days extension" }
        if swallowedByHolidays { text += "; swallowed by holidays" }
        return text + ")"
    }
}

/// One day looked at while finding a deadline; together they explain `lko deadline --explain`.
public struct DeadlineStep: Hashable, Sendable, CustomStringConvertible {
    public enum Outcome: Hashable, Sendable {
        /// Not a working day: passed over.
        case skipped
        /// A working day counted towards a working-day term: the n-th of the term.
        case counted(Int)
        /// The deadline.
        case chosen
    }

    /// Which way the search went when it reached this day.
    public enum Direction: Hashable, Sendable {
        /// Back from the nominal last day towards the entry (the preceding-working-day rule).
        case backward
        /// Forward: after the entry (working-day terms), from the nominal last day (next-working-day
        /// rule), or past it when the term was swallowed by holidays.
        case forward
    }

    public let day: DayInfo
    public let direction: Direction
    public let outcome: Outcome

    public init(day: DayInfo, direction: Direction, outcome: Outcome) {
        self.day = day
        self.direction = direction
        self.outcome = outcome
    }

    /// For people, in either language: `08.01.2025 ср: нерабочий, … — пропущен`.
    public var message: Message {
        let verdict = switch outcome {
        case .skipped: Message(.calStepSkipped)
        case .counted(let ordinal): Message(.calStepCounted, ["ordinal": .text("\(ordinal)")])
        case .chosen: Message(.calStepChosen)
        }
        return Message(.calStep, ["day": .message(day.message), "verdict": .message(verdict)])
    }

    /// For example `2025-01-08 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped`.
    public var description: String {
        let verdict = switch outcome {
        case .skipped: "skipped"
        case .counted(let ordinal): "working day \(ordinal) of the term"
        case .chosen: "deadline"
        }
        return "\(day) — \(verdict)"
    }
}
