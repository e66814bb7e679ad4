import LKOMessages

/// An administrator's correction to the production calendar for one day.
///
/// Decrees on transfers are published each autumn; overrides let the administrator add one
/// (or fix a shipped day) in the policy, without waiting for a new lko release. An override
/// beats whatever the shipped data says about its date.
///
/// ```swift
/// // A new decree moves a day off from Saturday 2028-03-04 to Monday 2028-03-06 (an invented example).
/// let decree = "ПП РФ от … № … «О переносе выходных дней в 2028 году»"
/// let calendar = try ProductionCalendar.shipped().applying(
///     [
///         CalendarOverride(date: CalendarDate(iso: "2028-03-04")!, kind: .working, source: decree),
///         CalendarOverride(date: CalendarDate(iso: "2028-03-06")!, kind: .nonWorking, source: decree),
///     ],
///     declaring: [CalendarYearDeclaration(year: 2028, source: decree)]
/// )
/// ```
public struct CalendarOverride: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// People work on this day (a working Saturday, or a cancelled day off).
        case working
        /// People do not work on this day (a new holiday or transferred day off).
        case nonWorking = "non_working"
    }

    public let date: CalendarDate
    public let kind: Kind
    /// The law or decree behind the change; shown wherever the day is explained.
    public let source: String

    public init(date: CalendarDate, kind: Kind, source: String) {
        self.date = date
        self.kind = kind
        self.source = source
    }

    /// How the day is explained once the override applies.
    var reason: DayReason {
        switch kind {
        case .working: date.isWeekend ? .workingWeekend(source: source) : .declaredWorkingDay(source: source)
        case .nonWorking: .declaredDayOff(source: source)
        }
    }
}

/// Declares a whole year covered by the calendar, citing the decree for that year.
///
/// A year is never covered by default: every date in an uncovered year is an error. Declare the
/// year when its decree arrives, in the same ``ProductionCalendar/applying(_:declaring:)`` call as
/// the overrides that transcribe it; a declaration alone covers a year with no exceptions at all.
public struct CalendarYearDeclaration: Hashable, Sendable {
    public let year: Int
    public let source: String

    public init(year: Int, source: String) {
        self.year = year
        self.source = source
    }
}

/// Why a set of overrides could not be applied.
public enum CalendarOverrideError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The override's date is in a year neither the calendar nor a declaration covers.
    case yearNotCovered(CalendarDate)
    /// Two overrides name the same date.
    case duplicateDate(CalendarDate)
    /// An override or declaration has an empty source (`year 2028`, `override for 2028-03-04`).
    case missingSource(String)
    /// A declaration names a year outside 1…9999.
    case invalidYear(Int)
    /// The same year is declared twice.
    case duplicateYear(Int)

    /// For people, in either language, dates DD.MM.YYYY.
    public var message: Message {
        switch self {
        case .yearNotCovered(let date): return Message(.calOverrideYearNotCovered, ["date": .text(date.peopleText), "year": .text("\(date.year)")])
        case .duplicateDate(let date): return Message(.calOverrideDuplicateDate, ["date": .text(date.peopleText)])
        case .missingSource(let subject):
            let subjectArgument: Message.Argument = if subject.hasPrefix("year "), let year = Int(subject.dropFirst(5)) {
                .message(Message(.calSubjectYear, ["year": .text("\(year)")]))
            } else if subject.hasPrefix("override for "), let date = CalendarDate(iso: subject.dropFirst(13)) {
                .message(Message(.calSubjectOverride, ["date": .text(date.peopleText)]))
            } else {
                .text(subject)
            }
            return Message(.calOverrideMissingSource, ["subject": subjectArgument])
        case .invalidYear(let year): return Message(.calOverrideInvalidYear, ["year": .text("\(year)")])
        case .duplicateYear(let year): return Message(.calOverrideDuplicateYear, ["year": .text("\(year)")])
        }
    }

    public var description: String {
        switch self {
        case .yearNotCovered(let date):
            "override for \(date): the calendar does not cover \(date.year); declare the year with its decree first"
        case .duplicateDate(let date):
            "\(date) is overridden more than once"
        case .missingSource(let subject):
            "\(subject) has no source: name the law or decree behind it"
        case .invalidYear(let year):
            "\(year) is not a year the calendar can hold (1…9999)"
        case .duplicateYear(let year):
            "year \(year) is declared more than once"
        }
    }
}

extension ProductionCalendar {
    /// A copy of this calendar with `overrides` applied and `years` declared covered.
    ///
    /// Overrides replace what the calendar says about their dates; years may be declared to
    /// cover a year that has no data yet, in which case its overrides (the new decree) go in the
    /// same call. Declaring a year already covered is allowed and changes nothing but its source.
    ///
    /// - Throws: ``CalendarOverrideError`` for an override outside the covered years, two
    ///   overrides on one date, an empty source, or a bad or repeated year declaration.
    public func applying(
        _ overrides: [CalendarOverride],
        declaring years: [CalendarYearDeclaration] = []
    ) throws(CalendarOverrideError) -> ProductionCalendar {
        var declared = declaredYears
        var newlyDeclared: Set<Int> = []
        for declaration in years {
            guard CalendarDate.firstDay(ofYear: declaration.year) != nil else { throw .invalidYear(declaration.year) }
            guard !declaration.source.allSatisfy(\.isWhitespace) else { throw .missingSource("year \(declaration.year)") }
            guard newlyDeclared.insert(declaration.year).inserted else { throw .duplicateYear(declaration.year) }
            declared[declaration.year] = declaration.source
        }

        var exceptions = self.exceptions
        var seen: Set<CalendarDate> = []
        for override in overrides {
            guard covers(year: override.date.year) || newlyDeclared.contains(override.date.year)
            else { throw .yearNotCovered(override.date) }
            guard !override.source.allSatisfy(\.isWhitespace) else { throw .missingSource("override for \(override.date)") }
            guard seen.insert(override.date).inserted else { throw .duplicateDate(override.date) }
            exceptions[override.date] = override.reason
        }
        return ProductionCalendar(exceptions: exceptions, declaredYears: declared)
    }
}
