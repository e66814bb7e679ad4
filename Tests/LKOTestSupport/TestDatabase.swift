import Foundation
import LKOStore

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
