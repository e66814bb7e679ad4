import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import LKOMessages
import Testing

@Suite("Accounts")
struct AccountTests {
    @Test func addListShowDisableEnablePasswdRemove() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let boss = try f.boss()
        f.clock.advance(by: minute)
        try f.store.addUser(
            by: boss,
            NewAccount(login: "ivanova", fullName: "Иванова Мария Петровна", position: "Специалист", department: "ЖКХ", email: "ivanova@example.ru"),
            password: userPassword, hasher: cheapHasher
        )
        #expect(try f.store.users(by: boss).map(\.login) == ["boss", "ivanova"])
        let shown = try f.store.user("ivanova", by: boss)
        #expect(shown.fullName == "Иванова Мария Петровна")
        #expect(shown.position == "Специалист")
        #expect(shown.department == "ЖКХ")
        #expect(shown.email == "ivanova@example.ru")
        #expect(shown.status == .active)
        #expect(shown.isBootstrap == false)
        #expect(shown.failedLogins == 0)
        #expect(shown.lockedUntil == nil)
        #expect(shown.createdAt == "2026-03-02T09:01:00Z")
        // Anyone may see their own account.
        let ivanova = try f.account("ivanova")
        #expect(try f.store.user("ivanova", by: ivanova).login == "ivanova")

        expectStoreError(.loginTaken("ivanova")) { try f.add("ivanova") }
        expectStoreError(.unknownLogin("nobody")) { try f.store.user("nobody", by: boss) }

        f.clock.advance(by: minute)
        try f.store.setStatus("ivanova", to: .disabled, by: boss)
        #expect(try f.account("ivanova").status == .disabled)
        #expect(try f.account("ivanova").updatedAt == "2026-03-02T09:02:00Z")
        // Disabling twice is a no-op without an audit entry.
        let countAfterDisable = try f.auditCount()
        try f.store.setStatus("ivanova", to: .disabled, by: boss)
        #expect(try f.auditCount() == countAfterDisable)
        expectStoreError(.accountDisabled("ivanova")) { try f.login("ivanova", userPassword) }
        try f.store.setStatus("ivanova", to: .active, by: boss)
        #expect(try f.account("ivanova").status == .active)
        _ = try f.login("ivanova", userPassword)

        let newPassword = "a completely new passphrase"
        try f.store.changePassword(of: "ivanova", to: newPassword, by: boss, hasher: cheapHasher)
        expectStoreError(.wrongPassword) { try f.login("ivanova", userPassword) }
        _ = try f.login("ivanova", newPassword)
        // A person may change their own password without manage_users.
        try f.store.changePassword(of: "ivanova", to: userPassword, by: try f.account("ivanova"), hasher: cheapHasher)
        _ = try f.login("ivanova", userPassword)

        try f.store.removeUser("ivanova", by: boss)
        #expect(try f.store.users(by: boss).map(\.login) == ["boss"])
        // Issue 14: a removed account is kept as a tombstone (its name stays in the history), so
        // removing it again or changing its password is refused as "removed", not "unknown".
        #expect(try f.store.user("ivanova", by: boss).fullName == "Иванова Мария Петровна")
        #expect(try f.store.user("ivanova", by: boss).removedAt == "2026-03-02T09:02:00Z")
        expectStoreError(.accountRemoved("ivanova")) { try f.store.removeUser("ivanova", by: boss) }
        expectStoreError(.accountRemoved("ivanova")) { try f.store.changePassword(of: "ivanova", to: newPassword, by: boss, hasher: cheapHasher) }
        // Removing the account ended its sessions.
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE login = 'ivanova'") } == 0)

