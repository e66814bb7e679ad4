import Testing
@testable import LKOCalendar

/// One hand-computed deadline: entry + N calendar days lands in or next to a holiday block.
struct HolidayCase: Sendable, CustomTestStringConvertible {
    let block: String
    let entry: String
    let days: Int
    let expected: String
    var testDescription: String { "\(block): \(entry) + \(days) → \(expected)" }
}

// Expected dates were worked out by hand from the decree table (the nominal last day, then back
// to the working day before the block), never by running the calculator.
private let holidayCases: [HolidayCase] = [
    // 2024
    .init(block: "2024 23 Feb (Fri–Sun)", entry: "2024-02-13", days: 10, expected: "2024-02-22"),
    .init(block: "2024 23 Feb, nominal Sunday", entry: "2024-02-15", days: 10, expected: "2024-02-22"),
    .init(block: "2024 23 Feb", entry: "2024-01-25", days: 30, expected: "2024-02-22"),
    .init(block: "2024 8 Mar, entry 29 Feb", entry: "2024-02-29", days: 10, expected: "2024-03-07"),
    .init(block: "2024 8 Mar", entry: "2024-02-07", days: 30, expected: "2024-03-07"),
    .init(block: "2024 May 1 → working Sat 27 Apr", entry: "2024-04-21", days: 10, expected: "2024-04-27"),
    .init(block: "2024 May 1 → working Sat 27 Apr", entry: "2024-03-31", days: 30, expected: "2024-04-27"),
    .init(block: "2024 May 9–12", entry: "2024-05-02", days: 10, expected: "2024-05-08"),
    .init(block: "2024 May 9–12", entry: "2024-04-10", days: 30, expected: "2024-05-08"),
    .init(block: "2024 12 Jun", entry: "2024-06-02", days: 10, expected: "2024-06-11"),
    .init(block: "2024 12 Jun", entry: "2024-05-13", days: 30, expected: "2024-06-11"),
    .init(block: "2024 4 Nov → working Sat 2 Nov", entry: "2024-10-25", days: 10, expected: "2024-11-02"),
    .init(block: "2024 4 Nov → working Sat 2 Nov", entry: "2024-10-04", days: 30, expected: "2024-11-02"),
    .init(block: "2024 31 Dec → working Sat 28 Dec", entry: "2024-12-21", days: 10, expected: "2024-12-28"),
    .init(block: "2025 New Year, working Sat 28 Dec inside the term", entry: "2024-12-27", days: 10, expected: "2024-12-28"),
    .init(block: "2025 New Year", entry: "2024-12-06", days: 30, expected: "2024-12-28"),
    // 2025
    .init(block: "2025 23 Feb (Sun): Monday 24 works", entry: "2025-02-14", days: 10, expected: "2025-02-24"),
    .init(block: "2025 23 Feb, nominal Sunday", entry: "2025-02-13", days: 10, expected: "2025-02-21"),
    .init(block: "2025 23 Feb (Sun): Monday 24 works", entry: "2025-01-25", days: 30, expected: "2025-02-24"),
    .init(block: "2025 8 Mar (Sat): Monday 10 works", entry: "2025-02-28", days: 10, expected: "2025-03-10"),
    .init(block: "2025 8 Mar, nominal Sunday", entry: "2025-02-07", days: 30, expected: "2025-03-07"),
    .init(block: "2025 May 1–4", entry: "2025-04-24", days: 10, expected: "2025-04-30"),
    .init(block: "2025 May 1–4", entry: "2025-04-02", days: 30, expected: "2025-04-30"),
    .init(block: "2025 May 8–11", entry: "2025-05-01", days: 10, expected: "2025-05-07"),
    .init(block: "2025 May 8–11", entry: "2025-04-09", days: 30, expected: "2025-05-07"),
    .init(block: "2025 12–15 Jun", entry: "2025-06-05", days: 10, expected: "2025-06-11"),
    .init(block: "2025 12–15 Jun", entry: "2025-05-14", days: 30, expected: "2025-06-11"),
    .init(block: "2025 4 Nov → working Sat 1 Nov", entry: "2025-10-25", days: 10, expected: "2025-11-01"),
    .init(block: "2025 4 Nov → working Sat 1 Nov", entry: "2025-10-04", days: 30, expected: "2025-11-01"),
    .init(block: "2025 31 Dec", entry: "2025-12-21", days: 10, expected: "2025-12-30"),
    .init(block: "2026 New Year, 30 Dec inside the term", entry: "2025-12-29", days: 10, expected: "2025-12-30"),
    .init(block: "2026 New Year", entry: "2025-12-06", days: 30, expected: "2025-12-30"),
    // 2026
    .init(block: "2026 21–23 Feb", entry: "2026-02-13", days: 10, expected: "2026-02-20"),
    .init(block: "2026 21–23 Feb", entry: "2026-01-23", days: 30, expected: "2026-02-20"),
    .init(block: "2026 7–9 Mar", entry: "2026-02-27", days: 10, expected: "2026-03-06"),
    .init(block: "2026 7–9 Mar", entry: "2026-02-06", days: 30, expected: "2026-03-06"),
    .init(block: "2026 May 1–3", entry: "2026-04-23", days: 10, expected: "2026-04-30"),
    .init(block: "2026 May 1–3", entry: "2026-04-01", days: 30, expected: "2026-04-30"),
    .init(block: "2026 May 9–11", entry: "2026-05-01", days: 10, expected: "2026-05-08"),
    .init(block: "2026 May 9–11", entry: "2026-04-10", days: 30, expected: "2026-05-08"),
    .init(block: "2026 12–14 Jun", entry: "2026-06-04", days: 10, expected: "2026-06-11"),
    .init(block: "2026 12–14 Jun", entry: "2026-05-13", days: 30, expected: "2026-06-11"),
    .init(block: "2026 4 Nov", entry: "2026-10-25", days: 10, expected: "2026-11-03"),
    .init(block: "2026 4 Nov", entry: "2026-10-05", days: 30, expected: "2026-11-03"),
    .init(block: "2026 31 Dec", entry: "2026-12-21", days: 10, expected: "2026-12-30"),
    .init(block: "2027 New Year, 30 Dec inside the term", entry: "2026-12-29", days: 10, expected: "2026-12-30"),
    .init(block: "2027 New Year", entry: "2026-12-04", days: 30, expected: "2026-12-30"),
    // 2027
    .init(block: "2027 22–23 Feb → working Sat 20 Feb", entry: "2027-02-13", days: 10, expected: "2027-02-20"),
    .init(block: "2027 22–23 Feb → working Sat 20 Feb", entry: "2027-01-23", days: 30, expected: "2027-02-20"),
    .init(block: "2027 6–8 Mar", entry: "2027-02-26", days: 10, expected: "2027-03-05"),
    .init(block: "2027 6–8 Mar", entry: "2027-02-05", days: 30, expected: "2027-03-05"),
    .init(block: "2027 May 1–3", entry: "2027-04-23", days: 10, expected: "2027-04-30"),
    .init(block: "2027 May 1–3", entry: "2027-04-02", days: 30, expected: "2027-04-30"),
    .init(block: "2027 May 8–10", entry: "2027-04-30", days: 10, expected: "2027-05-07"),
    .init(block: "2027 May 8–10", entry: "2027-04-09", days: 30, expected: "2027-05-07"),
    .init(block: "2027 12–14 Jun", entry: "2027-06-04", days: 10, expected: "2027-06-11"),
    .init(block: "2027 12–14 Jun", entry: "2027-05-14", days: 30, expected: "2027-06-11"),
    .init(block: "2027 4–7 Nov", entry: "2027-10-28", days: 10, expected: "2027-11-03"),
    .init(block: "2027 4–7 Nov", entry: "2027-10-06", days: 30, expected: "2027-11-03"),
    .init(block: "2027 31 Dec", entry: "2027-12-21", days: 10, expected: "2027-12-30"),
    .init(block: "2027 31 Dec", entry: "2027-12-01", days: 30, expected: "2027-12-30"),
]

