import Foundation
import LKOMessages

/// `postgres://user[:password]@host[:port]/database?organization=ID`: where a region's
/// database is, and which organization's part of it (its own schema, `lko_ID`).
///
/// The password may come from the address, from `PGPASSWORD`, or be absent (trust or peer
/// authentication on loopback). It never appears in messages or the audit log.
public struct PostgresAddress: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// The organization's identifier (its ЛКО): lower-case Latin letters, digits and `_`.
    public var organization: String

    /// The default organization of an address that names none.
    public static let defaultOrganization = "main"

    public init(host: String, port: Int, user: String, password: String?, database: String, organization: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.organization = organization
    }

    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func invalid(_ reason: Message) -> StoreError {
            StoreError.invalidField(field: "--db", reason: reason)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw invalid(Message(.pgErrAddressShape))
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        user = components.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? (environment["PGDATABASE"] ?? "lko") : (path.removingPercentEncoding ?? path)
        var organization = Self.defaultOrganization
        for item in components.queryItems ?? [] {
            switch item.name {
            case "organization": organization = item.value ?? ""
            default: throw invalid(Message(.pgErrUnknownParameter, ["name": .text(item.name)]))
            }
        }
        guard Self.isValidOrganization(organization) else {
            throw invalid(Message(.pgErrOrganization, ["organization": .text(organization)]))
        }
        self.organization = organization
    }

    /// 1–40 characters: a–z, 0–9 and `_`, starting with a letter (it becomes a schema name).
    public static func isValidOrganization(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.unicodeScalars.count <= 40 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The schema holding this organization's tables.
    public var schema: String { "lko_" + organization }

    /// The address without the password: for messages, logs and the audit key's default name.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)?organization=\(organization)"
    }

    /// The address with its password (to open another organization of the same database);
    /// never shown.
    var withCredentials: String {
        guard let password else { return display }
        let user = self.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? self.user
        let secret = password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? password
        return "postgres://\(user):\(secret)@\(host):\(port)/\(database)?organization=\(organization)"
    }

    /// The same database, another organization.
    public func with(organization: String) -> PostgresAddress {
        var copy = self
        copy.organization = organization
        return copy
    }
}
