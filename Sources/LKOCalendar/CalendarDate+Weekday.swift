import LKOMessages

extension CalendarDate {
    /// `Mon` … `Sun`, for explanations meant to be read by people.
    public var weekdayAbbreviation: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday - 1]
    }

    /// The weekday for people in either language: `пн` … `вс`, `Mon` … `Sun` (from the catalog).
    public var weekdayArgument: Message.Argument {
        func name(_ language: Language) -> String {
            let names = Messages.template(.calWeekdays, language).split(separator: " ").map(String.init)
            return names.count == 7 ? names[isoWeekday - 1] : weekdayAbbreviation
        }
        return .pair(ru: name(.ru), en: name(.en))
    }

    /// The day as people write it: `08.01.2025` (ISO 8601 stays in JSON and files).
    public var peopleText: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(day, 2)).\(pad(month, 2)).\(pad(year, 4))"
    }

    /// January 1 of `year`, or nil outside the years `CalendarDate` can represent (1…9999).
    public static func firstDay(ofYear year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 1, day: 1)
    }

    /// December 31 of `year`, or nil outside the years `CalendarDate` can represent (1…9999).
    public static func lastDay(ofYear year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: 12, day: 31)
    }
}