/// A term that lies wholly on days off: entry + N holds no working day.
struct SwallowedCase: Sendable, CustomTestStringConvertible {
    let entry: String
    let days: Int
    let expected: String
    var testDescription: String { "\(entry) + \(days) → \(expected) (swallowed)" }
}

// Found by hand: a 10-day term is swallowed when (entry, entry + 10] fits inside a block of days
// off, i.e. only around New Year (29.12.2024–08.01.2025, 31.12.2025–11.01.2026, 31.12.2026–10.01.2027).
private let swallowedCases: [SwallowedCase] = [
    .init(entry: "2024-12-28", days: 10, expected: "2025-01-09"),
    .init(entry: "2024-12-29", days: 10, expected: "2025-01-09"),
    .init(entry: "2025-12-30", days: 10, expected: "2026-01-12"),
    .init(entry: "2025-12-31", days: 10, expected: "2026-01-12"),
    .init(entry: "2026-01-01", days: 10, expected: "2026-01-12"),
    .init(entry: "2026-12-30", days: 10, expected: "2027-01-11"),
    .init(entry: "2026-12-31", days: 10, expected: "2027-01-11"),
    // Shorter terms are swallowed by shorter blocks, even an ordinary weekend.
    .init(entry: "2024-01-01", days: 5, expected: "2024-01-09"),
    .init(entry: "2027-01-01", days: 3, expected: "2027-01-11"),
    .init(entry: "2025-03-07", days: 1, expected: "2025-03-10"),
]

