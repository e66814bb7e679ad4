import Foundation
import LKOMessages

extension SQLDatabase {
    /// Runs `body` on another organization of the same regional database, inside this
    /// transaction: the other organization's write lock is taken and its tables become the
    /// unqualified ones until `body` returns. Both organizations' changes commit together or
    /// not at all (a redirect between ЛКО moves a case this way).
    ///
    /// Locks are taken in the order transactions ask for them; two transfers in opposite
    /// directions at the same moment are a deadlock PostgreSQL breaks by failing one of them
    /// (reported as ``StoreError/busy(path:)``: try again).
    public func inOrganization<T>(_ organization: String, _ body: (SQLDatabase) throws -> T) throws -> T {
        guard dialect == .postgres else {
            throw StoreError.invalidField(field: "organization", reason: Message(.regionNeedsPostgres))
        }
        guard PostgresAddress.isValidOrganization(organization) else {
            throw StoreError.invalidField(field: "organization", reason: Message(.pgErrOrganization, ["organization": .text(organization)]))
        }
        let schema = "lko_" + organization
        guard try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?", arguments: [schema]) ?? 0 > 0 else {
            throw StoreError.invalidField(field: "organization", reason: Message(.regionUnknownOrganization, ["organization": .text(organization)]))
        }
        let previous = try String.fetchOne(self, sql: "SELECT current_schema()") ?? "public"
        try execute(sql: "SELECT pg_advisory_xact_lock(hashtext(?))", arguments: [schema])
        try execute(sql: "SET LOCAL search_path TO \(schema)")
        defer { try? execute(sql: "SET LOCAL search_path TO \(previous)") }
        let result = try body(self)
        // As at the end of every write: rows written after the organization's last entry are
        // not left for its next transaction to record.
        try execute(sql: "DELETE FROM audit_pending")
        return result
    }
}
