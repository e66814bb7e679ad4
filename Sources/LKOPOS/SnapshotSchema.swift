import LKOStore

/// The tables of ПОС snapshots. Until the store's migrator registers them (as migration
/// `v8-pos-snapshots`, with exactly ``sql``), they are created here on first use; every
/// statement is `IF NOT EXISTS`, so both paths agree and running it twice changes nothing.
public enum SnapshotSchema {
    public static let migrationIdentifier = "v8-pos-snapshots"

    public static let sql = """
        CREATE TABLE IF NOT EXISTS pos_snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            file_sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            format TEXT NOT NULL,
            as_of TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            issue_count INTEGER NOT NULL,
            columns_missing TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS pos_rows (
            snapshot_id INTEGER NOT NULL REFERENCES pos_snapshots(id) ON DELETE CASCADE,
            pos_number TEXT NOT NULL,
            row_number INTEGER NOT NULL,
            epgu_number TEXT,
            source TEXT,
            category TEXT,
            subcategory TEXT,
            fact TEXT,
            node TEXT,
            regime TEXT,
            received TEXT,
            planned TEXT,
            actual TEXT,
            stage TEXT,
            status TEXT,
            overdue_flag INTEGER,
            fast_track INTEGER,
            decision_type TEXT,
            rating TEXT,
            reexamination INTEGER,
            coordinator TEXT,
            executor TEXT,
            manager TEXT,
            coordinator_login TEXT,
            executor_login TEXT,
            manager_login TEXT,
            PRIMARY KEY (snapshot_id, pos_number)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS pos_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            snapshot_id INTEGER NOT NULL REFERENCES pos_snapshots(id) ON DELETE CASCADE,
            pos_number TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('appeared', 'status', 'executor', 'coordinator', 'manager', 'planned')),
            old_value TEXT,
            new_value TEXT,
            day TEXT NOT NULL,
            dated_by TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS pos_events_by_number ON pos_events(pos_number, day);
        CREATE TABLE IF NOT EXISTS pos_applied (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            version TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        """

    /// Creates the tables if the store's migrator has not.
    public static func ensure(_ db: SQLDatabase) throws {
        if try db.tableExists("pos_applied") { return }
        // PostgreSQL schemas are made whole (PostgresSchema); only an older SQLite file lacks them.
        try db.execute(sql: sql)
    }
}
