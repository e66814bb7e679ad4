/// A line of production-calendar data that cannot be trusted, located as `origin:line`.
///
/// The calendar refuses the whole file on the first bad line: a half-read calendar would give
/// wrong deadlines without saying so.
public struct CalendarDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the text came from (a file name or "policy"), as given to ``ProductionCalendar/init(tsv:origin:)``.
    public let origin: String
    /// The 1-based line number in that text; 0 when the text itself could not be read.
    public let line: Int
    public let reason: Reason

    public init(origin: String, line: Int, reason: Reason) {
        self.origin = origin
        self.line = line
        self.reason = reason
    }

    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// The first line that is not a comment or blank is not `date<TAB>kind<TAB>source`.
        case missingHeader(found: String)
        /// The text has no header line at all (it is empty or only comments).
        case emptyData
        /// The file could not be found or read (reported on line 0).
        case unreadable(String)
        /// A data line does not have exactly three tab-separated fields.
        case wrongFieldCount(Int)
        /// The date field is not a real day written as `YYYY-MM-DD`.
        case invalidDate(String)
        /// A `year` line's date field is not a four-digit year.
        case invalidYear(String)
        /// The kind is none of `holiday`, `transfer_off`, `workday_weekend`, `year`.
        case unknownKind(String)
        /// The source field is empty: every exception must name the law that makes it.
        case missingSource
        /// The same date appears on an earlier line.
        case duplicateDate(CalendarDate, firstLine: Int)
        /// The same year is declared on an earlier line.
        case duplicateYear(Int, firstLine: Int)
        /// A `workday_weekend` line names a Monday–Friday, which is working anyway.
        case workingWeekendOnWeekday(CalendarDate)
        /// A `holiday` or `transfer_off` line names a Saturday or Sunday, which is off anyway;
        /// such a line usually means a typo in the date.
        case dayOffOnWeekend(CalendarDate, kind: String)

        public var description: String {
            switch self {
            case .missingHeader(let found):
                "expected the header \"date\\tkind\\tsource\", found \"\(found)\""
            case .emptyData:
                "no header line \"date\\tkind\\tsource\": the text is empty or only comments"
            case .unreadable(let why):
                "cannot read the calendar: \(why)"
            case .wrongFieldCount(let count):
                "expected 3 tab-separated fields (date, kind, source), found \(count)"
            case .invalidDate(let text):
                "\"\(text)\" is not a date in the form YYYY-MM-DD"
            case .invalidYear(let text):
                "\"\(text)\" is not a year in the form YYYY"
            case .unknownKind(let kind):
                "unknown kind \"\(kind)\" (expected holiday, transfer_off, workday_weekend or year)"
            case .missingSource:
                "the source is empty: name the law or decree behind this day"
            case .duplicateDate(let date, let firstLine):
                "\(date) is already listed on line \(firstLine)"
            case .duplicateYear(let year, let firstLine):
                "year \(year) is already declared on line \(firstLine)"
            case .workingWeekendOnWeekday(let date):
                "\(date) is a \(date.weekdayAbbreviation), not a Saturday or Sunday: workday_weekend only applies to weekend days"
            case .dayOffOnWeekend(let date, let kind):
                "\(date) is a \(date.weekdayAbbreviation), already a day off: \(kind) only applies to Monday–Friday"
            }
        }
    }

    /// `origin:line: reason`, the form compilers use, so editors can jump to the line.
    public var description: String {
        "\(origin):\(line): \(reason)"
    }
}
