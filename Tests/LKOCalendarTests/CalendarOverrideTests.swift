import Testing
@testable import LKOCalendar

private let decree2028 = "ПП РФ о переносе выходных дней в 2028 году (test)"

@Suite("Administrator overrides")
struct CalendarOverrideTests {
    /// 2028 added by hand: New Year holidays Mon 3 – Fri 7 January, and an invented transfer from
    /// Saturday 4 March to Monday 6 March.
    func calendarWith2028() throws -> ProductionCalendar {
        try shipped().applying(
            [
                CalendarOverride(date: date("2028-01-03"), kind: .nonWorking, source: "ТК РФ ст. 112 ч. 1"),
                CalendarOverride(date: date("2028-01-04"), kind: .nonWorking, source: "ТК РФ ст. 112 ч. 1"),
                CalendarOverride(date: date("2028-01-05"), kind: .nonWorking, source: "ТК РФ ст. 112 ч. 1"),
                CalendarOverride(date: date("2028-01-06"), kind: .nonWorking, source: "ТК РФ ст. 112 ч. 1"),
                CalendarOverride(date: date("2028-01-07"), kind: .nonWorking, source: "ТК РФ ст. 112 ч. 1"),
                CalendarOverride(date: date("2028-03-04"), kind: .working, source: decree2028),
                CalendarOverride(date: date("2028-03-06"), kind: .nonWorking, source: decree2028),
            ],
            declaring: [CalendarYearDeclaration(year: 2028, source: decree2028)]
        )
    }

    @Test func declaringANewYearCoversIt() throws {
        let calendar = try calendarWith2028()
        #expect(calendar.coveredYears == [2024, 2025, 2026, 2027, 2028])
        #expect(calendar.declarationSource(forYear: 2028) == decree2028)
        #expect(try calendar.isWorkingDay(date("2028-01-10")))  // Monday after the holidays
        #expect(try calendar.dayInfo(date("2028-01-05")).reason == .declaredDayOff(source: "ТК РФ ст. 112 ч. 1"))
        #expect(try calendar.dayInfo(date("2028-03-04")).reason == .workingWeekend(source: decree2028))
        #expect(try calendar.dayInfo(date("2028-03-06")).reason == .declaredDayOff(source: decree2028))
        // 260 weekdays in 2028, minus 6 declared off, plus one working Saturday.
        #expect(try calendar.workingDayCount(inYear: 2028) == 255)
        // The original value is untouched.
        #expect(try shipped().coveredYears == [2024, 2025, 2026, 2027])
        #expect(throws: CalendarError.yearNotCovered(2028)) { try shipped().isWorkingDay(date("2028-01-10")) }
    }

    @Test func deadlinesCrossIntoTheNewYear() throws {
        let calculator = DeadlineCalculator(calendar: try calendarWith2028())
        // 22.12.2027 + 10 = Sat 01.01.2028: back past Dec 31 (off) to Thu 30.12.2027.
        #expect(try calculator.deadline(entry: date("2027-12-22"), term: .calendarDays(10)).date == date("2027-12-30"))
        // 31.12.2027 + 10 = Mon 10.01.2028, working.
        #expect(try calculator.deadline(entry: date("2027-12-31"), term: .calendarDays(10)).date == date("2028-01-10"))
        // 31.12.2027 + 7 = Fri 07.01.2028: 1–7 January all off → swallowed, Mon 10.01.2028.
        let swallowed = try calculator.deadline(entry: date("2027-12-31"), term: .calendarDays(7))
        #expect(swallowed.date == (try date("2028-01-10")))
        #expect(swallowed.swallowedByHolidays)
        // The new working Saturday can be a deadline: 23.02.2028 + 10 = Sat 04.03.2028 (a leap year).
        #expect(try calculator.deadline(entry: date("2028-02-23"), term: .calendarDays(10)).date == date("2028-03-04"))
        // And the new day off is stepped over: 25.02.2028 + 10 = Mon 06.03.2028 → Sat 04.03.2028.
        #expect(try calculator.deadline(entry: date("2028-02-25"), term: .calendarDays(10)).date == date("2028-03-04"))
    }

