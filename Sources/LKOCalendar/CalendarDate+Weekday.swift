extension CalendarDate {
    /// `Mon` … `Sun`, for explanations meant to be read by people.
    public var weekdayAbbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday - 1]
    }

    /// January 1 of `year`, or nil outside the years `CalendarDate` can represent (1…9999).
    public static func firstDay(ofYear year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 1, day: 1)
    }

    /// December 31 of `year`, or nil outside the years `CalendarDate` can represent (1…9999).
    public static func lastDay(ofYear year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 12, day: 31)
    }
}
