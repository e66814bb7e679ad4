import Foundation
import LKOAccounts
import LKOCalendar

/// Time as the store sees it: an injectable wall clock, and the day in the organization's zone.
public enum StoreClock {
    /// `2026-03-02T09:00:00Z` — the form stored in every timestamp column and audit entry.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// A stored timestamp for people: `2026-03-02T09:00:00Z` → `02.03.2026 09:00 UTC` (anything
    /// else as it is).
    public static func text(_ stored: String) -> String {
        guard let date = parse(stored) else { return stored }
        let iso = format(date)
        let day = iso.prefix(10).split(separator: "-")
        return "\(day[2]).\(day[1]).\(day[0]) \(iso.dropFirst(11).prefix(5)) UTC"
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][Z]` (UTC) — the form of `LKO_NOW`.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.hasSuffix("Z") ? String(text.dropLast()) : text
        let halves = trimmed.split(separator: "T", omittingEmptySubsequences: false)
        guard halves.count == 2, let day = CalendarDate(iso: halves[0]) else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(clock.count), clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0]!, minute = clock[1]!, second = clock.count == 3 ? clock[2]! : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        let seconds = Double(day.dayNumber) * 86_400 + Double(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: seconds)
    }

    /// The calendar day of an instant in a time zone.
    public static func day(of date: Date, in zoneIdentifier: String) -> CalendarDate {
        let zone = TimeZone(identifier: zoneIdentifier) ?? TimeZone(identifier: "Europe/Moscow")!
        let shifted = date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        return CalendarDate(dayNumber: Int32((shifted / 86_400).rounded(.down)))
    }
}