@Suite("Deadlines (order item 10)")
struct DeadlineTests {
    let calculator: DeadlineCalculator

    init() throws {
        calculator = DeadlineCalculator(calendar: try shipped())
    }

    @Test(arguments: holidayCases)
    func calendarDayTermEndsOnThePrecedingWorkingDay(_ example: HolidayCase) throws {
        let entry = try date(example.entry)
        let deadline = try calculator.deadline(entry: entry, term: .calendarDays(example.days))
        #expect(deadline.date == (try date(example.expected)))
        #expect(deadline.nominalLastDay == entry.adding(days: example.days))
        #expect(!deadline.swallowedByHolidays)
        #expect(deadline.note == nil)
        #expect(deadline.date > entry)
    }

    @Test(arguments: swallowedCases)
    func swallowedTermMovesToTheFirstWorkingDayAfter(_ example: SwallowedCase) throws {
        let entry = try date(example.entry)
        let deadline = try calculator.deadline(entry: entry, term: .calendarDays(example.days))
        #expect(deadline.date == (try date(example.expected)))
        #expect(deadline.swallowedByHolidays)
        #expect(deadline.nominalLastDay == entry.adding(days: example.days))
        #expect(deadline.note?.contains("swallowed by holidays") == true)
    }

    @Test func swallowedTermExplainsEveryDay() throws {
        let deadline = try calculator.deadline(entry: date("2024-12-29"), term: .calendarDays(10))
        #expect(deadline.date == (try date("2025-01-09")))
        #expect(deadline.nominalLastDay == (try date("2025-01-08")))
        // Back from 08.01 to 30.12 (10 days, all off), then forward to 09.01.
        #expect(deadline.steps.count == 11)
        #expect(deadline.steps.map(\.day.date.description) == [
            "2025-01-08", "2025-01-07", "2025-01-06", "2025-01-05", "2025-01-04", "2025-01-03",
            "2025-01-02", "2025-01-01", "2024-12-31", "2024-12-30", "2025-01-09",
        ])
        #expect(deadline.steps.first?.day.reason == .holiday(source: "ТК РФ ст. 112 ч. 1"))
        #expect(deadline.steps.first?.direction == .backward)
        #expect(deadline.steps[3].day.reason == .weekend)
        #expect(deadline.steps[9].day.reason
            == .transferredDayOff(source: "ПП РФ от 10.08.2023 № 1314: выходной с 28.12.2024 на 30.12.2024"))
        #expect(deadline.steps.dropLast().allSatisfy { $0.outcome == .skipped })
        #expect(deadline.steps.last == DeadlineStep(
            day: DayInfo(date: try date("2025-01-09"), reason: .ordinaryWeekday), direction: .forward, outcome: .chosen))
        #expect(deadline.note == "every day from 2024-12-30 to 2025-01-08 is non-working, so the term was swallowed by holidays: the deadline moves forward to the first working day, 2025-01-09")
    }

    @Test func ordinaryDeadlineExplainsTheStepBack() throws {
        let deadline = try calculator.deadline(entry: date("2024-02-13"), term: .calendarDays(10))
        #expect(deadline.steps.map(\.description) == [
            "2024-02-23 Fri: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped",
            "2024-02-22 Thu: working, ordinary weekday — deadline",
        ])
        #expect(deadline.description == "2024-02-22 (entry 2024-02-13 + 10 calendar days)")
    }

    @Test func deadlineCanFallOnAWorkingSaturday() throws {
        // Nominal day itself is the working Saturday 28.12.2024: no step back.
        let deadline = try calculator.deadline(entry: date("2024-12-18"), term: .calendarDays(10))
        #expect(deadline.date == (try date("2024-12-28")))
        #expect(deadline.date.isoWeekday == 6)
        #expect(deadline.steps.count == 1)
        let next = try calculator.deadline(entry: date("2024-12-18"), term: .calendarDays(10), endRule: .nextWorkingDay)
        #expect(next.date == (try date("2024-12-28")))
    }

    @Test(arguments: [
        // (entry, days, expected) by hand, first working day on or after entry + N.
        ("2024-02-13", 10, "2024-02-26"),  // 23 Feb Fri off, weekend → Mon 26
        ("2025-02-14", 10, "2025-02-24"),  // nominal Monday 24 Feb 2025 works
        ("2024-12-21", 10, "2025-01-09"),  // 31 Dec → through the whole New Year block
        ("2024-10-25", 10, "2024-11-05"),  // 4 Nov Mon off → Tue 5
        ("2024-04-21", 10, "2024-05-02"),  // 1 May Wed off → Thu 2
        ("2025-12-31", 10, "2026-01-12"),  // 10 Jan 2026 → Mon 12 Jan, not "swallowed" under this rule
        ("2027-02-13", 10, "2027-02-24"),  // 23 Feb Tue off → Wed 24
    ])
    func nextWorkingDayRule(entry: String, days: Int, expected: String) throws {
        let deadline = try calculator.deadline(entry: date(entry), term: .calendarDays(days), endRule: .nextWorkingDay)
        #expect(deadline.date == (try date(expected)))
        #expect(!deadline.swallowedByHolidays)
        #expect(deadline.endRule == .nextWorkingDay)
        #expect(deadline.steps.allSatisfy { $0.direction == .forward })
    }

    @Test(arguments: [
        // (entry, working days, expected) by hand; the entry day never counts.
        ("2024-12-27", 1, "2024-12-28"),   // the working Saturday
        ("2024-12-27", 2, "2025-01-09"),   // then nothing until 9 Jan
        ("2025-04-30", 5, "2025-05-13"),   // May 5, 6, 7, 12, 13
        ("2025-02-21", 1, "2025-02-24"),   // the Monday that stayed working
        ("2025-10-31", 1, "2025-11-01"),   // working Saturday
        ("2025-10-31", 2, "2025-11-05"),   // Nov 2–4 off
        ("2026-01-01", 10, "2026-01-23"),  // Jan 12–16, 19–23
        ("2024-01-08", 1, "2024-01-09"),   // entry itself a holiday: first working day after it
    ])
    func workingDayTerms(entry: String, days: Int, expected: String) throws {
        let deadline = try calculator.deadline(entry: date(entry), term: .workingDays(days))
        #expect(deadline.date == (try date(expected)))
        #expect(deadline.nominalLastDay == deadline.date)
        #expect(!deadline.swallowedByHolidays)
        #expect(deadline.steps.filter { $0.day.isWorkingDay }.count == days)
        #expect(deadline.steps.last?.outcome == .chosen)
    }

    @Test func workingDayTermStepsCountEachWorkingDay() throws {
        let deadline = try calculator.deadline(entry: date("2025-10-31"), term: .workingDays(2))
        #expect(deadline.steps.map(\.outcome) == [.counted(1), .skipped, .skipped, .skipped, .chosen])
    }

    @Test func extensionAddsDaysBeforeTheEndRule() throws {
        // 10.03.2024 + 30 = 09.04.2024 (Tue, working).
        let base = try calculator.deadline(entry: date("2024-03-10"), term: .calendarDays(30))
        #expect(base.date == (try date("2024-04-09")))
        // Extended by 30: nominal 09.05.2024 is Victory Day, so the deadline steps back to Wed 08.05.2024.
        let extended = try calculator.deadline(entry: date("2024-03-10"), term: .calendarDays(30), extraDays: 30)
        #expect(extended.date == (try date("2024-05-08")))
        #expect(extended.nominalLastDay == (try date("2024-05-09")))
        #expect(extended.extraDays == 30)
        #expect(extended.description == "2024-05-08 (entry 2024-03-10 + 30 calendar days + 30 days extension)")
        // 09.01.2025 + 60 = 10.03.2025, the Monday that stayed working.
        let trap = try calculator.deadline(entry: date("2025-01-09"), term: .calendarDays(30), extraDays: 30)
        #expect(trap.date == (try date("2025-03-10")))
        let none = try calculator.deadline(entry: date("2024-03-10"), term: .calendarDays(30), extraDays: 0)
        #expect(none.date == base.date)
    }

    @Test(arguments: [-1, 31, 60])
    func extensionOutOfRangeIsRejected(extraDays: Int) throws {
        #expect(throws: DeadlineError.extensionOutOfRange(days: extraDays)) {
            try calculator.deadline(entry: date("2024-03-10"), term: .calendarDays(30), extraDays: extraDays)
        }
    }

    @Test(arguments: [0, -5, 367, 1000])
    func termOutOfRangeIsRejected(days: Int) throws {
        #expect(throws: DeadlineError.termOutOfRange(days: days)) {
            try calculator.deadline(entry: date("2024-03-10"), term: .calendarDays(days))
        }
        #expect(throws: DeadlineError.termOutOfRange(days: days)) {
            try calculator.deadline(entry: date("2024-03-10"), term: .workingDays(days))
        }
    }

    @Test func longestTermIsAccepted() throws {
        // 2024 is a leap year: 09.01.2024 + 366 = 09.01.2025, a Thursday after the holidays.
        let deadline = try calculator.deadline(entry: date("2024-01-09"), term: .calendarDays(366))
        #expect(deadline.date == (try date("2025-01-09")))
    }

    @Test func termsThatLeaveTheCoveredYearsAreErrors() throws {
        // 22.12.2027 + 10 = 01.01.2028: nothing is known about 2028.
        #expect(throws: CalendarError.yearNotCovered(2028)) {
            try calculator.deadline(entry: date("2027-12-22"), term: .calendarDays(10))
        }
        #expect(throws: CalendarError.yearNotCovered(2028)) {
            try calculator.deadline(entry: date("2027-12-29"), term: .workingDays(3))
        }
        #expect(throws: CalendarError.yearNotCovered(2028)) {
            try calculator.deadline(entry: date("2027-12-21"), term: .calendarDays(10), endRule: .nextWorkingDay)
        }
        // 28.12.2023 + 10 = 07.01.2024: going back through 1–7 January reaches 31.12.2023.
        #expect(throws: CalendarError.yearNotCovered(2023)) {
            try calculator.deadline(entry: date("2023-12-28"), term: .calendarDays(10))
        }
        // The entry day is day 0 and is never looked up: 31.12.2023 + 10 = Wed 10.01.2024 works.
        #expect(try calculator.deadline(entry: date("2023-12-31"), term: .calendarDays(10)).date == date("2024-01-10"))
    }
}
