import Foundation
import GRDB
import LKOAccounts
import LKOCompiler
import LKOLanguage
@testable import LKOStore
import Testing

@Suite("Policy versions: apply, rollback, history")
struct PolicyTests {
    func versionCount(_ f: Fixture) throws -> Int {
        try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM policy_versions") ?? -1 }
    }

    @discardableResult
    /// The new version and its warnings, in English.
    func applied(_ f: Fixture, _ sources: SourceSet, message: String = "", by actor: Account? = nil) throws -> (version: String, warnings: [String]) {
        switch try f.store.apply(sources, message: message, by: actor ?? f.boss()) {
        case .applied(let version, _, let warnings): return (version, warnings.map { $0.render(.en) })
        case .unchanged(let version):
            Issue.record("expected a new activation, got unchanged \(version)")
            return (version, [])
        }
    }

    @Test func applyStoresSourceHashAndTables() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let sources = smallPolicy()
        f.clock.advance(by: hour)
        let before = try f.auditCount()
        let (version, warnings) = try applied(f, sources, message: "первая версия")
        #expect(warnings.isEmpty)
        #expect(version.hasPrefix("sha256:"))
        #expect(version.count == 7 + 64)

        let compiled = try #require(PolicyCompiler.compile(sources, options: CompileOptions(lintDate: nil, lint: false)).policy)
        #expect(compiled.tables.version == version)

        let stored = try f.store.storedVersion(nil)
        #expect(stored.id == 1)
        #expect(stored.version == version)
        #expect(stored.files == [Store.StoredFile(path: "policy/main.lko", text: sources.files[0].text)])
        #expect(stored.tables.version == version)
        #expect(stored.tables.logins == ["boss"])
        #expect(stored.createdAt == "2026-03-02T10:00:00Z")
        #expect(stored.createdBy == "boss")
        #expect(try f.store.storedVersion("1").version == version)
        #expect(try f.store.storedVersion(String(version.dropFirst(7).prefix(12))).version == version)

        let active = try #require(try f.store.activePolicy())
        #expect(active.version == version)
        #expect(active.versionID == 1)
        #expect(active.activationID == 1)

        let history = try f.store.history()
        #expect(history == [Store.Activation(activation: 1, versionID: 1, version: version, kind: "apply", actor: "boss", at: "2026-03-02T10:00:00Z", message: "первая версия", isActive: true)])

        let entries = try f.audit().dropFirst(before)
        #expect(entries.count == 1)
        #expect(entries.first?.action == "policy.apply")
        #expect(entries.first?.object == "policy:\(version)")
        let details = try JSONDecoder().decode([String: String].self, from: Data(try #require(entries.first).details.utf8))
        #expect(details == ["previous": "none", "message": "первая версия", "grants_added": "1", "grants_removed": "0"])
    }

    @Test func applyingTheActivePolicyAgainChangesNothing() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let (version, _) = try applied(f, smallPolicy())
        let audit = try f.auditCount()
        f.clock.advance(by: hour)
        guard case .unchanged(let again) = try f.store.apply(smallPolicy(), message: "again", by: f.boss()) else {
            Issue.record("a second identical apply was not a no-op"); return
        }
        #expect(again == version)
        #expect(try f.activationCount() == 1)
        #expect(try versionCount(f) == 1)
        #expect(try f.auditCount() == audit)
        // A comment-only change compiles to the same tables: also a no-op.
        guard case .unchanged = try f.store.apply(smallPolicy(comment: "только комментарий"), message: "", by: f.boss()) else {
            Issue.record("a comment-only change was applied"); return
        }
        #expect(try f.activationCount() == 1)
    }

