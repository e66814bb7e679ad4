import Foundation
import GRDB
import LKOAccounts
import LKOCompiler
import LKOLanguage
@testable import LKOStore
import Testing

/// Every administrative command of the store, run by one actor.
enum AdminCommand: String, CaseIterable, Sendable {
    case addUser, users, setStatus, removeUser, changePasswordOfOther, apply, rollback, audit

    var action: Action {
        switch self {
        case .addUser, .users, .setStatus, .removeUser, .changePasswordOfOther: .manageUsers
        case .apply, .rollback: .managePolicy
        case .audit: .viewAudit
        }
    }

    /// Runs the command as `actor`; `victim` is an account it may act on, `policy` one to apply
    /// that differs from the active one.
    func run(_ f: Fixture, actor: Account, victim: String, policy: SourceSet) throws {
        switch self {
        case .addUser: try f.store.addUser(by: actor, NewAccount(login: victim + "_new", fullName: "Новый"), password: userPassword, hasher: cheapHasher)
        case .users: _ = try f.store.users(by: actor)
        case .setStatus: try f.store.setStatus(victim, to: .disabled, by: actor)
        case .removeUser: try f.store.removeUser(victim, by: actor)
        case .changePasswordOfOther: try f.store.changePassword(of: victim, to: "a brand new passphrase", by: actor, hasher: cheapHasher)
        case .apply: _ = try f.store.apply(policy, message: "by \(actor.login)", by: actor)
        case .rollback: _ = try f.store.rollback(to: nil, message: "by \(actor.login)", by: actor)
        case .audit: try f.store.authorize(actor, .viewAudit)  // what `lko audit log|verify` checks
        }
    }
}

