import Foundation
import LKOAccounts

/// Reads and writes accounts. Every change appends its audit entry in the same transaction.
enum AccountRepository {
    static func insert(_ db: SQLDatabase, _ account: NewAccount, passwordHash: String, isBootstrap: Bool, now: Date) throws {
        if try fetch(db, account.login) != nil { throw StoreError.loginTaken(account.login) }
        let time = StoreClock.format(now)
        try db.execute(
            sql: """
                INSERT INTO accounts(login, full_name, position, department, email, status, password_hash, is_bootstrap, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
                """,
            arguments: [account.login, account.fullName, account.position, account.department, account.email, passwordHash, isBootstrap, time, time]
        )
    }

    static func fetch(_ db: SQLDatabase, _ login: String) throws -> Account? {
        try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login])
    }

    static func require(_ db: SQLDatabase, _ login: String) throws -> Account {
        guard let account = try fetch(db, login) else { throw StoreError.unknownLogin(login) }
        return account
    }

    static func all(_ db: SQLDatabase) throws -> [Account] {
        try Account.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY login")
    }

    static func passwordHash(_ db: SQLDatabase, _ login: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT password_hash FROM accounts WHERE login = ?", arguments: [login])
    }

    static func activeLogins(_ db: SQLDatabase, now: Date) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT login FROM accounts WHERE status = 'active' ORDER BY login")
    }
}