        let actions = try f.audit().filter { $0.object == "user:ivanova" && $0.actor == "boss" }.map(\.action)
        #expect(actions == ["user.add", "user.disable", "user.enable", "user.passwd", "user.remove"])
        #expect(try f.verify().firstBreak == nil)
    }

    @Test func theLastBootstrapAdministratorCannotBeDisabledOrRemoved() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let boss = try f.boss()
        expectStoreError(.lastAdministrator("boss")) { try f.store.setStatus("boss", to: .disabled, by: boss) }
        expectStoreError(.lastAdministrator("boss")) { try f.store.removeUser("boss", by: boss) }
        #expect(try f.account("boss").status == .active)
    }

    @Test(arguments: ["", "9lives", "_under", "-dash", "with space", "точка", "ivan.ov", "a@b", String(repeating: "a", count: 65), "name\n"])
    func invalidLoginsAreRefused(login: String) throws {
        let f = try Fixture()
        defer { f.cleanup() }
        expectStoreError(.invalidLogin(login)) { try f.add(login) }
        #expect(try f.store.users(by: f.boss()).count == 1)
    }

    @Test(arguments: ["a", "Z", "roads_specialist", "x-1", String(repeating: "b", count: 64)])
    func validLoginsAreAccepted(login: String) throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add(login, password: "correct-horse-1234")
        #expect(try f.account(login).login == login)
    }

    static func invalidField(_ account: NewAccount) -> String? {
        do {
            try AccountRules.validate(account)
            return nil
        } catch StoreError.invalidField(let field, _) {
            return field
        } catch {
            return "other error: \(error)"
        }
    }

    @Test func emptyNamesBadEmailsAndControlCharactersAreRefused() throws {
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "")) == "full name")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "  \t ")) == "full name")
        for email in ["plain", "@example.ru", "a@example", "a@.example.ru", "a@example.ru.", "a@b@c.ru", "a@"] {
            #expect(Self.invalidField(NewAccount(login: "a", fullName: "A", email: email)) == "e-mail", "\(email)")
        }
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A\nB")) == "full name")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A", position: "x\u{1B}[31mred")) == "position")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A", department: "x\u{0}y")) == "department")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A", email: "a\r@example.ru")) == "e-mail")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: String(repeating: "я", count: 501))) == "full name")
        // A tab and exactly 500 characters are fine.
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A\tB", position: String(repeating: "я", count: 500))) == nil)

        // Through the store: nothing is written for a refused account.
        let f = try Fixture()
        defer { f.cleanup() }
        let before = try f.auditCount()
        let error = storeError {
            try f.store.addUser(by: try f.boss(), NewAccount(login: "newbie", fullName: "N", email: "not-an-address"), password: userPassword, hasher: cheapHasher)
        }
        #expect(error == .invalidField(field: "e-mail", reason: Message(.fieldErrNotAnAddress, ["value": "not-an-address"])))
        #expect(error?.description == "invalid e-mail: `not-an-address` is not an address like name@example.ru")
        if case .invalidField(_, let reason)? = error { #expect(reason.render(.ru) == "«not-an-address» — не адрес вида name@example.ru") }
        #expect(try f.auditCount() == before)
        #expect(try f.store.users(by: f.boss()).map(\.login) == ["boss"])
    }

    /// DEL, C1 controls (U+009B is a one-character CSI: terminal escapes in `lko user list`) and
    /// Unicode line breaks are control characters or line breaks too.
    @Test(arguments: ["A\u{7F}B", "A\u{9B}31mB", "A\u{85}B", "A\u{2028}B", "A\u{2029}B"])
    func controlCharactersBeyondASCIIAreRefused(name: String) {
        #expect(Self.invalidField(NewAccount(login: "a", fullName: name)) == "full name")
        #expect(Self.invalidField(NewAccount(login: "a", fullName: "A", department: name)) == "department")
    }

    @Test func weakPasswordsAreRefused() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let boss = try f.boss()
        let short = storeError { try f.add("petrov", password: "short") }
        #expect(short == .weakPassword([PasswordRuleViolation.tooShort(length: 5, minimum: 12).description]))
        let containsLogin = storeError { try f.add("petrov", password: "my name is PETROV, ok?") }
        #expect(containsLogin == .weakPassword([PasswordRuleViolation.containsLogin(login: "petrov").description]))
        let both = storeError { try f.add("petrov", password: "petrov1") }
        guard case .weakPassword(let reasons) = both else { Issue.record("got \(String(describing: both))"); return }
        #expect(reasons.count == 2)
        #expect(try f.store.users(by: boss).map(\.login) == ["boss"])

        try f.add("petrov")
        let passwd = storeError { try f.store.changePassword(of: "petrov", to: "Petrov-2026-password", by: boss, hasher: cheapHasher) }
        #expect(passwd == .weakPassword([PasswordRuleViolation.containsLogin(login: "petrov").description]))
        _ = try f.login("petrov", userPassword)
    }

    @Test func textFieldsAreStoredAsPlainData() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let boss = try f.boss()
        let hostile = NewAccount(
            login: "robert",
            fullName: "Robert'); DROP TABLE accounts;--",
            position: "\"quoted\" 'single' `back` \\ %_ ; -- /* */",
            department: "Отдел «ЖКХ» — 👩🏽‍💻 ẞ ﷽ \u{202E}rtl",
            email: "o'brien+tag@пример.рф"
        )
        try f.store.addUser(by: boss, hostile, password: "Bobby'); DROP TABLE accounts;-- pass", hasher: cheapHasher)
        let stored = try f.store.user("robert", by: boss)
        #expect(stored.fullName == hostile.fullName)
        #expect(stored.position == hostile.position)
        #expect(stored.department == hostile.department)
        #expect(stored.email == hostile.email)
        #expect(try f.store.users(by: boss).map(\.login) == ["boss", "robert"])
        _ = try f.login("robert", "Bobby'); DROP TABLE accounts;-- pass")
        // The audit entry holds the same text — with a bidirectional override shown as an escape,
        // so a printed log line cannot be disguised — and the chain still verifies.
        let entry = try #require(try f.audit().last { $0.action == "user.add" && $0.object == "user:robert" })
        let details = try JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))
        #expect(details == ["position": hostile.position, "department": hostile.department.replacingOccurrences(of: "\u{202E}", with: "\\u{202e}")])
        #expect(try f.verify().firstBreak == nil)
        // A login that looks like SQL is just an unknown login.
        expectStoreError(.wrongPassword) { try f.login("x' OR '1'='1", "anything at all") }
        expectStoreError(.unknownLogin("x' OR '1'='1")) { try f.store.user("x' OR '1'='1", by: boss) }
    }
}
