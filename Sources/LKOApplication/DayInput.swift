import LKOCalendar
import LKOMessages

/// A day typed by a person or sent by a client: `YYYY-MM-DD` (ISO, what HTML date fields send)
/// or `DD.MM.YYYY` (how staff write it).
public enum DayInput {
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDate(iso: trimmed) { return day }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A required or optional day field, with the error naming the field.
    public static func field(_ text: String?, name: String, required: Bool) throws -> CalendarDate? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            if required { throw AppError.invalid(.errEnterDate, field: name) }
            return nil
        }
        guard let day = parse(text) else { throw AppError.invalid(.errUnreadableDate, ["text": .text(String(text.prefix(40)))], field: name) }
        return day
    }
}
