import LKOMessages

/// What the production calendar says about one day, and why.
///
/// `DayInfo` is the answer to "is this a working day?" that can be shown to a person: the reason
/// carries the legal source that made a weekday a day off or a Saturday a working day, so a report
/// or `lko deadline --explain` can cite it instead of asserting it.
public struct DayInfo: Hashable, Sendable, CustomStringConvertible {
    public let date: CalendarDate
    public let reason: DayReason

    public init(date: CalendarDate, reason: DayReason) {
        self.date = date
        self.reason = reason
    }

    /// Whether people work on this day (the reason decides; see ``DayReason/isWorkingDay``).
    public var isWorkingDay: Bool { reason.isWorkingDay }

    /// For example `2025-01-08 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1)`.
    public var description: String {
        "\(date) \(date.weekdayAbbreviation): \(isWorkingDay ? "working" : "non-working"), \(reason)"
    }

    /// For people, in either language: `08.01.2025 ср: нерабочий, нерабочий праздничный день (ТК РФ ст. 112 ч. 1)`.
    public var message: Message {
        Message(.calDayLine, [
            "date": .text(date.peopleText), "weekday": date.weekdayArgument,
            "kind": .message(Message(isWorkingDay ? .calWorking : .calNonWorking)), "reason": .message(reason.message),
        ])
    }
}

/// Why a day is working or not.
///
/// The first two cases are the plain rule (Monday–Friday work, Saturday–Sunday rest); every other
/// case is an exception and names the source that made it one: a line of the shipped calendar
/// or an administrator's override.
public enum DayReason: Hashable, Sendable, CustomStringConvertible {
    /// Monday to Friday with no exception: working.
    case ordinaryWeekday
    /// Saturday or Sunday with no exception: non-working.
    case weekend
    /// A public holiday on a weekday (Labour Code art. 112 part 1): non-working.
    case holiday(source: String)
    /// A weekday made a day off by a transfer (a decree, or art. 112 part 2 when a holiday falls
    /// on a weekend): non-working.
    case transferredDayOff(source: String)
    /// A Saturday or Sunday made a working day by a decree: working.
    case workingWeekend(source: String)
    /// A weekday the administrator declared working, overriding the shipped data: working.
    case declaredWorkingDay(source: String)
    /// A day the administrator declared non-working, overriding the shipped data: non-working.
    case declaredDayOff(source: String)

    public var isWorkingDay: Bool {
        switch self {
        case .ordinaryWeekday, .workingWeekend, .declaredWorkingDay: true
        case .weekend, .holiday, .transferredDayOff, .declaredDayOff: false
        }
    }

    /// The legal source of an exception; nil for the plain weekday/weekend rule.
    public var source: String? {
        switch self {
        case .ordinaryWeekday, .weekend: nil
        case .holiday(let source), .transferredDayOff(let source), .workingWeekend(let source),
             .declaredWorkingDay(let source), .declaredDayOff(let source):
            source
        }
    }

    /// For people, in either language (the legal source as it is written).
    public var message: Message {
        switch self {
        case .ordinaryWeekday: Message(.calReasonOrdinary)
        case .weekend: Message(.calReasonWeekend)
        case .holiday(let source): Message(.calReasonHoliday, ["source": .text(source)])
        case .transferredDayOff(let source): Message(.calReasonTransferred, ["source": .text(source)])
        case .workingWeekend(let source): Message(.calReasonWorkingWeekend, ["source": .text(source)])
        case .declaredWorkingDay(let source): Message(.calReasonDeclaredWorking, ["source": .text(source)])
        case .declaredDayOff(let source): Message(.calReasonDeclaredDayOff, ["source": .text(source)])
        }
    }

    public var description: String {
        switch self {
        case .ordinaryWeekday: "ordinary weekday"
        case .weekend: "weekend"
        case .holiday(let source): "public holiday (\(source))"
        case .transferredDayOff(let source): "day off by transfer (\(source))"
        case .workingWeekend(let source): "working weekend day (\(source))"
        case .declaredWorkingDay(let source): "declared working by override (\(source))"
        case .declaredDayOff(let source): "declared non-working by override (\(source))"
        }
    }
}
