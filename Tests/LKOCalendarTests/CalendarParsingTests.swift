import Testing
@testable import LKOCalendar

/// A bad line and the error it must produce; the header sits on line 2, after a comment.
struct BadLineCase: Sendable, CustomTestStringConvertible {
    let lines: [String]
    let line: Int
    let reason: CalendarDataError.Reason
    var testDescription: String { "line \(line): \(reason)" }
}

private func tsv(_ lines: [String]) -> String {
    (["# test calendar", "date\tkind\tsource"] + lines).joined(separator: "\n") + "\n"
}

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

private let badLines: [BadLineCase] = [
    .init(lines: ["2024-13-01\tholiday\tТК"], line: 3, reason: .invalidDate("2024-13-01")),
    .init(lines: ["2025-02-29\tholiday\tТК"], line: 3, reason: .invalidDate("2025-02-29")),
    .init(lines: ["01.01.2024\tholiday\tТК"], line: 3, reason: .invalidDate("01.01.2024")),
    .init(lines: ["2024-01-01\tholliday\tТК"], line: 3, reason: .unknownKind("holliday")),
    .init(lines: ["2024-01-01\tholiday"], line: 3, reason: .wrongFieldCount(2)),
    .init(lines: ["2024-01-01\tholiday\tТК\textra"], line: 3, reason: .wrongFieldCount(4)),
    .init(lines: ["2024-01-01 holiday ТК"], line: 3, reason: .wrongFieldCount(1)),
    .init(lines: ["2024-01-01\tholiday\t  "], line: 3, reason: .missingSource),
    .init(lines: ["2024-01-01\tholiday\tТК", "", "2024-01-01\ttransfer_off\tПП"], line: 5,
          reason: .duplicateDate(day("2024-01-01"), firstLine: 3)),
    .init(lines: ["2024-04-29\tworkday_weekend\tПП"], line: 3, reason: .workingWeekendOnWeekday(day("2024-04-29"))),
    .init(lines: ["2024-04-27\tholiday\tТК"], line: 3, reason: .dayOffOnWeekend(day("2024-04-27"), kind: "holiday")),
    .init(lines: ["# fine", "2024-04-28\ttransfer_off\tПП"], line: 4,
          reason: .dayOffOnWeekend(day("2024-04-28"), kind: "transfer_off")),
    .init(lines: ["20x8\tyear\tПП"], line: 3, reason: .invalidYear("20x8")),
    .init(lines: ["2028-01-01\tyear\tПП"], line: 3, reason: .invalidYear("2028-01-01")),
    .init(lines: ["2028\tyear\t"], line: 3, reason: .missingSource),
    .init(lines: ["2028\tyear\tПП", "2028\tyear\tПП"], line: 4, reason: .duplicateYear(2028, firstLine: 3)),
]

@Suite("Reading calendar data")
struct CalendarParsingTests {
    @Test(arguments: badLines)
    func badLineIsReportedWithItsNumber(_ example: BadLineCase) {
        #expect(throws: CalendarDataError(origin: "test.tsv", line: example.line, reason: example.reason)) {
            try ProductionCalendar(tsv: tsv(example.lines), origin: "test.tsv")
        }
    }

    @Test func errorReadsLikeACompilerDiagnostic() {
        let error = CalendarDataError(origin: "decree-2028.tsv", line: 7, reason: .invalidDate("2028-02-30"))
        #expect(error.description == "decree-2028.tsv:7: \"2028-02-30\" is not a date in the form YYYY-MM-DD")
        let weekend = CalendarDataError(origin: "x.tsv", line: 3, reason: .dayOffOnWeekend(day("2024-04-27"), kind: "holiday"))
        #expect(weekend.description == "x.tsv:3: 2024-04-27 is a Sat, already a day off: holiday only applies to Monday–Friday")
    }

    @Test func headerIsRequired() {
        #expect(throws: CalendarDataError(origin: "t", line: 2, reason: .missingHeader(found: "2024-01-01\tholiday\tТК"))) {
            try ProductionCalendar(tsv: "# no header\n2024-01-01\tholiday\tТК\n", origin: "t")
        }
        #expect(throws: CalendarDataError(origin: "t", line: 1, reason: .missingHeader(found: "date,kind,source"))) {
            try ProductionCalendar(tsv: "date,kind,source\n", origin: "t")
        }
        #expect(throws: CalendarDataError(origin: "t", line: 1, reason: .emptyData)) {
            try ProductionCalendar(tsv: "", origin: "t")
        }
        #expect(throws: CalendarDataError(origin: "t", line: 1, reason: .emptyData)) {
            try ProductionCalendar(tsv: "# only\n# comments\n", origin: "t")
        }
    }

    @Test func coveredYearsComeFromTheData() throws {
        let calendar = try ProductionCalendar(tsv: tsv(["2030-01-01\tholiday\tТК"]), origin: "t")
        #expect(calendar.coveredYears == [2030])
        #expect(try !calendar.isWorkingDay(day("2030-01-01")))
        #expect(try calendar.isWorkingDay(day("2030-12-31")))  // a Tuesday, no exception listed
        #expect(throws: CalendarError.yearNotCovered(2031)) { try calendar.isWorkingDay(day("2031-01-01")) }
        let empty = try ProductionCalendar(tsv: tsv([]), origin: "t")
        #expect(empty.coveredYears.isEmpty)
        #expect(throws: CalendarError.yearNotCovered(2024)) { try empty.isWorkingDay(day("2024-01-09")) }
    }

    @Test func yearLineCoversAYearWithoutExceptions() throws {
        let calendar = try ProductionCalendar(tsv: tsv(["2028\tyear\tПП РФ о переносе выходных дней в 2028 году"]), origin: "t")
        #expect(calendar.coveredYears == [2028])
        #expect(calendar.declarationSource(forYear: 2028) == "ПП РФ о переносе выходных дней в 2028 году")
        // 2028 is a leap year starting on Saturday: 52 full weeks plus Sat 30 and Sun 31 Dec.
        #expect(try calendar.workingDayCount(inYear: 2028) == 260)
        #expect(try calendar.dayInfo(day("2028-01-10")).reason == .ordinaryWeekday)
    }

    @Test func acceptsWindowsLineEndingsAndStraySpaces() throws {
        let text = "date\tkind\tsource\r\n2024-04-27\tworkday_weekend\tПП РФ № 1314 \r\n2024-04-29 \ttransfer_off\tПП РФ № 1314\r\n"
        let calendar = try ProductionCalendar(tsv: text, origin: "t")
        #expect(try calendar.dayInfo(day("2024-04-27")).reason == .workingWeekend(source: "ПП РФ № 1314"))
        #expect(try !calendar.isWorkingDay(day("2024-04-29")))
    }
}
