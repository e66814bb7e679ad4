/// The values bound to a statement's `?` placeholders, in order.
public struct SQLArguments: Sendable, ExpressibleByArrayLiteral, Equatable {
    public var values: [SQLValue]

    public init(_ values: [SQLValue] = []) { self.values = values }

    public init<S: Sequence>(_ sequence: S) where S.Element: SQLValueConvertible {
        values = sequence.map(\.sqlValue)
    }

    public init(arrayLiteral elements: (any SQLValueConvertible)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public var isEmpty: Bool { values.isEmpty }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments { SQLArguments(lhs.values + rhs.values) }
    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) { lhs.values += rhs.values }
    public mutating func append(_ value: (any SQLValueConvertible)?) { values.append(value?.sqlValue ?? .null) }
}
