import LKOCalendar
import LKOCompiler

/// Questions about the compiled policy that are about a person rather than one case.
enum PolicyFacts {
    static func valid(from: String?, until: String?, on day: CalendarDate) -> Bool {
        let text = day.description
        return (from.map { $0 <= text } ?? true) && (until.map { text <= $0 } ?? true)
    }
}

extension CompiledPolicy {
    /// Whether `login` may do `action` on at least some case (or, for administrative actions,
    /// at all) on `day`: which pages of the console the person gets.
    func holds(_ login: String, _ action: Action, on day: CalendarDate) -> Bool {
        tables.permissions.contains { $0.login == login && $0.action == action.rawValue && PolicyFacts.valid(from: $0.from, until: $0.until, on: day) }
    }
}
