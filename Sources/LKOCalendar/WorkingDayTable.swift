/// Two bitsets over one contiguous run of days: "is this day covered" and "is it working".
///
/// Deadline searches and working-day counts ask about one day at a time, many times; a bit test
/// at `dayNumber - firstDay` answers without computing the year or hashing the date. The run
/// spans January 1 of the first covered year to December 31 of the last, so years missing in the
/// middle cost only their 46 words of zeros.
struct WorkingDayTable: Hashable, Sendable {
    private let firstDay: Int
    private let dayCount: Int
    private var covered: [UInt64]
    private var working: [UInt64]

    /// Builds the table for `years`, applying `exceptions` on top of the Mon–Fri rule.
    /// Every year must be 1…9999 (callers validate); exceptions outside `years` are ignored.
    init(years: Set<Int>, exceptions: [CalendarDate: DayReason]) {
        guard let minYear = years.min(), let maxYear = years.max(),
              let start = CalendarDate.firstDay(ofYear: minYear), let end = CalendarDate.lastDay(ofYear: maxYear)
        else {
            (firstDay, dayCount, covered, working) = (0, 0, [], [])
            return
        }
        firstDay = Int(start.dayNumber)
        dayCount = start.days(until: end) + 1
        let wordCount = (dayCount + 63) / 64
        covered = Array(repeating: 0, count: wordCount)
        working = Array(repeating: 0, count: wordCount)

        for year in years {
            guard let yearStart = CalendarDate.firstDay(ofYear: year), let yearEnd = CalendarDate.lastDay(ofYear: year)
            else { continue }
            var day = yearStart
            while day <= yearEnd {
                let offset = Int(day.dayNumber) - firstDay
                Self.set(&covered, offset)
                let isWorking = exceptions[day]?.isWorkingDay ?? !day.isWeekend
                if isWorking { Self.set(&working, offset) }
                day = day.adding(days: 1)
            }
        }
    }

    /// Whether `date` is a working day, or nil when its year is not covered.
    @inline(__always)
    func isWorkingDay(_ date: CalendarDate) -> Bool? {
        let offset = Int(date.dayNumber) - firstDay
        guard offset >= 0, offset < dayCount, Self.test(covered, offset) else { return nil }
        return Self.test(working, offset)
    }

    private static func set(_ words: inout [UInt64], _ offset: Int) {
        words[offset >> 6] |= 1 << UInt64(offset & 63)
    }

    @inline(__always)
    private static func test(_ words: [UInt64], _ offset: Int) -> Bool {
        words[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
