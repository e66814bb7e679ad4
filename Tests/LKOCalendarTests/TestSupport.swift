import Foundation
import Testing
@testable import LKOCalendar

/// A date from its ISO text; a typo in a test's literal fails that test instead of crashing the run.
func date(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try #require(CalendarDate(iso: iso), "bad date literal \(iso)", sourceLocation: sourceLocation)
}

/// The shipped calendar, loaded once: every test reads it, none changes it.
let shippedCalendar: ProductionCalendar? = try? ProductionCalendar.shipped()

func shipped(sourceLocation: SourceLocation = #_sourceLocation) throws -> ProductionCalendar {
    try #require(shippedCalendar, "the shipped calendar did not load", sourceLocation: sourceLocation)
}

/// The shipped TSV read straight from the source tree, so the tests can walk its rows with their
/// own simple parser instead of trusting the one under test.
func shippedTSVRows() throws -> [(date: String, kind: String, source: String)] {
    let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let url = testsFolder.appending(path: "../../Sources/LKOCalendar/Resources/ru-production-calendar.tsv")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n")
        .filter { !$0.hasPrefix("#") && !$0.hasPrefix("date\t") }
        .map { line in
            let fields = line.split(separator: "\t").map(String.init)
            return (fields[0], fields[1], fields[2])
        }
}
