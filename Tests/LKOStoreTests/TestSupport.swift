import Foundation
import GRDB
import LKOAccounts
import LKOLanguage
@testable import LKOStore
import LKOTestSupport
import Testing

/// Cheap Argon2 settings for tests that are not about hashing (256 KiB, 1 pass).
let cheapParameters = Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1)
let cheapHasher = PasswordHasher(parameters: cheapParameters)

/// 2026-03-02 09:00:00 UTC (a Monday, 12:00 in Moscow).
let start = Date(timeIntervalSince1970: 1_772_442_000)
let hour: TimeInterval = 3600
let minute: TimeInterval = 60

let adminPassword = "correct horse battery staple"
let userPassword = "another long passphrase"

/// A fresh directory under the system temp folder, removed by `cleanup()`.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lko-storetests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// A store in a temp dir with an administrator `boss` (bootstrap) and a manual clock.
struct Fixture {
    let dir: TempDir
    let clock: ManualWallClock
    let store: Store
    var path: String { store.path }

    init(sandbox: Bool = false) throws {
        dir = try TempDir()
        clock = ManualWallClock(start: start)
        store = try Store.create(
            path: TestDatabase.address(in: dir.url.path), sandbox: sandbox,
            administrator: NewAccount(login: "boss", fullName: "Начальник"),
            password: adminPassword, clock: clock, hasher: cheapHasher
        )
    }

    func account(_ login: String) throws -> Account {
        try store.read { db in try AccountRepository.require(db, login) }
    }

    func boss() throws -> Account { try account("boss") }

    func add(_ login: String, by actor: Account? = nil, password: String = userPassword) throws {
        try store.addUser(by: actor ?? boss(), NewAccount(login: login, fullName: "Person \(login)"), password: password, hasher: cheapHasher)
    }

    func login(_ login: String, _ password: String) throws -> SessionToken {
        try store.login(login, password: password, hasher: cheapHasher)
    }

    func audit() throws -> [AuditLog.Entry] {
        try store.read { db in try AuditLog.entries(db) }
    }

    func auditCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? -1 }
    }

    func verify() throws -> AuditLog.Verification {
        try store.read { db in try AuditLog.verify(db) }
    }

    func activationCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activations") ?? -1 }
    }

    func cleanup() {
        try? store.close()
        dir.cleanup()
    }
}

// MARK: - Policies

/// A small valid policy: `admins` hold the admin role, `viewers` a role with view_audit only.
func smallPolicy(admins: [String] = ["boss"], viewers: [String] = [], extraTests: String = "", comment: String = "") -> SourceSet {
    var text = """
    # \(comment)
    organization "Тестовая администрация" {
      timezone "Europe/Moscow"
      executor_role executor
      coordinator_role coordinator
    }
    role admin "Администратор" {
      allow manage_users, manage_policy, view_audit on any
    }
    role auditor "Аудитор" {
      allow view_audit on any
    }
    role coordinator "Координатор" {
      allow view, assign on any
    }
    role executor "Исполнитель" {
      allow view, draft, submit on assigned and granted
    }
    category other "Прочее" {
      subcategory misc "Разное"
    }

    """
    for login in admins { text += "grant admin to \(login)\n" }
    for login in viewers { text += "grant auditor to \(login)\n" }
    text += extraTests
    return SourceSet(files: [SourceFile(path: "policy/main.lko", text: text)])
}

/// A policy test that cannot pass (nobody may approve anything here).
let failingPolicyTest = """
test "одобрять никто не может" {
  at 2026-03-02
  expect allow boss approve case { subcategory other.misc }
}

"""

/// The shipped policy in `Policies/`, found from this file's path.
func packageRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

func shippedPolicy() throws -> SourceSet {
    try PolicyLoader.load(path: packageRoot().appendingPathComponent("Policies").path)
}

/// Expects `body` to throw exactly `expected`.
func expectStoreError<T>(_ expected: StoreError, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> T) {
    do {
        _ = try body()
        Issue.record("expected \(expected), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
}

/// The StoreError `body` throws (nil and a recorded issue when it throws nothing or something else).
func storeError<T>(sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> T) -> StoreError? {
    do {
        _ = try body()
        Issue.record("expected a StoreError, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
