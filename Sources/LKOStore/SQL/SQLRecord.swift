import Foundation

/// A type read whole from a row, its `CodingKeys` naming the columns.
public protocol SQLRecord: Decodable {
    init(row: SQLRow) throws
}

extension SQLRecord {
    public init(row: SQLRow) throws {
        try self.init(from: RowDecoder(row: row))
    }

    public static func fetchAll(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.rows(sql: sql, arguments: arguments).map(Self.init(row:))
    }

    public static func fetchOne(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.rows(sql: sql, arguments: arguments).first.map(Self.init(row:))
    }

    public static func fetchCursor(_ db: SQLDatabase, sql: String, arguments: SQLArguments = []) throws -> SQLCursor<Self> {
        SQLCursor(try fetchAll(db, sql: sql, arguments: arguments))
    }

    public static func fetchAll(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> [Self] {
        try statement.rows(arguments: arguments).map(Self.init(row:))
    }

    public static func fetchOne(_ statement: SQLStatement, arguments: SQLArguments = []) throws -> Self? {
        try statement.rows(arguments: arguments).first.map(Self.init(row:))
    }
}

/// Decodes a `Decodable` value from one row: each key is a column.
private struct RowDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row decodes as keyed values"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row decodes as keyed values"))
    }
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columnNames.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { row.hasColumn(key.stringValue) }

    func decodeNil(forKey key: Key) throws -> Bool { row.value(named: key.stringValue).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let value = row.value(named: key.stringValue)
        if let convertible = T.self as? any SQLValueConvertible.Type {
            guard let decoded = convertible.fromSQL(value) as? T else { throw mismatch(key, value, T.self) }
            return decoded
        }
        return try T(from: ColumnDecoder(value: value, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "a column holds one value"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column holds one value"))
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }

    private func mismatch<T>(_ key: Key, _ value: SQLValue, _ type: T.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: [key], debugDescription: "column \(key.stringValue) holds \(value)"))
    }
}

/// One column as a single value: what a `String`- or `Int`-backed enum decodes itself from.
private struct ColumnDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLValue
    let key: any CodingKey
    var codingPath: [any CodingKey] { [key] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<K: CodingKey>(keyedBy type: K.Type) throws -> KeyedDecodingContainer<K> {
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "a column holds one value"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a column holds one value"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let convertible = T.self as? any SQLValueConvertible.Type, let decoded = convertible.fromSQL(value) as? T {
            return decoded
        }
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "column \(key.stringValue) holds \(value)"))
    }
}