    @Test func aPolicyWithErrorsIsRefusedAndNothingIsWritten() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try applied(f, smallPolicy())
        let audit = try f.auditCount()
        let broken = SourceSet(files: [SourceFile(path: "bad.lko", text: "role admin \"x\" {\n  allow fly on any\n}\ngrant admin to boss\n")])
        do {
            _ = try f.store.apply(broken, message: "broken", by: f.boss())
            Issue.record("a policy with errors was applied")
        } catch let refusal as Store.PolicyRefusal {
            #expect(refusal.reason.render(.en) == "it has 2 errors")
            #expect(refusal.reason.render(.ru) == "в ней 2 ошибки")
            // The compiler's lines in the reader's language; the API's are Russian.
            #expect(refusal.details.hasPrefix("ошибка["), "\(refusal.details)")
            #expect(refusal.details(in: .en).hasPrefix("error["), "\(refusal.details(in: .en))")
            #expect(refusal.details(in: .ru).split(separator: "\n").count == refusal.details(in: .en).split(separator: "\n").count)
            #expect(!refusal.details.hasSuffix("\n"))
        }
        #expect(try f.activationCount() == 1)
        #expect(try versionCount(f) == 1)
        #expect(try f.auditCount() == audit)
    }

    @Test func aPolicyWithFailingTestsIsRefusedAndNothingIsWritten() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let audit = try f.auditCount()
        do {
            _ = try f.store.apply(smallPolicy(extraTests: failingPolicyTest), message: "", by: f.boss())
            Issue.record("a policy with failing tests was applied")
        } catch let refusal as Store.PolicyRefusal {
            #expect(refusal.reason.render(.en) == "its tests fail (failed expectations: 1 of 1)")
            #expect(refusal.reason.render(.ru) == "не проходят её тесты (провалено проверок: 1 из 1)")
            // The failed test in the reader's language: no English words in Russian, none of
            // the Russian frame in English (the policy's own names stay as they are).
            let russian = refusal.details(in: .ru), english = refusal.details(in: .en)
            #expect(russian.hasPrefix("ОШИБКА "), "\(russian)")
            #expect(russian.contains("\n     получено: "), "\(russian)")
            #expect(russian.contains("одобрять никто не может"))
            #expect(!russian.contains("FAIL") && !russian.contains("got:"))
            #expect(english.hasPrefix("FAIL "), "\(english)")
            #expect(english.contains("\n     got: "), "\(english)")
            #expect(!english.contains("ОШИБКА") && !english.contains("получено"))
            #expect(refusal.details == russian)
        }
        #expect(try f.store.activePolicy() == nil)
        #expect(try versionCount(f) == 0)
        #expect(try f.auditCount() == audit)
    }

    @Test func theLockoutGuardRefusesAPolicyNobodyActiveCouldChange() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("alice")
        try f.store.setStatus("alice", to: .disabled, by: f.boss())
        let audit = try f.auditCount()
        // Administrators without accounts, or only disabled ones: refused.
        expectStoreError(.policyLockout) { try f.store.apply(smallPolicy(admins: ["ghost"]), message: "", by: f.boss()) }
        expectStoreError(.policyLockout) { try f.store.apply(smallPolicy(admins: ["alice"], viewers: ["boss"]), message: "", by: f.boss()) }
        #expect(try f.store.activePolicy() == nil)
        #expect(try versionCount(f) == 0)
        #expect(try f.auditCount() == audit)
        // One active administrator is enough.
        try f.store.setStatus("alice", to: .active, by: f.boss())
        let (_, warnings) = try applied(f, smallPolicy(admins: ["alice"]))
        #expect(warnings.isEmpty)
        // Now boss (bootstrap) has no rights; alice must not be disabled or removed while she is the only one.
        let alice = try f.account("alice")
        expectStoreError(.lastAdministrator("alice")) { try f.store.setStatus("alice", to: .disabled, by: alice) }
        expectStoreError(.lastAdministrator("alice")) { try f.store.removeUser("alice", by: alice) }
        #expect(try f.account("alice").status == .active)
    }

    @Test func grantsForLoginsWithoutAccountsGiveWarnings() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        guard case .applied(_, _, let warnings) = try f.store.apply(smallPolicy(admins: ["boss", "zoe"], viewers: ["auditor_one"]), message: "", by: f.boss()) else {
            Issue.record("not applied")
            return
        }
        #expect(warnings.map { $0.render(.en) } == [
            "grants name `auditor_one`, who has no account (add one with `lko user add auditor_one`)",
            "grants name `zoe`, who has no account (add one with `lko user add zoe`)",
        ])
        #expect(warnings.map { $0.render(.ru) } == [
            "назначения называют `auditor_one`, но такой учётной записи нет (создайте её: `lko user add auditor_one`)",
            "назначения называют `zoe`, но такой учётной записи нет (создайте её: `lko user add zoe`)",
        ])
    }

    @Test func rollbackDefaultNumberAndHashPrefix() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        expectStoreError(.nothingToRollBack) { try f.store.rollback(to: nil, message: "", by: f.boss()) }
        let a = try applied(f, smallPolicy(), message: "A").version
        expectStoreError(.nothingToRollBack) { try f.store.rollback(to: nil, message: "", by: f.boss()) }
        f.clock.advance(by: minute)
        let b = try applied(f, smallPolicy(viewers: ["boss"]), message: "B").version
        f.clock.advance(by: minute)
        let c = try applied(f, smallPolicy(admins: ["boss", "zoe"]), message: "C").version
        #expect(Set([a, b, c]).count == 3)

        // Default: the version active before the current one.
        f.clock.advance(by: minute)
        let audit = try f.auditCount()
        let back = try f.store.rollback(to: nil, message: "undo C", by: f.boss())
        #expect(back.version == b)
        #expect(try f.store.activePolicy()?.version == b)
        let entry = try #require(try f.audit().last)
        #expect(try f.auditCount() == audit + 1)
        #expect(entry.action == "policy.rollback")
        #expect(entry.object == "policy:\(b)")
        #expect(try JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8)) == ["previous": c, "message": "undo C"])
        // Rolling back a rollback returns to what it replaced.
        #expect(try f.store.rollback(to: nil, message: "", by: f.boss()).version == c)

        // By version number, and by hash prefix with or without `sha256:`.
        #expect(try f.store.rollback(to: "1", message: "", by: f.boss()).version == a)
        #expect(try f.store.rollback(to: String(b.dropFirst(7).prefix(8)), message: "", by: f.boss()).version == b)
        #expect(try f.store.rollback(to: String(c.prefix(7 + 10)), message: "", by: f.boss()).version == c)
        expectStoreError(.unknownVersion("12345")) { try f.store.rollback(to: "12345", message: "", by: f.boss()) }
        expectStoreError(.unknownVersion("abc")) { try f.store.rollback(to: "abc", message: "", by: f.boss()) }
        expectStoreError(.unknownVersion("ffffffffffffffff")) { try f.store.rollback(to: "ffffffffffffffff", message: "", by: f.boss()) }
        // The active version, by its number: nothing to roll back to.
        expectStoreError(.versionAlreadyActive(c)) { try f.store.rollback(to: "3", message: "", by: f.boss()) }

        // No new versions were stored by rollbacks; each was an activation.
        #expect(try versionCount(f) == 3)
        let history = try f.store.history()
        #expect(history.map(\.activation) == Array(1...8))
        #expect(history.map(\.kind) == ["apply", "apply", "apply", "rollback", "rollback", "rollback", "rollback", "rollback"])
        #expect(history.map(\.version) == [a, b, c, b, c, a, b, c])
        #expect(history.map(\.versionID) == [1, 2, 3, 2, 3, 1, 2, 3])
        #expect(history.map(\.message).prefix(4) == ["A", "B", "C", "undo C"])
        #expect(history.map(\.isActive) == [false, false, false, false, false, false, false, true])
        #expect(history.map(\.at).prefix(4) == ["2026-03-02T09:00:00Z", "2026-03-02T09:01:00Z", "2026-03-02T09:02:00Z", "2026-03-02T09:03:00Z"])
        // Audit rows and activations agree.
        let policyEntries = try f.audit().filter { $0.action.hasPrefix("policy.") }
        #expect(policyEntries.map(\.object) == history.map { "policy:\($0.version)" })
        #expect(try f.verify().firstBreak == nil)
    }

    @Test func rollbackIsRefusedWhenItWouldLockEveryoneOut() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("alice")
        _ = try applied(f, smallPolicy(admins: ["alice"]))
        let alice = try f.account("alice")
        _ = try applied(f, smallPolicy(admins: ["alice", "boss"]), by: alice)
        // Version 1 names only alice; once she is disabled (boss may do it now), rolling back to it would lock everyone out.
        try f.store.setStatus("alice", to: .disabled, by: f.boss())
        let audit = try f.auditCount()
        expectStoreError(.policyLockout) { try f.store.rollback(to: "1", message: "", by: f.boss()) }
        #expect(try f.activationCount() == 2)
        #expect(try f.auditCount() == audit)
    }

    @Test func theShippedPolicyApplies() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("finance_sysadmin")
        let (version, warnings) = try applied(f, try shippedPolicy(), message: "распоряжение № 78р")
        #expect(try f.store.storedVersion(nil).files.count == 5)
        #expect(try f.store.activePolicy()?.version == version)
        // Every login the grants name except the one account exists is warned about.
        #expect(warnings.filter { $0.hasPrefix("grants name ") }.count == (try f.store.storedVersion(nil).tables.logins.count) - 1)
        // Issue 14: the shipped policy declares four substitute eligibilities (two people each),
        // and W0511 names each person they mention who has no account yet.
        #expect(warnings.filter { $0.hasPrefix("W0511 the substitute eligibility names ") }.count == 8)
        #expect(warnings.count == (try f.store.storedVersion(nil).tables.logins.count) - 1 + 8)
        #expect(!warnings.contains { $0.contains("`finance_sysadmin`") })
        #expect(warnings.contains("grants name `head`, who has no account (add one with `lko user add head`)"))
    }
}
