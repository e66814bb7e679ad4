import Foundation
import LKOMessages

/// One ЛКО of the region: its identifier (its schema, `lko_ID`), its title, and the
/// organization it reports to.
public struct RegionOrganization: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    /// The superior organization's identifier; nil at the top of the region.
    public var superior: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, title, superior
        case createdAt = "created_at"
    }
}

/// The region's registry of ЛКО and their hierarchy (superior, subordinate).
///
/// It lives in the organization `region` of the regional PostgreSQL database — an organization
/// like the others, whose administrators (whoever its policy, or its first account, allows
/// `manage_users`) are the region's administrators: they register the ЛКО and say who reports
/// to whom, and every change is in the region's audit chain. The registry decides where a case
/// may be redirected: to a subordinate or to the superior organization, never sideways.
public enum RegionRegistry {
    /// The organization that holds the registry.
    public static let organization = "region"

    static let table = "lko_region.organizations"

    static func ensure(_ db: SQLDatabase) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS \(table) (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                superior TEXT REFERENCES \(table)(id),
                created_at TEXT NOT NULL,
                CHECK (superior IS NULL OR superior <> id)
            )
            """)
    }

    /// Every registered organization, by identifier (none before the first is added).
    public static func organizations(_ db: SQLDatabase) throws -> [RegionOrganization] {
        guard db.dialect == .postgres,
              try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'lko_region' AND table_name = 'organizations'") ?? 0 > 0
        else { return [] }
        return try SQLRow.fetchAll(db, sql: "SELECT id, title, superior, created_at FROM \(table) ORDER BY id").map {
            RegionOrganization(id: $0["id"], title: $0["title"], superior: $0["superior"], createdAt: $0["created_at"])
        }
    }

    /// How `target` stands to `source`: `subordinate` (it reports to the source) or `superior`
    /// (the source reports to it); nil when neither — then no case moves between them.
    public static func relation(_ db: SQLDatabase, from source: String, to target: String) throws -> String? {
        let known = Dictionary(uniqueKeysWithValues: try organizations(db).map { ($0.id, $0) })
        if known[target]?.superior == source { return "subordinate" }
        if known[source]?.superior == target { return "superior" }
        return nil
    }
}

extension Store {
    /// The organization of this store in its regional database (nil for a SQLite file).
    public var organization: String? {
        (engine as? PostgresEngine)?.address.organization
    }

    /// The same regional database's address for another organization, credentials included
    /// (nil for a SQLite file). Never print it.
    public func address(ofOrganization id: String) -> String? {
        (engine as? PostgresEngine)?.address.with(organization: id).withCredentials
    }

    /// Registers an ЛКО (its schema must exist: `lko init --db …?organization=ID`), under its
    /// superior. Only in the region's own organization, by one of its administrators.
    @discardableResult
    public func registerOrganization(by actor: Account, id: String, title rawTitle: String, superior: String?) throws -> RegionOrganization {
        guard organization == RegionRegistry.organization else {
            throw StoreError.invalidField(field: "--db", reason: Message(.regionNotTheRegion, ["organization": .text(RegionRegistry.organization)]))
        }
        try authorize(actor, .manageUsers)
        let title = rawTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 200 else {
            throw StoreError.invalidField(field: "--title", reason: Message(.fieldErrNameEmpty))
        }
        guard PostgresAddress.isValidOrganization(id), id != RegionRegistry.organization else {
            throw StoreError.invalidField(field: "id", reason: Message(.pgErrOrganization, ["organization": .text(id)]))
        }
        return try write { db in
            try RegionRegistry.ensure(db)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?", arguments: ["lko_" + id]) ?? 0 > 0 else {
                throw StoreError.invalidField(field: "id", reason: Message(.regionUnknownOrganization, ["organization": .text(id)]))
            }
            let known = try RegionRegistry.organizations(db)
            guard !known.contains(where: { $0.id == id }) else {
                throw StoreError.invalidField(field: "id", reason: Message(.regionAlreadyRegistered, ["organization": .text(id)]))
            }
            if let superior, !known.contains(where: { $0.id == superior }) {
                throw StoreError.invalidField(field: "--superior", reason: Message(.regionUnknownOrganization, ["organization": .text(superior)]))
            }
            let now = clock.now()
            let entry = RegionOrganization(id: id, title: title, superior: superior, createdAt: StoreClock.format(now))
            try db.execute(sql: "INSERT INTO \(RegionRegistry.table)(id, title, superior, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [entry.id, entry.title, entry.superior, entry.createdAt])
            var details = ["title": title]
            if let superior { details["superior"] = superior }
            try AuditLog.append(db, at: now, actor: actor.login, action: "region.add", object: "organization:\(id)", details: details)
            return entry
        }
    }

    /// The region's registry, read from any of its organizations.
    public func regionOrganizations() throws -> [RegionOrganization] {
        try read { db in try RegionRegistry.organizations(db) }
    }
}
