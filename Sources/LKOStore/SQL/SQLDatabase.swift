import Foundation

/// Which engine holds the database: the SQL the store writes is common to both, with a few
/// spellings chosen per dialect.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// What an engine does for one connection inside one transaction (or one read).
public protocol SQLConnectionBackend: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement (or several separated by `;` when there are no arguments); `?`
    /// placeholders take `arguments` in order. `cached`: the statement runs often, keep it prepared.
    func execute(sql: String, arguments: SQLArguments, cached: Bool) throws
    func rows(sql: String, arguments: SQLArguments, cached: Bool) throws -> [SQLRow]
    /// Runs an `INSERT` into a table with an `id` key and returns the new row's id.
    func insert(sql: String, arguments: SQLArguments) throws -> Int64
    /// Rows the last `execute` changed.
    var changesCount: Int { get }
    /// Runs `body` in a savepoint: its changes are undone if it throws, the transaction goes on.
    func inSavepoint(_ body: () throws -> Void) throws
    /// The rows of tracked tables written since the last call (``AuditRows``), by table.
    func drainChangedRows() throws -> [String: Set<Int64>]
    /// Marks rows as written, so that the next audit entry records them again.
    func markChanged(table: String, rowIDs: [Int64])
}

/// The database as the store's code sees it inside ``Store/write(_:)`` and ``Store/read(_:)``:
/// statements with `?` placeholders, typed rows, whichever engine is underneath.
public final class SQLDatabase {
    let backend: any SQLConnectionBackend

    public init(backend: any SQLConnectionBackend) {
        self.backend = backend
    }

    public var dialect: SQLDialect { backend.dialect }

    public func execute(sql: String, arguments: SQLArguments = []) throws {
        try backend.execute(sql: sql, arguments: arguments, cached: false)
    }

    public func rows(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        try backend.rows(sql: sql, arguments: arguments, cached: false)
    }

    func rows(sql: String, arguments: SQLArguments, cached: Bool) throws -> [SQLRow] {
        try backend.rows(sql: sql, arguments: arguments, cached: cached)
    }

    /// Inserts one row into a table keyed by `id` and returns its id.
    @discardableResult
    public func insert(sql: String, arguments: SQLArguments = []) throws -> Int64 {
        try backend.insert(sql: sql, arguments: arguments)
    }

    public var changesCount: Int { backend.changesCount }

    public func inSavepoint(_ body: () throws -> Void) throws {
        try backend.inSavepoint(body)
    }

    /// Whether the organization's schema has a table of that name.
    public func tableExists(_ name: String) throws -> Bool {
        let sql = dialect == .sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        return try Int.fetchOne(self, sql: sql, arguments: [name]) ?? 0 > 0
    }

    /// A statement run many times. The engines cache what they prepare; this keeps call sites
    /// in the shape they read best.
    public func cachedStatement(sql: String) throws -> SQLStatement { SQLStatement(db: self, sql: sql) }
    public func makeStatement(sql: String) throws -> SQLStatement { SQLStatement(db: self, sql: sql) }
}

/// One statement's text, bound to the database it runs on.
public struct SQLStatement {
    let db: SQLDatabase
    public let sql: String

    public func execute(arguments: SQLArguments = []) throws {
        try db.backend.execute(sql: sql, arguments: arguments, cached: true)
    }

    func rows(arguments: SQLArguments) throws -> [SQLRow] {
        try db.rows(sql: sql, arguments: arguments, cached: true)
    }
}
