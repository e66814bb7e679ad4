import Foundation
import LKOMessages
import GRDB

extension Store {
    public struct BackupResult: Sendable {
        public var pages: Int
        public var integrity: String
    }

    /// Copies the database into a new file with SQLite's online backup API: a consistent
    /// snapshot even while other connections write. The copy is owner-only and checked.
    public func backup(to destination: String) throws -> BackupResult {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: destination) else { throw StoreError.databaseExists(path: destination) }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            let target = try DatabaseQueue(path: destination)
            try queue.backup(to: target)
            let (pages, integrity) = try target.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?")
            }
            try target.close()
            guard integrity == "ok" else { throw StoreError.invalidField(field: "backup", reason: Message(.fieldErrBackupIntegrity, ["result": .text(integrity)])) }
            return BackupResult(pages: pages, integrity: integrity)
        } catch {
            try? manager.removeItem(atPath: destination)
            throw Store.translate(error, path: path)
        }
    }
}