@Suite("Authorization of administrative commands")
struct AuthorizationTests {
    /// Runs `command` and returns whether it was allowed; a denial must be `.denied` with one
    /// new audit entry saying so, and nothing else written.
    func attempt(_ command: AdminCommand, as actor: Account, in f: Fixture, victim: String, policy: SourceSet, policyVersion: String?) throws -> Bool {
        let before = try f.auditCount()
        let activationsBefore = try f.activationCount()
        do {
            try command.run(f, actor: actor, victim: victim, policy: policy)
            return true
        } catch StoreError.denied(let action, let explanation) {
            #expect(action == command.action.rawValue)
            #expect(!explanation.isEmpty)
            let entries = try f.audit().dropFirst(before)
            #expect(entries.count == 1, "\(command) by \(actor.login): \(entries.map(\.action))")
            let entry = try #require(entries.first)
            #expect(entry.action == "denied")
            #expect(entry.actor == actor.login)
            #expect(entry.object == "action:\(command.action.rawValue)")
            let details = try JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))
            if let policyVersion {
                #expect(details["policy"] == policyVersion)
            } else {
                #expect(details == ["reason": "no policy applied yet"])
            }
            #expect(try f.activationCount() == activationsBefore)
            #expect(try f.account(victim).status == .active)
            return false
        }
    }

    @Test func beforeTheFirstApplyOnlyTheBootstrapAccountAdministers() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("alice")
        let alice = try f.account("alice")
        // Issue 14: a removed account stays as a tombstone and its login is never reused, so
        // each command gets a victim of its own.
        for command in AdminCommand.allCases {
            let victim = "victim_\(command.rawValue)"
            try f.add(victim)
            let allowed = try attempt(command, as: alice, in: f, victim: victim, policy: smallPolicy(admins: ["alice"]), policyVersion: nil)
            #expect(allowed == false, "\(command)")
            try f.store.removeUser(victim, by: f.boss())
        }
        // alice may still change her own password and see her own account.
        try f.store.changePassword(of: "alice", to: "she changes it herself", by: alice, hasher: cheapHasher)
        #expect(try f.store.user("alice", by: alice).login == "alice")
        // The bootstrap account may do everything (rollback: authorized, but there is nothing to roll back).
        let boss = try f.boss()
        let order: [AdminCommand] = [.rollback, .audit, .addUser, .users, .setStatus, .removeUser, .changePasswordOfOther, .apply]
        #expect(Set(order) == Set(AdminCommand.allCases))
        for command in order {
            let victim = "boss_victim_\(command.rawValue)"
            try f.add(victim)
            do {
                try command.run(f, actor: boss, victim: victim, policy: smallPolicy(admins: ["boss"]))
            } catch StoreError.nothingToRollBack where command == .rollback {
                // Authorized; there is simply nothing to roll back yet.
            }
            if try f.store.read({ db in try AccountRepository.fetch(db, victim) })?.isRemoved == false {
                try f.store.removeUser(victim, by: boss)
            }
        }
        #expect(try f.account("boss_victim_addUser_new").fullName == "Новый")
        #expect(try f.store.activePolicy() != nil)
        #expect(try f.audit().filter { $0.action == "denied" }.count == AdminCommand.allCases.count)
    }

    @Test func afterApplyingThePoliciesEachRoleGetsExactlyItsRights() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let logins = ["finance_sysadmin", "head", "roads_specialist", "ookr_curator"]
        for login in logins { try f.add(login) }
        let shipped = try shippedPolicy()
        guard case .applied(let version, _, _) = try f.store.apply(shipped, message: "order 78r", by: f.boss()) else {
            Issue.record("the shipped policy was not applied"); return
        }
        // A variant (one more curator grant) so that an allowed apply and rollback change something.
        var variantFiles = shipped.files
        variantFiles.append(SourceFile(path: "Policies/zz-extra.lko", text: "grant curator to extra_curator\n"))
        let variant = SourceSet(files: variantFiles)

        // What organization.lko and grants.lko say: admin → manage_users, manage_policy,
        // view_audit; curator → view_audit; coordinator, executor → none of them. The bootstrap
        // account (no grant) loses its rights once a policy is active.
        let expected: [String: Set<Action>] = [
            "finance_sysadmin": [.manageUsers, .managePolicy, .viewAudit],
            "head": [],
            "roads_specialist": [],
            "ookr_curator": [.viewAudit],
            "boss": [],
        ]
        var victimNumber = 0
        for login in logins + ["boss"] {
            for command in AdminCommand.allCases {
                let actor = try f.account(login)
                victimNumber += 1
                let victim = "victim\(victimNumber)"
                try f.add(victim, by: try f.account("finance_sysadmin"))
                let activePolicyVersion = try f.store.activePolicy()?.version
                let allowed = try attempt(command, as: actor, in: f, victim: victim, policy: variant, policyVersion: activePolicyVersion)
                #expect(allowed == expected[login]!.contains(command.action), "\(command) by \(login)")
                // The decision matches the policy's own answer.
                let policy = try #require(try f.store.activePolicy()).policy
                #expect(allowed == policy.decide(login: login, action: command.action, node: nil, assignee: nil, on: f.store.today(policy: policy)))
            }
        }
        // The allowed commands had their effects.
        let history = try f.store.history()
        #expect(history.map(\.kind) == ["apply", "apply", "rollback"])
        #expect(history.map(\.actor) == ["boss", "finance_sysadmin", "finance_sysadmin"])
        #expect(history.last?.version == version)
        #expect(try f.account("victim1_new").fullName == "Новый")
        #expect(try f.account("victim3").status == .disabled)
        // Issue 14: removed, but kept as a tombstone (its name stays in the history).
        #expect(try f.store.read { db in try AccountRepository.fetch(db, "victim4") }?.isRemoved == true)
        // Everyone may still change their own password.
        for login in logins + ["boss"] {
            try f.store.changePassword(of: login, to: "my own new passphrase", by: try f.account(login), hasher: cheapHasher)
        }
        let denials = try f.audit().filter { $0.action == "denied" }
        let expectedDenials = (logins + ["boss"]).map { login in AdminCommand.allCases.filter { !expected[login]!.contains($0.action) }.count }.reduce(0, +)
        #expect(denials.count == expectedDenials)
        #expect(expectedDenials == 8 + 8 + 7 + 8)
        #expect(try f.verify().firstBreak == nil)
    }
}
