/// A name as written, with where it was written.
public struct Identifier: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan

    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// A dotted path into the classification tree: `roads`, `roads.potholes`, `roads.potholes.pit`.
public struct NodePath: Sendable, Hashable, CustomStringConvertible {
    public var segments: [Identifier]
    public var span: SourceSpan

    public init(segments: [Identifier], span: SourceSpan) {
        self.segments = segments
        self.span = span
    }

    public var description: String { segments.map(\.name).joined(separator: ".") }
}

public struct StringLiteral: Sendable, Hashable {
    public var value: String
    public var span: SourceSpan

    public init(_ value: String, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

public struct IntegerLiteral: Sendable, Hashable {
    public var value: Int
    public var span: SourceSpan

    public init(_ value: Int, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// A `YYYY-MM-DD` date as written. The language layer checks only that it names a real day;
/// the compiler turns it into a calendar date.
public struct DateLiteral: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var span: SourceSpan

    public var description: String { Self.format(year, month, day) }

    /// The parts of an ISO date that names a real day, or nil.
    public static func parts(of text: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
              let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1], year >= 1 else { return nil }
        return (year, month, day)
    }

    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// Comments that belong to a declaration or statement, so `lko fmt` can keep them in place.
public struct Trivia: Sendable, Hashable {
    /// Comments on their own lines just before it.
    public var leading: [Comment] = []
    /// A comment at the end of its last line.
    public var trailing: Comment?
    /// Whether a blank line stood before it (kept, collapsed to one, by the formatter).
    public var blankLineBefore = false

    public init(leading: [Comment] = [], trailing: Comment? = nil, blankLineBefore: Bool = false) {
        self.leading = leading
        self.trailing = trailing
        self.blankLineBefore = blankLineBefore
    }
}
