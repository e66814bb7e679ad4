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
        migrator.registerMigration("v4-cases") { db in
            try db.execute(sql: """
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    pos_number TEXT NOT NULL UNIQUE,
                    epgu_number TEXT,
                    regime TEXT NOT NULL CHECK (regime IN ('appeal', 'message')),
                    node TEXT NOT NULL,
                    source TEXT,
                    channel TEXT,
                    locality TEXT,
                    address TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '',
                    applicant_name TEXT NOT NULL DEFAULT '',
                    applicant_contacts TEXT NOT NULL DEFAULT '',
                    received_on TEXT NOT NULL,
                    moderation_on TEXT NOT NULL,
                    state TEXT NOT NULL,
                    assignee TEXT,
                    original_assignee TEXT,
                    routed_by TEXT NOT NULL DEFAULT '',
                    fast_track INTEGER NOT NULL DEFAULT 0,
                    term_days INTEGER NOT NULL,
                    term_unit TEXT NOT NULL,
                    extension_days INTEGER NOT NULL DEFAULT 0,
                    extension_reason TEXT,
                    deadline TEXT,
                    deadline_note TEXT,
                    answer TEXT,
                    drafted_by TEXT,
                    drafted_for TEXT,
                    submitted_by TEXT,
                    redirected_to TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX cases_by_state ON cases(state);
                CREATE INDEX cases_by_assignee ON cases(assignee);
                CREATE TABLE case_events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    at TEXT NOT NULL,
                    on_day TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    acting_for TEXT,
                    action TEXT NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    assignee_before TEXT,
                    assignee_after TEXT,
                    comment TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX case_events_by_case ON case_events(case_id, id);
                """)
        }
        migrator.registerMigration("v5-absences") { db in
            try db.execute(sql: """
                CREATE TABLE absences (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    login TEXT NOT NULL,
                    starts_on TEXT NOT NULL,
                    ends_on TEXT,
                    reason TEXT NOT NULL CHECK (reason IN ('vacation', 'sick', 'business_trip', 'study', 'other')),
                    substitute TEXT NOT NULL,
                    return_open_cases INTEGER NOT NULL DEFAULT 0,
                    allow_partial INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL CHECK (status IN ('planned', 'cancelled')) DEFAULT 'planned',
                    start_processed INTEGER NOT NULL DEFAULT 0,
                    end_processed INTEGER NOT NULL DEFAULT 0,
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX absences_by_login ON absences(login);
                CREATE INDEX absences_by_substitute ON absences(substitute);
                """)
        }
        // The record order item 15 needs: every version of the answer, immutable; lateness and
        // late redirects when they happen; the kind of a redirect and its reason.
        migrator.registerMigration("v6-record") { db in
            try db.execute(sql: """
                ALTER TABLE cases ADD COLUMN redirect_kind TEXT;
                ALTER TABLE cases ADD COLUMN redirect_reason TEXT;
                ALTER TABLE cases ADD COLUMN answered_on TEXT;
                CREATE TABLE answer_versions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    kind TEXT NOT NULL CHECK (kind IN ('draft', 'submitted', 'returned', 'approved')),
                    text TEXT NOT NULL,
                    author TEXT NOT NULL,
                    acting_for TEXT,
                    at TEXT NOT NULL,
                    on_day TEXT NOT NULL,
                    comment TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX answer_versions_by_case ON answer_versions(case_id, id);
                CREATE TRIGGER answer_versions_are_immutable BEFORE UPDATE ON answer_versions
                BEGIN SELECT RAISE(ABORT, 'answer versions are immutable'); END;
                CREATE TABLE violations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    kind TEXT NOT NULL CHECK (kind IN ('late_answer', 'late_redirect', 'late_extension')),
                    on_day TEXT NOT NULL,
                    deadline TEXT,
                    calendar_days INTEGER NOT NULL DEFAULT 0,
                    working_days INTEGER NOT NULL DEFAULT 0,
                    responsible TEXT NOT NULL DEFAULT '[]',
                    detail TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL
                );
                CREATE INDEX violations_by_day ON violations(on_day);
                INSERT INTO answer_versions(case_id, kind, text, author, at, on_day)
                    SELECT id, CASE state WHEN 'answered' THEN 'approved' ELSE 'draft' END, answer, COALESCE(drafted_by, 'system'), updated_at, substr(updated_at, 1, 10)
                    FROM cases WHERE answer IS NOT NULL;
                """)
        }
        // Issue 13: the chain covers every state change (AuditRows).
        migrator.registerMigration("v7-audit-rows") { db in
            try db.execute(sql: """
                ALTER TABLE audit ADD COLUMN rows_digest TEXT;
                CREATE TABLE audit_rows (
                    seq INTEGER NOT NULL,
                    tbl TEXT NOT NULL,
                    row_id INTEGER NOT NULL,
                    digest TEXT NOT NULL
                );
                CREATE INDEX audit_rows_by_row ON audit_rows(tbl, row_id);
                CREATE INDEX audit_rows_by_seq ON audit_rows(seq);
                """)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0 > 0 {
                try AuditRows.baseline(SQLDatabase(backend: SQLiteConnection(db)))
            }
        }
        // Issue 14: tombstones (a removed account keeps its name, never signs in, its login is
        // never reused), the git provenance of an applied policy, recorded access reviews.
        migrator.registerMigration("v8-access") { db in
            try db.execute(sql: """
                ALTER TABLE accounts ADD COLUMN removed_at TEXT;
                ALTER TABLE activations ADD COLUMN git_commit TEXT;
                ALTER TABLE activations ADD COLUMN git_clean INTEGER;
                CREATE TABLE access_reviews (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    on_day TEXT NOT NULL,
                    policy_version TEXT NOT NULL,
                    matrix TEXT NOT NULL,
                    digest TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                """)
            try AuditRows.rebaseline(SQLDatabase(backend: SQLiteConnection(db)), table: "accounts", reason: "row digests of accounts restart here (schema v8 added removed_at)")
        }
        // The queues page in SQL (`view=mine`, approval, incoming): an index that gives rows in
        // the lists' order per assignee and per state, and holds the node the visibility check reads.
        migrator.registerMigration("v9-case-lists") { db in
            try db.execute(sql: """
                CREATE INDEX cases_by_assignee_deadline ON cases(assignee, deadline IS NULL, deadline, pos_number, node);
                CREATE INDEX cases_by_state_deadline ON cases(state, deadline IS NULL, deadline, pos_number, node);
                """)
        }
        return migrator
    }
}
