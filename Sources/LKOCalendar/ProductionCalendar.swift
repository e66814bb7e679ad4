import Foundation

/// The Russian production calendar: which days are working days, for the years it knows.
///
/// Working days are not computed from rules: they follow the Labour Code (art. 112) plus a
/// Government decree published each year on transfers of days off, so the calendar is data,
/// read from a TSV file (see ``init(tsv:origin:)`` for the format). The package ships the
/// years 2024–2027:
///
/// ```swift
/// let calendar = try ProductionCalendar.shipped()
/// try calendar.isWorkingDay(CalendarDate(iso: "2024-04-27")!)   // true: a working Saturday
/// try calendar.dayInfo(CalendarDate(iso: "2025-01-08")!).reason  // .holiday(source: "ТК РФ ст. 112 ч. 1")
/// ```
///
/// A date in a year the data does not cover is an error (``CalendarError/yearNotCovered(_:)``),
/// never a guess from the weekday. When a new decree appears, the administrator adds it without
/// a release through ``applying(_:declaring:)``.
///
/// `ProductionCalendar` is an immutable value: share it freely between tasks.
public struct ProductionCalendar: Hashable, Sendable {
    /// Exceptions to the Mon–Fri rule, by date; consulted only to explain a day.
    let exceptions: [CalendarDate: DayReason]
    /// Years declared covered explicitly (a `year` line or a ``CalendarYearDeclaration``), with their source.
    let declaredYears: [Int: String]
    /// The years the calendar answers for, sorted.
    public let coveredYears: [Int]
    /// The precomputed answers to "is this day working", for every covered day.
    private let table: WorkingDayTable

    init(exceptions: [CalendarDate: DayReason], declaredYears: [Int: String]) {
        let years = Set(exceptions.keys.map(\.year)).union(declaredYears.keys)
        self.exceptions = exceptions
        self.declaredYears = declaredYears
        self.coveredYears = years.sorted()
        self.table = WorkingDayTable(years: years, exceptions: exceptions)
    }

    /// Reads a calendar from the TSV format.
    ///
    /// ```
    /// # comment lines start with '#'; blank lines are ignored
    /// date	kind	source
    /// 2024-04-27	workday_weekend	ПП РФ от 10.08.2023 № 1314
    /// 2024-04-29	transfer_off	ПП РФ от 10.08.2023 № 1314
    /// 2024-05-01	holiday	ТК РФ ст. 112 ч. 1
    /// 2028	year	ПП РФ … «О переносе выходных дней в 2028 году»
    /// ```
    ///
    /// List only the days that differ from "Monday–Friday work, Saturday–Sunday rest":
    /// `holiday` and `transfer_off` on a weekday, `workday_weekend` on a Saturday or Sunday.
    /// Every year with at least one line is covered; a `year` line (date field `YYYY`) covers a
    /// year that has no exception at all.
    ///
    /// - Parameters:
    ///   - tsv: The text of the file.
    ///   - origin: A name for the text (usually its file name), used in error messages.
    /// - Throws: ``CalendarDataError`` naming `origin:line` and the reason, for the first bad line.
    public init(tsv: String, origin: String) throws(CalendarDataError) {
        let contents = try CalendarTSV.parse(tsv, origin: origin)
        self.init(exceptions: contents.exceptions, declaredYears: contents.declaredYears)
    }

    /// The calendar shipped with lko: the federal production calendar for 2024–2027.
    ///
    /// - Throws: ``CalendarDataError`` if the bundled file is missing or unreadable (a broken
    ///   build, not something a user can cause).
    public static func shipped() throws(CalendarDataError) -> ProductionCalendar {
        let name = "ru-production-calendar.tsv"
        guard let url = Bundle.module.url(forResource: "ru-production-calendar", withExtension: "tsv") else {
            throw CalendarDataError(origin: name, line: 0, reason: .unreadable("the resource is missing from the bundle"))
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CalendarDataError(origin: name, line: 0, reason: .unreadable(error.localizedDescription))
        }
        return try ProductionCalendar(tsv: text, origin: name)
    }

    /// Whether `year` has calendar data.
    public func covers(year: Int) -> Bool {
        coveredYears.contains(year)
    }

    /// Whether `date` is a working day.
    ///
    /// A bit test in a precomputed table: cheap enough for loops over every day of a term.
    ///
    /// - Throws: ``CalendarError/yearNotCovered(_:)`` when the calendar has no data for the year.
    public func isWorkingDay(_ date: CalendarDate) throws(CalendarError) -> Bool {
        guard let isWorking = table.isWorkingDay(date) else { throw .yearNotCovered(date.year) }
        return isWorking
    }

    /// Whether `date` is a working day, and why, with the legal source of any exception.
    ///
    /// - Throws: ``CalendarError/yearNotCovered(_:)`` when the calendar has no data for the year.
    public func dayInfo(_ date: CalendarDate) throws(CalendarError) -> DayInfo {
        guard table.isWorkingDay(date) != nil else { throw .yearNotCovered(date.year) }
        let reason = exceptions[date] ?? (date.isWeekend ? .weekend : .ordinaryWeekday)
        return DayInfo(date: date, reason: reason)
    }

    /// The days that differ from the Mon–Fri rule, in date order: the data this calendar was built from.
    public var exceptionDays: [DayInfo] {
        exceptions.map { DayInfo(date: $0.key, reason: $0.value) }.sorted { $0.date < $1.date }
    }

    /// The source that declared `year` covered explicitly, if any; years covered only because
    /// they have exception days return nil.
    public func declarationSource(forYear year: Int) -> String? {
        declaredYears[year]
    }
}
