import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO

/// One PostgreSQL connection seen through ``SQLConnectionBackend``, inside one transaction.
///
/// The store's SQL is written with `?` placeholders (as SQLite wants); they become `$1, $2, …`
/// here. Every parameter is sent as text of unspecified type, so PostgreSQL infers its type
/// from where it stands, as it does for a literal — the store binds an integer to a text
/// column in places SQLite accepts, and PostgreSQL would refuse a typed parameter there.
final class PostgresConnectionBackend: SQLConnectionBackend {
    let connection: PostgresConnection
    let logger: Logger
    private(set) var changesCount = 0
    private var savepoints = 0

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    func execute(sql: String, arguments: SQLArguments, cached: Bool) throws {
        let result = try run(sql, arguments)
        changesCount = result.metadata.rows ?? 0
    }

    func rows(sql: String, arguments: SQLArguments, cached: Bool) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        return result.rows.map(Self.row)
    }

    func insert(sql: String, arguments: SQLArguments) throws -> Int64 {
        let result = try run(sql + " RETURNING id", arguments)
        changesCount = result.metadata.rows ?? 0
        guard let first = result.rows.first, case .int64(let id) = Self.row(first).value(at: 0) else {
            throw PostgresEngineError.noInsertedID(sql: sql)
        }
        return id
    }

    func inSavepoint(_ body: () throws -> Void) throws {
        savepoints += 1
        let name = "lko_sp\(savepoints)"
        try execute(sql: "SAVEPOINT \(name)", arguments: [], cached: false)
        do {
            try body()
            try execute(sql: "RELEASE SAVEPOINT \(name)", arguments: [], cached: false)
        } catch {
            try? execute(sql: "ROLLBACK TO SAVEPOINT \(name)", arguments: [], cached: false)
            throw error
        }
    }

    /// The rows the tracking triggers noted since the last call (``PostgresSchema``).
    func drainChangedRows() throws -> [String: Set<Int64>] {
        var changed: [String: Set<Int64>] = [:]
        for row in try rows(sql: "DELETE FROM audit_pending RETURNING tbl, row_id", arguments: [], cached: true) {
            changed[row["tbl"] as String, default: []].insert(row["row_id"] as Int64)
        }
        return changed
    }

    func markChanged(table: String, rowIDs: [Int64]) {
        for rowID in rowIDs {
            try? execute(sql: "INSERT INTO audit_pending(tbl, row_id) VALUES (?, ?)", arguments: [table, rowID], cached: true)
        }
    }

    // MARK: - Running statements

    func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        do {
            return try Self.bounded(send(sql, arguments), connection: connection)
        } catch {
            throw PostgresEngine.translate(error)
        }
    }

    /// Sends a statement without waiting for its answer. The connection answers in order, so
    /// a `BEGIN` sent this way is done before the next statement runs: the transaction's
    /// bookkeeping costs no round trip of its own.
    func send(_ sql: String, _ arguments: SQLArguments = []) -> EventLoopFuture<PostgresQueryResult> {
        var bindings = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value {
            case .null: bindings.appendNull()
            case .int64(let number): bindings.append(UntypedParameter(text: String(number)))
            case .double(let number): bindings.append(UntypedParameter(text: String(number)))
            case .string(let text): bindings.append(UntypedParameter(text: text))
            case .blob(let data): bindings.append(UntypedParameter(text: "\\x" + data.map { String(format: "%02x", $0) }.joined()))
            }
        }
        return connection.query(PostgresQuery(unsafeSQL: PlaceholderRewriter.rewrite(sql), binds: bindings), logger: logger)
    }

    /// Ends a failed transaction: ROLLBACK on a live connection; nothing on one that failed (a
    /// statement sent on a dead connection may never be answered — the server rolls back by
    /// itself when the connection goes).
    func rollback(after error: any Error, begin: EventLoopFuture<PostgresQueryResult>) {
        if let failure = error as? PostgresFailure, failure.isConnectionFailure { return }
        _ = try? awaitAnswer(begin)
        try? execute(sql: "ROLLBACK", arguments: [], cached: false)
    }

    /// Waits for a statement sent earlier; its failure is thrown as the store's.
    func awaitAnswer(_ sent: EventLoopFuture<PostgresQueryResult>) throws {
        do {
            _ = try Self.bounded(sent, connection: connection)
        } catch {
            throw PostgresEngine.translate(error)
        }
    }

    /// How long lko waits for any one answer. Statements are short and lock waits end at the
    /// busy timeout; no answer by then means a connection that died without saying so (seen
    /// after a server restart): it is closed and the request fails cleanly instead of hanging.
    static let answerTimeout: TimeInterval = 30

    /// Waits for `future` at most ``answerTimeout``; on time-out the connection is closed.
    static func bounded<T: Sendable>(_ future: EventLoopFuture<T>, connection: PostgresConnection) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = NIOLockedValueBox<Result<T, any Error>?>(nil)
        future.whenComplete { result in
            box.withLockedValue { $0 = result }
            done.signal()
        }
        guard done.wait(timeout: .now() + answerTimeout) == .success, let result = box.withLockedValue({ $0 }) else {
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
            throw PostgresFailure(sqlState: "08006", message: "no answer from the server in \(Int(answerTimeout)) s", detail: nil)
        }
        return try result.get()
    }

    static func row(_ row: PostgresRow) -> SQLRow {
        var names: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            names.append(cell.columnName)
            values.append(value(of: cell))
        }
        return SQLRow(columnNames: names, values: values)
    }

    /// A cell as one of SQLite's storage classes, so that rows compare and digest the same on
    /// both engines: integers and booleans as integers, text as text.
    static func value(of cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return (try? cell.decode(Int16.self)).map { .int64(Int64($0)) } ?? .null
        case .int4: return (try? cell.decode(Int32.self)).map { .int64(Int64($0)) } ?? .null
        case .int8, .oid: return (try? cell.decode(Int64.self)).map { .int64($0) } ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .int64($0 ? 1 : 0) } ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map { .double($0) } ?? .null
        case .bytea:
            guard var buffer = cell.bytes else { return .null }
            return .blob(Data(buffer.readBytes(length: buffer.readableBytes) ?? []))
        case .numeric:
            // A SUM or an AVG: kept whole when it is an integer.
            let text = (try? cell.decode(String.self)) ?? ""
            if let integer = Int64(text) { return .int64(integer) }
            return Double(text).map { .double($0) } ?? .string(text)
        default:
            if let text = try? cell.decode(String.self) { return .string(text) }
            guard var buffer = cell.bytes else { return .null }
            return .string(buffer.readString(length: buffer.readableBytes) ?? "")
        }
    }
}

/// A parameter in text form whose type PostgreSQL infers from the statement (OID 0).
struct UntypedParameter: PostgresDynamicTypeEncodable {
    var text: String
    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

/// `?` → `$1, $2, …`, leaving quoted text and identifiers alone.
enum PlaceholderRewriter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: String] = [:]

    static func rewrite(_ sql: String) -> String {
        lock.lock()
        if let known = cache[sql] { lock.unlock(); return known }
        lock.unlock()
        var output = ""
        output.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character? = nil
        for character in sql {
            if let open = quote {
                output.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                output.append(character)
            case "?":
                number += 1
                output += "$\(number)"
            default:
                output.append(character)
            }
        }
        lock.lock()
        // Statements built with values spliced in (LIMIT n) would grow the cache without end.
        if cache.count < 4096 { cache[sql] = output }
        lock.unlock()
        return output
    }
}
