import Foundation

/// Where the store's data lives: a SQLite file (one organization on one machine, the
/// default) or a PostgreSQL database (a region: many organizations, several servers).
///
/// An engine runs each `write` as one transaction that either commits whole or leaves nothing,
/// and serializes writes to one organization's data (the audit chain is one linear chain).
public protocol StoreEngine: AnyObject, Sendable {
    var dialect: SQLDialect { get }
    /// The address as people gave it, without a password (messages, the audit key's default place).
    var displayAddress: String { get }
    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T
    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T
    /// The engine's own integrity check: `["ok"]` when healthy.
    func integrityCheck() throws -> [String]
    func close() throws
}
