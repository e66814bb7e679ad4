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
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextID = 1
    /// More idle connections than this are closed when returned.
    private let maximumIdle = 16

    init(address: PostgresAddress, logger: Logger) {
        self.address = address
        self.logger = logger
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
                _ = try? connection.close().wait()
                throw StoreError.databaseUnavailable(address: address.display, reason: failure.message)
            }
            giveBack(connection)
            throw error
        }
    }

    private func lease() throws -> PostgresConnection {
        lock.lock()
        while let connection = idle.popLast() {
            if !connection.isClosed {
                lock.unlock()
                return connection
            }
        }
        let id = nextID
        nextID += 1
        lock.unlock()
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
            let reason = (PostgresEngine.translate(error) as? PostgresFailure)?.message ?? "\(error)"
            throw StoreError.databaseUnavailable(address: address.display, reason: reason)
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        lock.lock()
        if !connection.isClosed && idle.count < maximumIdle {
            idle.append(connection)
            lock.unlock()
        } else {
            lock.unlock()
            _ = try? connection.close().wait()
        }
    }

    // A store dropped without `close()` still hangs up politely (and PostgresNIO insists).
    deinit { closeAll() }

    func closeAll() {
        lock.lock()
        let connections = idle
        idle.removeAll()
        lock.unlock()
        for connection in connections { _ = try? connection.close().wait() }
    }
}
