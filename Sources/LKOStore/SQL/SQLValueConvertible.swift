import Foundation

/// A Swift value that is stored as one column.
public protocol SQLValueConvertible: Sendable {
    var sqlValue: SQLValue { get }
    /// The value, or nil when the column holds something this type cannot represent.
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .string(self) }
    public static func fromSQL(_ value: SQLValue) -> String? {
        switch value {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(data: data, encoding: .utf8)
        case .null: return nil
        }
    }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .int64(self) }
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .int64(let number): return number
        case .double(let number): return Int64(exactly: number)
        // PostgreSQL's numeric (a SUM) arrives as text.
        case .string(let text): return Int64(text) ?? Double(text).flatMap { Int64(exactly: $0) }
        default: return nil
        }
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .int64(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).flatMap { Int(exactly: $0) } }
}

extension Int32: SQLValueConvertible {
    public var sqlValue: SQLValue { .int64(Int64(self)) }
    public static func fromSQL(_ value: SQLValue) -> Int32? { Int64.fromSQL(value).flatMap { Int32(exactly: $0) } }
}

extension Bool: SQLValueConvertible {
    public var sqlValue: SQLValue { .int64(self ? 1 : 0) }
    public static func fromSQL(_ value: SQLValue) -> Bool? { Int64.fromSQL(value).map { $0 != 0 } }
}

extension Double: SQLValueConvertible {
    public var sqlValue: SQLValue { .double(self) }
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .double(let number): return number
        case .int64(let number): return Double(number)
        case .string(let text): return Double(text)
        default: return nil
        }
    }
}

extension Data: SQLValueConvertible {
    public var sqlValue: SQLValue { .blob(self) }
    public static func fromSQL(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let data): return data
        case .string(let text): return Data(text.utf8)
        default: return nil
        }
    }
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
    public static func fromSQL(_ value: SQLValue) -> SQLValue? { value }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    public static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if value.isNull { return .some(nil) }
        return Wrapped.fromSQL(value).map { .some($0) }
    }
}

extension RawRepresentable where Self: SQLValueConvertible, RawValue: SQLValueConvertible {
    public var sqlValue: SQLValue { rawValue.sqlValue }
    public static func fromSQL(_ value: SQLValue) -> Self? { RawValue.fromSQL(value).flatMap(Self.init(rawValue:)) }
}

// MARK: - Fetching single columns

extension SQLValueConvertible {
    /// The first column of each row.
    public static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.rows(sql: sql, arguments: arguments).map { row in try row.decodeColumn(0, as: Self.self) }
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    public static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Self? {
        guard let row = try db.rows(sql: sql, arguments: arguments).first, !row.value(at: 0).isNull else { return nil }
        return try row.decodeColumn(0, as: Self.self)
    }

    public static func fetchSet(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Set<Self> where Self: Hashable {
        Set(try fetchAll(db, sql: sql, arguments: arguments))
    }

    public static func fetchAll(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> [Self] {
        try statement.rows(arguments: arguments).map { row in try row.decodeColumn(0, as: Self.self) }
    }

    public static func fetchOne(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> Self? {
        try statement.rows(arguments: arguments).first.flatMap { row in
            row.value(at: 0).isNull ? nil : try row.decodeColumn(0, as: Self.self)
        }
    }
}
