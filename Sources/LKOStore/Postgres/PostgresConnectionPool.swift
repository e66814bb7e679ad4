import Foundation
import LKOMessages
import Logging
import NIOCore
import PostgresNIO

/// Connections to one organization's schema, kept open between transactions.
///
/// Written by hand because the store's API is synchronous (its callers already run on threads
/// of their own, never on an event loop) and `PostgresClient` leases connections only to async
/// closures. A connection that broke (a server restart, a network fault) is dropped, and the
/// next transaction opens a new one: after a restart the pool recovers by itself.
final class PostgresConnectionPool: @unchecked Sendable {
    let address: PostgresAddress
    let logger: Logger
    /// At most this many connections are open at once (`LKO_PG_CONNECTIONS`, default 24): a
    /// request beyond them waits for one to come back. Opening a connection costs PostgreSQL a
    /// process; keeping a bounded set open and reusing it is what lets a server take a burst.
    let capacity: Int
    /// How long a request waits for a free connection before failing as busy.
    let leaseTimeout: TimeInterval
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var nextID = 1

    init(address: PostgresAddress, logger: Logger, leaseTimeout: TimeInterval) {
        self.address = address
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        let configured = ProcessInfo.processInfo.environment["LKO_PG_CONNECTIONS"].flatMap(Int.init) ?? 24
        capacity = min(max(configured, 1), 500)
    }

    func withConnection<T>(_ body: (PostgresConnectionBackend) throws -> T) throws -> T {
        let connection = try lease()
        let backend = PostgresConnectionBackend(connection: connection, logger: logger)
        do {
            let result = try body(backend)
            giveBack(connection)
            return result
        } catch {
            if let failure = error as? PostgresFailure, failure.isConnectionFailure {
                let closing: EventLoopFuture<Void> = connection.close()
                _ = closing
                giveBack(connection)
                throw StoreError.databaseUnavailable(address: address.display, reason: failure.message)
            }
            giveBack(connection)
            throw error
        }
    }

    private func lease() throws -> PostgresConnection {
        let deadline = Date().addingTimeInterval(leaseTimeout)
        condition.lock()
        while true {
            while let connection = idle.popLast() {
                if !connection.isClosed {
                    condition.unlock()
                    return connection
                }
                open -= 1
            }
            if open < capacity { break }
            guard condition.wait(until: deadline) else {
                condition.unlock()
                throw StoreError.busy(path: address.display)
            }
        }
        open += 1
        let id = nextID
        nextID += 1
        condition.unlock()
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password, database: address.database, tls: .disable
        )
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [("search_path", address.schema), ("application_name", "lko")]
        do {
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: id, logger: logger
            ).wait()
        } catch {
            condition.lock()
            open -= 1
            condition.signal()
            condition.unlock()
            let reason = (PostgresEngine.translate(error) as? PostgresFailure)?.message ?? "\(error)"
            throw StoreError.databaseUnavailable(address: address.display, reason: reason)
        }
    }

    /// A connection back to the pool; a closed one frees its place.
    private func giveBack(_ connection: PostgresConnection) {
        condition.lock()
        if connection.isClosed {
            open -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }

    // A store dropped without `close()` still hangs up politely (and PostgresNIO insists).
    deinit { closeAll() }

    func closeAll() {
        condition.lock()
        let connections = idle
        open -= idle.count
        idle.removeAll()
        condition.unlock()
        for connection in connections { let closing: EventLoopFuture<Void> = connection.close()
            _ = try? PostgresConnectionBackend.bounded(closing, connection: connection) }
    }
}
