import Testing
@testable import LKOCalendar

/// The decree table of domain.md, typed in by hand: an oracle independent of the TSV file.
private let nonWorkingWeekdays: [Int: [String]] = [
    2024: ["01-01", "01-02", "01-03", "01-04", "01-05", "01-08", "02-23", "03-08", "04-29", "04-30",
           "05-01", "05-09", "05-10", "06-12", "11-04", "12-30", "12-31"],
    2025: ["01-01", "01-02", "01-03", "01-06", "01-07", "01-08", "05-01", "05-02", "05-08", "05-09",
           "06-12", "06-13", "11-03", "11-04", "12-31"],
    2026: ["01-01", "01-02", "01-05", "01-06", "01-07", "01-08", "01-09", "02-23", "03-09", "05-01",
           "05-11", "06-12", "11-04", "12-31"],
    2027: ["01-01", "01-04", "01-05", "01-06", "01-07", "01-08", "02-22", "02-23", "03-08", "05-03",
           "05-10", "06-14", "11-04", "11-05", "12-31"],
]
private let workingSaturdays = ["2024-04-27", "2024-11-02", "2024-12-28", "2025-11-01", "2027-02-20"]

@Suite("Shipped production calendar")
struct ShippedCalendarTests {
    @Test func coversExactly2024Through2027() throws {
        #expect(try shipped().coveredYears == [2024, 2025, 2026, 2027])
    }

    @Test func honoursEveryRowOfTheShippedFile() throws {
        let calendar = try shipped()
        let rows = try shippedTSVRows()
        // From the decree table: 17 + 3 (2024), 15 + 1 (2025), 14 (2026), 15 + 1 (2027).
        #expect(rows.count == 66)
        let listed = Set(rows.map(\.date))
        for row in rows {
            let day = try date(row.date)
            let info = try calendar.dayInfo(day)
            switch row.kind {
            case "holiday": #expect(info.reason == .holiday(source: row.source), "\(row.date)")
            case "transfer_off": #expect(info.reason == .transferredDayOff(source: row.source), "\(row.date)")
            case "workday_weekend": #expect(info.reason == .workingWeekend(source: row.source), "\(row.date)")
            default: Issue.record("unexpected kind \(row.kind) on \(row.date)")
            }
            #expect(try calendar.isWorkingDay(day) == (row.kind == "workday_weekend"), "\(row.date)")

            // The neighbours not listed themselves follow the plain Mon–Fri rule.
            for neighbour in [day.adding(days: -1), day.adding(days: 1)]
            where !listed.contains(neighbour.description) && calendar.covers(year: neighbour.year) {
                let expected: DayReason = neighbour.isWeekend ? .weekend : .ordinaryWeekday
                #expect(try calendar.dayInfo(neighbour).reason == expected, "\(neighbour)")
                #expect(try calendar.isWorkingDay(neighbour) == !neighbour.isWeekend, "\(neighbour)")
            }
        }
    }

    @Test func everyDayMatchesTheDecreeTable() throws {
        let calendar = try shipped()
        var day = try date("2024-01-01")
        let end = try date("2027-12-31")
        var checked = 0
        while day <= end {
            let (year, month, dayOfMonth) = day.components
            let monthDay = String(format: "%02d-%02d", month, dayOfMonth)
            let expected: Bool
            if workingSaturdays.contains(day.description) {
                expected = true
            } else if nonWorkingWeekdays[year, default: []].contains(monthDay) {
                expected = false
            } else {
                expected = !day.isWeekend
            }
            #expect(try calendar.isWorkingDay(day) == expected, "\(day)")
            #expect(try calendar.dayInfo(day).isWorkingDay == expected, "\(day)")
            checked += 1
            day = day.adding(days: 1)
        }
        #expect(checked == 366 + 365 * 3)
    }

    @Test(arguments: [(2024, 248), (2025, 247), (2026, 247), (2027, 247)])
    func workingDaysPerYear(year: Int, count: Int) throws {
        // 2027 by hand from the decree table: 365 days from Friday to Friday hold 261 weekdays;
        // 15 of them are off (Jan 1, 4–8; Feb 22, 23; Mar 8; May 3, 10; Jun 14; Nov 4, 5; Dec 31)
        // and one Saturday works (Feb 20): 261 − 15 + 1 = 247.
        #expect(try shipped().workingDayCount(inYear: year) == count)
    }

    @Test func workingDaysBetweenDates() throws {
        let calendar = try shipped()
        // 2026-01-01…2026-01-23: Jan 1–11 are off, then Jan 12–16 and 19–23.
        #expect(try calendar.workingDayCount(from: date("2026-01-01"), through: date("2026-01-23")) == 10)
        // April 2024: 22 weekdays, minus Apr 29 and 30, plus Saturday Apr 27.
        #expect(try calendar.workingDayCount(from: date("2024-04-01"), through: date("2024-04-30")) == 21)
        #expect(try calendar.workingDayCount(from: date("2024-05-02"), through: date("2024-05-01")) == 0)
        #expect(throws: CalendarError.yearNotCovered(2028)) {
            try calendar.workingDayCount(from: date("2027-12-30"), through: date("2028-01-03"))
        }
        #expect(throws: CalendarError.yearNotCovered(2023)) { try calendar.workingDayCount(inYear: 2023) }
    }

    @Test(arguments: workingSaturdays)
    func workingSaturdaysAreWorkingDays(iso: String) throws {
        let day = try date(iso)
        #expect(day.isoWeekday == 6)
        #expect(try shipped().isWorkingDay(day))
        let info = try shipped().dayInfo(day)
        #expect(info.reason.source?.hasPrefix("ПП РФ") == true)
    }

    @Test func mondaysAfterWeekendHolidaysOf2025StayWorking() throws {
        // 23 Feb and 8 Mar 2025 fell on Sunday and Saturday, but the decree moved those days off
        // to 8 May and 13 June, so the Mondays after them are ordinary working days.
        let calendar = try shipped()
        for iso in ["2025-02-24", "2025-03-10"] {
            #expect(try calendar.dayInfo(date(iso)) == DayInfo(date: date(iso), reason: .ordinaryWeekday))
        }
        #expect(try calendar.dayInfo(date("2025-05-08")).reason
            == .transferredDayOff(source: "ПП РФ от 04.10.2024 № 1335: выходной с 23.02.2025 на 08.05.2025"))
        #expect(try !calendar.isWorkingDay(date("2025-06-13")))
    }

    @Test func explainsDaysWithTheirSource() throws {
        let calendar = try shipped()
        #expect(try calendar.dayInfo(date("2025-01-08")).description
            == "2025-01-08 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1)")
        #expect(try calendar.dayInfo(date("2024-04-27")).description
            == "2024-04-27 Sat: working, working weekend day (ПП РФ от 10.08.2023 № 1314: выходной с 27.04.2024 на 29.04.2024)")
        #expect(try calendar.dayInfo(date("2026-03-07")).reason == .weekend)
        #expect(calendar.exceptionDays.count == 66)
        #expect(try calendar.exceptionDays.first?.date == date("2024-01-01"))
    }

    @Test(arguments: [("2023-12-31", 2023), ("2028-01-10", 2028), ("1999-06-01", 1999)])
    func datesOutsideTheCoveredYearsAreErrors(iso: String, year: Int) throws {
        let calendar = try shipped()
        #expect(throws: CalendarError.yearNotCovered(year)) { try calendar.isWorkingDay(date(iso)) }
        #expect(throws: CalendarError.yearNotCovered(year)) { try calendar.dayInfo(date(iso)) }
    }
}
