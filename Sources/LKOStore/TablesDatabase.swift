import Foundation
import GRDB
import LKOCompiler

/// Writes compiled tables as a standalone SQLite database (`lko compile --out tables.sqlite`), one
/// SQL table per table of `docs/tables.md`, so that any SQLite client can query a policy.
///
/// The file is built in a temporary path and renamed into place, so a crash never leaves half a
/// file; rows are inserted in canonical order with fixed page settings, so the same policy gives
/// byte-identical files.
public enum TablesDatabase {
    public static func write(_ tables: PolicyTables, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        var configuration = Configuration()
        configuration.journalMode = .default
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE;")
            }
            try queue.write { db in try fill(db, tables) }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
            try queue.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    static func fill(_ db: Database, _ tables: PolicyTables) throws {
        let organization = tables.organization
        try db.execute(sql: """
            CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE actions (action TEXT PRIMARY KEY, administrative INTEGER NOT NULL);
            CREATE TABLE roles (id TEXT PRIMARY KEY, title TEXT NOT NULL, position TEXT NOT NULL);
            CREATE TABLE role_actions (role TEXT NOT NULL REFERENCES roles(id), action TEXT NOT NULL REFERENCES actions(action), scope TEXT NOT NULL, position TEXT NOT NULL, PRIMARY KEY (role, action, scope));
            CREATE TABLE nodes (idx INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, level TEXT NOT NULL, title TEXT NOT NULL, parent INTEGER REFERENCES nodes(idx), subtree_end INTEGER NOT NULL, own_appeal_term TEXT, own_message_term TEXT, appeal_term TEXT NOT NULL, message_term TEXT NOT NULL, accelerated INTEGER NOT NULL, position TEXT NOT NULL);
            CREATE TABLE grants (idx INTEGER PRIMARY KEY, login TEXT NOT NULL, role TEXT NOT NULL REFERENCES roles(id), nodes TEXT NOT NULL, valid_from TEXT, valid_until TEXT, position TEXT NOT NULL);
            CREATE TABLE permissions (login TEXT NOT NULL, action TEXT NOT NULL, scope TEXT NOT NULL, nodes TEXT NOT NULL, valid_from TEXT, valid_until TEXT, grant_idx INTEGER NOT NULL REFERENCES grants(idx), role TEXT NOT NULL);
            CREATE INDEX permissions_by_login ON permissions(login, action);
            CREATE TABLE rules (kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT, priority INTEGER NOT NULL, nodes TEXT NOT NULL, regimes TEXT NOT NULL, channels TEXT NOT NULL, sources TEXT NOT NULL, localities TEXT NOT NULL, assignee TEXT, term TEXT, position TEXT NOT NULL, PRIMARY KEY (kind, id));
            CREATE TABLE routes (node TEXT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL, rule TEXT NOT NULL, PRIMARY KEY (node, ord));
            CREATE TABLE calendar (date TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, position TEXT NOT NULL);
            CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, source TEXT NOT NULL, position TEXT NOT NULL);
            CREATE TABLE sources (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
            """)
        let metadata: [(String, String)] = [
            ("format", String(tables.format)), ("version", tables.version), ("organization", organization.title),
            ("time_zone", organization.timeZone), ("appeal_term", organization.appealTerm.description),
            ("message_term", organization.messageTerm.description), ("deadline_rule", organization.deadlineRule.rawValue),
            ("executor_role", organization.executorRole), ("coordinator_role", organization.coordinatorRole),
            ("organization_position", organization.position),
        ]
        for (key, value) in metadata {
            try db.execute(sql: "INSERT INTO metadata VALUES (?, ?)", arguments: [key, value])
        }
        for row in tables.actions {
            try db.execute(sql: "INSERT INTO actions VALUES (?, ?)", arguments: [row.action, row.administrative])
        }
        for row in tables.roles {
            try db.execute(sql: "INSERT INTO roles VALUES (?, ?, ?)", arguments: [row.id, row.title, row.position])
        }
        for row in tables.roleActions {
            try db.execute(sql: "INSERT INTO role_actions VALUES (?, ?, ?, ?)", arguments: [row.role, row.action, row.scope.rawValue, row.position])
        }
        for row in tables.nodes {
            try db.execute(sql: "INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                row.index, row.path, row.level, row.title, row.parent, row.subtreeEnd,
                row.ownAppealTerm?.description, row.ownMessageTerm?.description,
                row.appealTerm.description, row.messageTerm.description, row.accelerated, row.position,
            ])
        }
        for row in tables.grants {
            try db.execute(sql: "INSERT INTO grants VALUES (?, ?, ?, ?, ?, ?, ?)", arguments: [row.index, row.login, row.role, row.nodes.joined(separator: ","), row.from, row.until, row.position])
        }
        for row in tables.permissions {
            try db.execute(sql: "INSERT INTO permissions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", arguments: [row.login, row.action, row.scope.rawValue, row.nodes.joined(separator: ","), row.from, row.until, row.grant, row.role])
        }
        for (kind, rows) in [("fasttrack", tables.fastTracks), ("autorule", tables.autoRules)] {
            for row in rows {
                try db.execute(sql: "INSERT INTO rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                    kind, row.id, row.title, row.priority, row.nodes.joined(separator: ","), row.regimes.joined(separator: ","),
                    row.channels.joined(separator: ","), row.sources.joined(separator: ","), row.localities.joined(separator: ","),
                    row.assignee, row.term?.description, row.position,
                ])
            }
        }
        for row in tables.routes {
            try db.execute(sql: "INSERT INTO routes VALUES (?, ?, ?, ?)", arguments: [row.node, row.order, row.kind, row.rule])
        }
        for row in tables.calendar {
            try db.execute(sql: "INSERT INTO calendar VALUES (?, ?, ?, ?)", arguments: [row.date, row.kind, row.source, row.position])
        }
        for row in tables.calendarYears {
            try db.execute(sql: "INSERT INTO calendar_years VALUES (?, ?, ?)", arguments: [row.year, row.source, row.position])
        }
        for row in tables.sources {
            try db.execute(sql: "INSERT INTO sources VALUES (?, ?)", arguments: [row.path, row.sha256])
        }
    }
}
