import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler

extension CalendarDate: ExpressibleByArgument {
    /// A day as people write it, DD.MM.YYYY, or YYYY-MM-DD (``DayInput``). Anything else is a
    /// parse failure that names both forms (`ParserErrors`, for every `<date>`).
    public init?(argument: String) {
        guard let day = DayInput.parse(argument) else { return nil }
        self = day
    }
}

extension Action: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Regime: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}

/// Today's date in a time zone (the organization's, for decisions and lint).
enum Today {
    static func date(in zoneIdentifier: String = "Europe/Moscow") -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zoneIdentifier) ?? TimeZone(identifier: "Europe/Moscow")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
