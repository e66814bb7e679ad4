/// Reads the production-calendar TSV format.
///
/// The format, one record per line:
///
/// ```
/// # comment lines start with '#'; blank lines are ignored
/// date	kind	source
/// 2024-04-27	workday_weekend	ПП РФ от 10.08.2023 № 1314: …
/// 2024-04-29	transfer_off	ПП РФ от 10.08.2023 № 1314: …
/// 2024-05-01	holiday	ТК РФ ст. 112 ч. 1
/// 2028	year	ПП РФ от … № … «О переносе выходных дней в 2028 году»
/// ```
///
/// Only days that differ from "Monday–Friday work, Saturday–Sunday rest" are listed. A year is
/// covered when any line falls in it; the `year` kind (date field `YYYY`) covers a year that has
/// no exception at all.
enum CalendarTSV {
    /// What one text declares: exceptions by date and covered years, each with its source.
    struct Contents {
        var exceptions: [CalendarDate: DayReason] = [:]
        var declaredYears: [Int: String] = [:]
    }

    static let header = ["date", "kind", "source"]

    static func parse(_ text: String, origin: String) throws(CalendarDataError) -> Contents {
        var contents = Contents()
        var sawHeader = false
        var lineOfDate: [CalendarDate: Int] = [:]
        var lineOfYear: [Int: Int] = [:]

        // In a Swift String "\r\n" is a single Character, so splitting on "\n" alone would leave a
        // file saved on Windows as one long line; accept both line ends.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let lineNumber = index + 1
            func fail(_ reason: CalendarDataError.Reason) -> CalendarDataError {
                CalendarDataError(origin: origin, line: lineNumber, reason: reason)
            }

            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingSpaces() }

            guard sawHeader else {
                guard fields == header else { throw fail(.missingHeader(found: String(line))) }
                sawHeader = true
                continue
            }
            guard fields.count == 3 else { throw fail(.wrongFieldCount(fields.count)) }
            let (dateField, kind, source) = (fields[0], fields[1], fields[2])

            if kind == "year" {
                guard dateField.count == 4, let year = Int(dateField), CalendarDate.firstDay(ofYear: year) != nil
                else { throw fail(.invalidYear(dateField)) }
                guard !source.isEmpty else { throw fail(.missingSource) }
                if let firstLine = lineOfYear[year] { throw fail(.duplicateYear(year, firstLine: firstLine)) }
                lineOfYear[year] = lineNumber
                contents.declaredYears[year] = source
                continue
            }

            guard let date = CalendarDate(iso: dateField) else { throw fail(.invalidDate(dateField)) }
            let reason: DayReason
            switch kind {
            case "holiday": reason = .holiday(source: source)
            case "transfer_off": reason = .transferredDayOff(source: source)
            case "workday_weekend": reason = .workingWeekend(source: source)
            default: throw fail(.unknownKind(kind))
            }
            guard !source.isEmpty else { throw fail(.missingSource) }
            if let firstLine = lineOfDate[date] { throw fail(.duplicateDate(date, firstLine: firstLine)) }
            // A line that restates the plain rule is almost always a mistyped date, so refuse it.
            if reason.isWorkingDay, !date.isWeekend { throw fail(.workingWeekendOnWeekday(date)) }
            if !reason.isWorkingDay, date.isWeekend { throw fail(.dayOffOnWeekend(date, kind: kind)) }
            lineOfDate[date] = lineNumber
            contents.exceptions[date] = reason
        }
        // Line 1 is where the header belongs (after any comments), so that is where to point.
        guard sawHeader else { throw CalendarDataError(origin: origin, line: 1, reason: .emptyData) }
        return contents
    }
}

extension Substring {
    /// Drops spaces at both ends (tabs are the separators): a source with a stray space is the same source.
    fileprivate func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
