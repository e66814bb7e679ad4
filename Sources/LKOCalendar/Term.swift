import LKOMessages

/// What a term's days are counted in.
public enum TermUnit: String, Hashable, Sendable, CaseIterable {
    /// Every day counts; the end is then moved off a non-working day (see ``DeadlineEndRule``).
    /// The order's 30-day and ≤ 10-day terms are calendar days.
    case calendarDays = "calendar_days"
    /// Only working days count.
    case workingDays = "working_days"
}

/// Where a calendar-day term ends when its last day is not a working day.
public enum DeadlineEndRule: String, Hashable, Sendable, CaseIterable {
    /// The last working day on or before the nominal last day — order № 78р item 10, and lko's default.
    /// (If no working day is left after the entry date, the first working day after the nominal
    /// last day; see ``Deadline/swallowedByHolidays``.)
    case precedingWorkingDay = "preceding_working_day"
    /// The first working day on or after the nominal last day — the Civil Code's default (art. 193).
    case nextWorkingDay = "next_working_day"
}

/// A term for considering a case: a number of days and what they are counted in.
///
/// ```swift
/// let appeal = Term.calendarDays(30)   // 59-ФЗ appeal
/// let fast = Term.calendarDays(10)     // accelerated category, fast-track
/// ```
public struct Term: Hashable, Sendable, CustomStringConvertible {
    /// The allowed values of ``days``: at least one day, at most a (leap) year.
    public static let allowedDays: ClosedRange<Int> = 1...366
    /// The largest extension, in days (59-ФЗ art. 12 part 2: "не более чем на 30 дней").
    public static let maximumExtensionDays = 30

    public var days: Int
    public var unit: TermUnit

    /// Any values are accepted here; ``DeadlineCalculator`` rejects days outside ``allowedDays``.
    public init(days: Int, unit: TermUnit) {
        self.days = days
        self.unit = unit
    }

    public static func calendarDays(_ days: Int) -> Term { Term(days: days, unit: .calendarDays) }
    public static func workingDays(_ days: Int) -> Term { Term(days: days, unit: .workingDays) }

    /// For people, in either language: `30 календарных дней`, `5 working days`.
    public var argument: Message.Argument { Term.daysArgument(days, unit: unit) }

    /// `n` days of `unit`, with the noun in the right form in each language.
    public static func daysArgument(_ count: Int, unit: TermUnit) -> Message.Argument {
        func text(_ language: Language) -> String {
            let forms = Messages.template(unit == .calendarDays ? .calTermCalendarDays : .calTermWorkingDays, language).split(separator: "|").map(String.init)
            let noun = switch language {
            case .ru: forms.count == 3 ? RussianPlural.form(count, forms[0], forms[1], forms[2]) : forms.last ?? ""
            case .en: forms.count == 2 ? (count == 1 ? forms[0] : forms[1]) : forms.last ?? ""
            }
            return "\(count) \(noun)"
        }
        return .pair(ru: text(.ru), en: text(.en))
    }

    /// For example `30 calendar days`.
    public var description: String {
        "\(days) \(unit == .calendarDays ? "calendar" : "working") day\(days == 1 ? "" : "s")"
    }
}
