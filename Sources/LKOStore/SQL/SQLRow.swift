import Foundation

/// One row of a result: its column names and values, in the order the query gave them.
public struct SQLRow: Sendable, Sequence {
    public let columnNames: [String]
    public let values: [SQLValue]

    public init(columnNames: [String], values: [SQLValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    public var count: Int { values.count }

    public func index(of column: String) -> Int? {
        if let exact = columnNames.firstIndex(of: column) { return exact }
        let lowered = column.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }
    }

    public func value(at index: Int) -> SQLValue { values[index] }

    /// The value of a column; NULL when the row has no such column.
    public func value(named column: String) -> SQLValue {
        index(of: column).map { values[$0] } ?? .null
    }

    public func hasColumn(_ column: String) -> Bool { index(of: column) != nil }

    /// A column's value as `T`. Like GRDB's row subscript, a value that cannot be `T` is a
    /// programming error (the schema and the code disagree), not bad input.
    public subscript<T: SQLValueConvertible>(_ column: String) -> T {
        guard let index = index(of: column) else { preconditionFailure("no column \(column) in row \(columnNames)") }
        return decodeOrFail(index, as: T.self)
    }

    public subscript<T: SQLValueConvertible>(_ index: Int) -> T { decodeOrFail(index, as: T.self) }

    public subscript(_ column: String) -> SQLValue { value(named: column) }

    func decodeColumn<T: SQLValueConvertible>(_ index: Int, as type: T.Type) throws -> T {
        guard let value = T.fromSQL(values[index]) else {
            throw SQLDecodingError(column: columnNames[index], value: values[index], type: "\(T.self)")
        }
        return value
    }

    private func decodeOrFail<T: SQLValueConvertible>(_ index: Int, as type: T.Type) -> T {
        guard let value = T.fromSQL(values[index]) else {
            preconditionFailure("column \(columnNames[index]) holds \(values[index]), not \(T.self)")
        }
        return value
    }

    public func makeIterator() -> AnyIterator<(String, SQLValue)> {
        var position = 0
        return AnyIterator {
            guard position < values.count else { return nil }
            defer { position += 1 }
            return (columnNames[position], values[position])
        }
    }
}

/// A column that holds a value its Swift type cannot take (the schema and the code disagree).
public struct SQLDecodingError: Error, CustomStringConvertible {
    public var column: String
    public var value: SQLValue
    public var type: String
    public var description: String { "column \(column) holds \(value), which is not a \(type)" }
}

extension SQLRow {
    public static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        try db.rows(sql: sql, arguments: arguments)
    }

    public static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try db.rows(sql: sql, arguments: arguments).first
    }

    public static func fetchCursor(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> SQLCursor<SQLRow> {
        SQLCursor(try db.rows(sql: sql, arguments: arguments))
    }

    public static func fetchAll(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> [SQLRow] {
        try statement.rows(arguments: arguments)
    }

    public static func fetchOne(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> SQLRow? {
        try statement.rows(arguments: arguments).first
    }
}

/// Rows one at a time, in the shape of GRDB's cursors.
public final class SQLCursor<Element> {
    private var iterator: IndexingIterator<[Element]>
    init(_ elements: [Element]) { iterator = elements.makeIterator() }
    public func next() throws -> Element? { iterator.next() }
}
