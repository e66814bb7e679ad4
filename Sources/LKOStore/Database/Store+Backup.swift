import Foundation
import LKOMessages

extension Store {
    public struct BackupResult: Sendable {
        public var pages: Int
        public var integrity: String
    }

    /// Copies a SQLite database into a new file with SQLite's online backup API: a consistent
    /// snapshot even while other connections write. The copy is owner-only and checked.
    /// (A PostgreSQL database is backed up with `pg_dump`, docs/deploy.md.)
    public func backup(to destination: String) throws -> BackupResult {
        guard let sqlite = engine as? SQLiteEngine else {
            throw StoreError.invalidField(field: "backup", reason: Message(.fieldErrBackupPostgres))
        }
        let manager = FileManager.default
        guard !manager.fileExists(atPath: destination) else { throw StoreError.databaseExists(path: destination) }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        do {
            let (pages, integrity) = try sqlite.backup(to: destination)
            guard integrity == "ok" else { throw StoreError.invalidField(field: "backup", reason: Message(.fieldErrBackupIntegrity, ["result": .text(integrity)])) }
            return BackupResult(pages: pages, integrity: integrity)
        } catch {
            try? manager.removeItem(atPath: destination)
            throw SQLiteEngine.translate(error, path: path)
        }
    }
}
