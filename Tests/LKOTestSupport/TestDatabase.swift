import Foundation
import LKOAccounts
import LKOMessages
@testable import LKOStore

/// Which engine the store's, the workflow's and the delegation's tests run on.
///
/// By default every test gets a SQLite file of its own. With `LKO_TEST_POSTGRES` set to a
/// server's address (`scripts/test` starts one with `scripts/postgres` and runs these suites a
/// second time), each test gets an organization of its own in that PostgreSQL database instead
/// — the same tests, the other engine. Tests of what only one engine has (SQLite files, their
/// locks and migrations) say so with `.enabled(if: TestDatabase.isSQLite)`.
public enum TestDatabase {
    /// The PostgreSQL server named by `LKO_TEST_POSTGRES`, if any.
    public static let postgres: String? = {
        let value = ProcessInfo.processInfo.environment["LKO_TEST_POSTGRES"] ?? ""
        return value.isEmpty ? nil : value
    }()

    public static var isPostgres: Bool { postgres != nil }
    public static var isSQLite: Bool { postgres == nil }

    /// A new database's address: a file `name` in `folder`, or a new organization.
    public static func address(in folder: String, name: String = "lko.sqlite") -> String {
        guard let postgres else { return (folder as NSString).appendingPathComponent(name) }
        let organization = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(20).lowercased()
        let base = postgres.split(separator: "?", maxSplits: 1).first.map(String.init) ?? postgres
        return base + "?organization=" + organization
    }
}

extension TestDatabase {
    /// The region's own organization in the test database (made by the first test that needs
    /// it, whichever suite that is), with its administrator `region_admin`.
    public static func region(password: String, hasher: PasswordHasher) throws -> (Store, Account) {
        guard let postgres else { throw StoreError.invalidField(field: "LKO_TEST_POSTGRES", reason: Message(.regionNeedsPostgres)) }
        let base = postgres.split(separator: "?", maxSplits: 1).first.map(String.init) ?? postgres
        let address = base + "?organization=" + RegionRegistry.organization
        let store: Store
        do {
            store = try Store.open(path: address)
        } catch StoreError.databaseMissing {
            do {
                store = try Store.create(path: address, sandbox: false, administrator: NewAccount(login: "region_admin", fullName: "Дежурная смена региона"),
                                         password: password, hasher: hasher)
            } catch StoreError.databaseExists {
                store = try Store.open(path: address)
            }
        }
        let admin = try store.read { db in try AccountRepository.require(db, "region_admin") }
        return (store, admin)
    }
}
