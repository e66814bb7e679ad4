import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler

extension CalendarDate: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultValueDescription: String { "YYYY-MM-DD" }
}

extension Action: @retroactive ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Regime: @retroactive ExpressibleByArgument {}
extension Channel: @retroactive ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Today's date in a time zone (the organization's, for decisions and lint).
enum Today {
    static func date(in zoneIdentifier: String = "Europe/Moscow") -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zoneIdentifier) ?? TimeZone(identifier: "Europe/Moscow")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
