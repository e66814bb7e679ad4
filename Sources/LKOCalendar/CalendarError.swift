import LKOMessages

/// A question the production calendar refuses to answer.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The date falls in a year the calendar has no data for.
    ///
    /// Which weekdays are off depends on a decree published each autumn for the next year, so
    /// the calendar never guesses: add the year's decree (a new data file, or overrides with a
    /// ``CalendarYearDeclaration``) and ask again.
    case yearNotCovered(Int)

    /// For people, in either language.
    public var message: Message {
        switch self {
        case .yearNotCovered(let year): Message(.calYearNotCovered, ["year": .text("\(year)")])
        }
    }

    public var description: String {
        switch self {
        case .yearNotCovered(let year):
            "the production calendar does not cover \(year): add that year's transfer decree before computing dates in it"
        }
    }
}
