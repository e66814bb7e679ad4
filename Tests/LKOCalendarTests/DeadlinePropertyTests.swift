import Testing
@testable import LKOCalendar

/// The definition of item 10 checked for every entry date the shipped data can answer for,
/// using only `isWorkingDay` — so a bug in the search shows up even where no example was written.
@Suite("Deadline invariants over 2024–2027")
struct DeadlinePropertyTests {
    @Test(arguments: [1, 3, 10, 30])
    func precedingRuleMatchesTheDefinition(days: Int) throws {
        let calendar = try shipped()
        let calculator = DeadlineCalculator(calendar: calendar)
        var entry = try date("2024-01-09")  // from here, no search reaches back into 2023
        let lastEntry = try date("2027-12-30").adding(days: -days - 14)
        var swallowedCount = 0
        while entry <= lastEntry {
            let deadline = try calculator.deadline(entry: entry, term: .calendarDays(days))
            let nominal = entry.adding(days: days)
            #expect(deadline.nominalLastDay == nominal)
            #expect(deadline.date > entry, "\(entry)")
            #expect(try calendar.isWorkingDay(deadline.date), "\(entry)")
            if deadline.swallowedByHolidays {
                swallowedCount += 1
                // Nothing in (entry, nominal] works, and nothing between nominal and the deadline.
                #expect(try calendar.workingDayCount(from: entry.adding(days: 1), through: deadline.date.adding(days: -1)) == 0, "\(entry)")
                #expect(deadline.date > nominal)
            } else {
                // The deadline is the last working day of (entry, nominal].
                #expect(deadline.date <= nominal, "\(entry)")
                #expect(try calendar.workingDayCount(from: deadline.date.adding(days: 1), through: nominal) == 0, "\(entry)")
            }
            entry = entry.adding(days: 1)
        }
        // Counted by hand from the blocks of days off: how many entries leave no working day.
        // 10 days: 28–29.12.2024, 30.12.2025–01.01.2026, 30–31.12.2026 (see DeadlineTests).
        let expectedSwallowed: [Int: Int] = [10: 7, 30: 0]
        if let expected = expectedSwallowed[days] {
            #expect(swallowedCount == expected)
        }
    }

    @Test func nextRuleMatchesTheDefinition() throws {
        let calendar = try shipped()
        let calculator = DeadlineCalculator(calendar: calendar)
        var entry = try date("2024-01-01")
        while entry <= (try date("2027-11-15")) {
            let deadline = try calculator.deadline(entry: entry, term: .calendarDays(30), endRule: .nextWorkingDay)
            let nominal = entry.adding(days: 30)
            #expect(deadline.date >= nominal)
            #expect(try calendar.isWorkingDay(deadline.date))
            #expect(try calendar.workingDayCount(from: nominal, through: deadline.date.adding(days: -1)) == 0)
            #expect(!deadline.swallowedByHolidays)
            entry = entry.adding(days: 1)
        }
    }

    @Test func workingDayTermsCountExactlyNWorkingDays() throws {
        let calendar = try shipped()
        let calculator = DeadlineCalculator(calendar: calendar)
        var entry = try date("2024-01-01")
        while entry <= (try date("2027-10-01")) {
            let deadline = try calculator.deadline(entry: entry, term: .workingDays(20))
            #expect(try calendar.workingDayCount(from: entry.adding(days: 1), through: deadline.date) == 20)
            #expect(try calendar.isWorkingDay(deadline.date))
            entry = entry.adding(days: 1)
        }
    }
}
