extension ProductionCalendar {
    /// The number of working days in `year` (2024: 248; 2025, 2026, 2027: 247).
    ///
    /// - Throws: ``CalendarError/yearNotCovered(_:)`` when the calendar has no data for the year.
    public func workingDayCount(inYear year: Int) throws(CalendarError) -> Int {
        guard covers(year: year), let first = CalendarDate.firstDay(ofYear: year),
              let last = CalendarDate.lastDay(ofYear: year)
        else { throw .yearNotCovered(year) }
        return try workingDayCount(from: first, through: last)
    }

    /// The number of working days from `start` through `end`, both included; 0 when `end < start`.
    ///
    /// - Throws: ``CalendarError/yearNotCovered(_:)`` for the first day in an uncovered year.
    public func workingDayCount(from start: CalendarDate, through end: CalendarDate) throws(CalendarError) -> Int {
        var count = 0
        var day = start
        while day <= end {
            if try isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
