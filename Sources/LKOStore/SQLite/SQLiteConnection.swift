import Foundation
import GRDB

/// One GRDB connection seen through ``SQLConnectionBackend``.
final class SQLiteConnection: SQLConnectionBackend {
    // GRDB hands the connection to the closure that runs the transaction; this wrapper lives
    // only as long as that closure.
    unowned(unsafe) let db: GRDB.Database

    init(_ db: GRDB.Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    func execute(sql: String, arguments: SQLArguments, cached: Bool) throws {
        if cached {
            try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
        } else {
            try db.execute(sql: sql, arguments: Self.bind(arguments))
        }
    }

    func rows(sql: String, arguments: SQLArguments, cached: Bool) throws -> [SQLRow] {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        let columns = statement.columnNames
        var result: [SQLRow] = []
        let cursor = try GRDB.Row.fetchCursor(statement, arguments: Self.bind(arguments))
        while let row = try cursor.next() {
            var values: [SQLValue] = []
            values.reserveCapacity(columns.count)
            for index in 0..<columns.count { values.append(Self.value(row[index] as DatabaseValue)) }
            result.append(SQLRow(columnNames: columns, values: values))
        }
        return result
    }

    func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        try execute(sql: sql, arguments: arguments, cached: true)
        return db.lastInsertedRowID
    }

    var changesCount: Int { db.changesCount }

    func inSavepoint(_ body: () throws -> Void) throws {
        try db.inSavepoint {
            try body()
            return .commit
        }
    }

    func drainChangedRows() throws -> [String: Set<Int64>] {
        SQLiteRowTracker.tracker(for: db)?.drain() ?? [:]
    }

    func markChanged(table: String, rowIDs: [Int64]) {
        guard let tracker = SQLiteRowTracker.tracker(for: db) else { return }
        tracker.pending[table, default: []].formUnion(rowIDs)
    }

    static func bind(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .int64(let number): return number.databaseValue
            case .double(let number): return number.databaseValue
            case .string(let text): return text.databaseValue
            case .blob(let data): return data.databaseValue
            }
        })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .int64(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(text)
        case .blob(let data): return .blob(data)
        }
    }
}

/// Notes the rowids written in tracked tables in each transaction, per connection (SQLite's
/// update hook through GRDB's transaction observer). PostgreSQL does the same with triggers.
final class SQLiteRowTracker: TransactionObserver, @unchecked Sendable {
    // Only the connection's own thread touches `pending` (GRDB serializes a connection).
    var pending: [String: Set<Int64>] = [:]

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        AuditRows.tables.contains(eventKind.tableName)
    }

    func databaseDidChange(with event: DatabaseEvent) {
        pending[event.tableName, default: []].insert(event.rowID)
    }

    func databaseDidCommit(_ db: GRDB.Database) { pending.removeAll() }
    func databaseDidRollback(_ db: GRDB.Database) { pending.removeAll() }

    func drain() -> [String: Set<Int64>] {
        defer { pending.removeAll() }
        return pending
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var trackers: [ObjectIdentifier: SQLiteRowTracker] = [:]

    /// Installs the tracker on a new connection (from the store's configuration).
    static func install(on db: GRDB.Database) {
        let tracker = SQLiteRowTracker()
        db.add(transactionObserver: tracker, extent: .databaseLifetime)
        lock.lock()
        trackers[ObjectIdentifier(db)] = tracker
        lock.unlock()
    }

    static func tracker(for db: GRDB.Database) -> SQLiteRowTracker? {
        lock.lock()
        defer { lock.unlock() }
        return trackers[ObjectIdentifier(db)]
    }
}