    @Test func overrideBeatsTheShippedData() throws {
        let source = "ПП РФ (test): перенос отменён"
        let calendar = try shipped().applying([
            CalendarOverride(date: date("2024-12-30"), kind: .working, source: source),
            CalendarOverride(date: date("2024-12-28"), kind: .nonWorking, source: source),
            CalendarOverride(date: date("2025-02-24"), kind: .nonWorking, source: source),
            CalendarOverride(date: date("2026-03-14"), kind: .working, source: source),
        ])
        #expect(try calendar.dayInfo(date("2024-12-30")).reason == .declaredWorkingDay(source: source))
        #expect(try !calendar.isWorkingDay(date("2024-12-28")))
        #expect(try !calendar.isWorkingDay(date("2025-02-24")))
        #expect(try calendar.dayInfo(date("2026-03-14")).reason == .workingWeekend(source: source))
        // One day each way in 2024 (30 Dec gained, 28 Dec lost): the count stays 248.
        #expect(try calendar.workingDayCount(inYear: 2024) == 248)
        #expect(try calendar.workingDayCount(inYear: 2025) == 246)
        #expect(try calendar.workingDayCount(inYear: 2026) == 248)
        // The swallowed New Year term now ends on the restored 30 December.
        let deadline = try DeadlineCalculator(calendar: calendar).deadline(entry: date("2024-12-29"), term: .calendarDays(10))
        #expect(deadline.date == (try date("2024-12-30")))
        #expect(!deadline.swallowedByHolidays)
    }

    @Test func overridesOutsideTheCoveredYearsAreRejected() throws {
        let override = CalendarOverride(date: try date("2028-01-03"), kind: .nonWorking, source: "ТК")
        #expect(throws: CalendarOverrideError.yearNotCovered(try date("2028-01-03"))) {
            try shipped().applying([override])
        }
        #expect(throws: CalendarOverrideError.yearNotCovered(try date("2023-12-29"))) {
            try shipped().applying([CalendarOverride(date: date("2023-12-29"), kind: .working, source: "ТК")])
        }
    }

    @Test func badOverridesAreRejected() throws {
        let calendar = try shipped()
        let day = try date("2025-05-05")
        #expect(throws: CalendarOverrideError.duplicateDate(day)) {
            try calendar.applying([
                CalendarOverride(date: day, kind: .nonWorking, source: "a"),
                CalendarOverride(date: day, kind: .working, source: "b"),
            ])
        }
        #expect(throws: CalendarOverrideError.missingSource("override for 2025-05-05")) {
            try calendar.applying([CalendarOverride(date: day, kind: .nonWorking, source: " ")])
        }
        #expect(throws: CalendarOverrideError.missingSource("year 2028")) {
            try calendar.applying([], declaring: [CalendarYearDeclaration(year: 2028, source: "")])
        }
        #expect(throws: CalendarOverrideError.duplicateYear(2028)) {
            try calendar.applying([], declaring: [
                CalendarYearDeclaration(year: 2028, source: "a"), CalendarYearDeclaration(year: 2028, source: "b"),
            ])
        }
        #expect(throws: CalendarOverrideError.invalidYear(10_000)) {
            try calendar.applying([], declaring: [CalendarYearDeclaration(year: 10_000, source: "a")])
        }
    }

    @Test func redeclaringACoveredYearKeepsItsData() throws {
        let calendar = try shipped().applying([], declaring: [CalendarYearDeclaration(year: 2025, source: "ПП № 1335")])
        #expect(calendar.coveredYears == [2024, 2025, 2026, 2027])
        #expect(try calendar.workingDayCount(inYear: 2025) == 247)
        #expect(calendar.declarationSource(forYear: 2025) == "ПП № 1335")
    }
}
