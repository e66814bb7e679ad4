import GRDB

/// The store's schema as forward-only migrations. A migration, once released, never changes;
/// changes come as new migrations appended here. The identifiers are recorded in the database,
/// which is how a binary recognises a database written by a newer lko.
enum Schema {
    /// `PRAGMA application_id` of every lko database ("LKO1"), to refuse foreign SQLite files.
    static let applicationID: Int32 = 0x4C4B_4F31

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-accounts-sessions-settings") { db in
            try db.execute(sql: """
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE accounts (
                    login TEXT PRIMARY KEY NOT NULL,
                    full_name TEXT NOT NULL,
                    position TEXT NOT NULL DEFAULT '',
                    department TEXT NOT NULL DEFAULT '',
                    email TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
                    password_hash TEXT NOT NULL,
                    failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT,
                    is_bootstrap INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY NOT NULL,
                    login TEXT NOT NULL REFERENCES accounts(login) ON DELETE CASCADE,
                    created_at TEXT NOT NULL,
                    last_seen_at TEXT NOT NULL
                );
                CREATE INDEX sessions_by_login ON sessions(login);
                """)
        }
        migrator.registerMigration("v2-policy-versions") { db in
            try db.execute(sql: """
                CREATE TABLE policy_versions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    version TEXT NOT NULL UNIQUE,
                    sources TEXT NOT NULL,
                    tables TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE activations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    version_id INTEGER NOT NULL REFERENCES policy_versions(id),
                    kind TEXT NOT NULL CHECK (kind IN ('apply', 'rollback')),
                    actor TEXT NOT NULL,
                    at TEXT NOT NULL,
                    message TEXT NOT NULL DEFAULT ''
                );
                """)
        }
        migrator.registerMigration("v3-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    object TEXT NOT NULL,
                    details TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_by_actor ON audit(actor);
                CREATE INDEX audit_by_object ON audit(object);
                """)
        }
        return migrator
    }
}
