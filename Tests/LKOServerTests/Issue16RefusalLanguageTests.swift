import Foundation
import LKOApplication
import LKOMessages
import LKOStore
import LKOWorkflow
import Testing

/// Issue 16, the refusals that carried English inside Russian (or Russian inside English): a
/// 403's explanation, a refused policy and its failed tests, `lko apply`'s warnings, the policy
/// versions, the audit chain's breaks. The API keeps Russian; the CLI renders the same messages
/// in its reader's language.
@Suite struct Issue16RefusalLanguageTests {
    static func refusal(_ body: () throws -> Void) -> AppError? {
        do { try body() } catch let error as AppError { return error } catch { Issue.record("not an AppError: \(error)") }
        return nil
    }

    /// The shipped policy, with `extra` added as files.
    static func shipped(adding extra: [(path: String, text: String)] = []) throws -> PolicyFiles {
        let folder = repositoryRoot.appendingPathComponent("Policies")
        var files: [(path: String, text: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".lko") }).sorted() {
            files.append((name, try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)))
        }
        return PolicyFiles(files: files + extra)
    }

    @Test func aDenialExplainsItselfInTheReadersLanguage() throws {
        let fixture = try ServerFixture()
        let executor = try fixture.caller("roads_specialist")
        // The store's gate (an administrative action) and the workflow's (a report).
        let samples = [
            try #require(Self.refusal { _ = try fixture.service.policyVersions(executor) }),
            try #require(Self.refusal { _ = try fixture.service.dailyControl(executor) }),
        ]
        for error in samples {
            #expect(error.code == "forbidden" && error.kind == .forbidden)
            #expect(error.message == "Недостаточно прав для этого действия.")
            // The API's lines: the explanation in Russian, as `lko explain` gives it.
            #expect(error.details == error.detailTexts.map { $0.render(.ru) })
            #expect(error.details.first?.hasPrefix("DENY roads_specialist ") == true, "\(error.details)")
            #expect(error.details.contains { $0.hasPrefix("  причина:") }, "\(error.details)")
            // The CLI's: the same facts in its language, as lines (not a list).
            let english = error.description(in: .en)
            #expect(english.hasPrefix("You may not do this.\nDENY roads_specialist "), "\(english)")
            #expect(english.contains("\n  reason: ") && !english.contains("причина"), "\(english)")
            #expect(!english.contains("  - "))
            let russian = error.description(in: .ru)
            #expect(russian.contains("\n  причина:") && !russian.contains("reason:"), "\(russian)")
        }
    }

    @Test func theDenialOfAnAccountThatIsNoLongerActive() throws {
        let fixture = try ServerFixture()
        let caller = try fixture.caller("roads_specialist")
        let workflow = try Workflow(store: fixture.store, resolver: DelegationResolver())
        // Disabled after the session was checked (written directly: the account holds open cases).
        try fixture.store.write { db in try db.execute(sql: "UPDATE accounts SET status = 'disabled' WHERE login = 'roads_specialist'") }
        do {
            try workflow.perform(.draft, on: "DEMO-0001", by: caller.account, input: Workflow.ActionInput(text: "ответ"))
            Issue.record("a disabled account acted")
        } catch let error as WorkflowError {
            let app = try #require(AppError.from(error) as? AppError)
            #expect(app.details == ["учётная запись `roads_specialist` отключена"])
            #expect(app.description(in: .en) == "You may not do this.\nthe account `roads_specialist` is disabled")
        }
    }

    @Test func beforeAnyPolicyOnlyTheFirstAccountAdministers() {
        let error = AppError.from(StoreError.denied(action: "manage_users", explanation: [Message(.errNoPolicyOnlyFirstAccount)])) as? AppError
        #expect(error?.details == ["политика ещё не применена: пока `lko apply` не введёт её в действие, управлять базой может только учётная запись, созданная `lko init`"])
        #expect(error?.description(in: .en) == "You may not do this.\nno policy is applied yet: only the account created by `lko init` may administer the database until `lko apply` activates one")
    }

    @Test func aPolicyWhoseTestsFailIsRefusedInTheReadersLanguage() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let failing = "test \"нарочно неверный\" {\n  at 2026-03-02\n  expect deny finance_sysadmin manage_policy case { subcategory other.other }\n}\n"
        let candidate = try Self.shipped(adding: [("zz-failing.lko", failing)])
        let error = try #require(Self.refusal { _ = try fixture.service.applyPolicy(admin, candidate, message: "", confirmRisks: true) })
        #expect(error.code == "policy_rejected")
        // One expectation of all of the policy's tests fails.
        #expect(error.message.hasPrefix("Политика не применена: не проходят её тесты (провалено проверок: 1 из "), "\(error.message)")
        #expect(error.message(in: .en).hasPrefix("The policy was not applied: its tests fail (failed expectations: 1 of "))
        // The API's lines, in Russian: the test, the expectation, what happened.
        #expect(error.details.first?.hasPrefix("ОШИБКА zz-failing.lko:3:") == true, "\(error.details)")
        #expect(error.details.first?.hasSuffix("  нарочно неверный") == true)
        #expect(error.details.dropFirst().first == "     expect deny finance_sysadmin manage_policy case { subcategory other.other }")
        #expect(error.details.dropFirst(2).first?.hasPrefix("     получено: ALLOW finance_sysadmin manage_policy на 02.03.2026") == true, "\(error.details)")
        #expect(!error.details.contains { $0.contains("FAIL") || $0.contains("got:") })
        // The CLI's, in English.
        let english = error.description(in: .en)
        #expect(english.contains("\nFAIL zz-failing.lko:3:"), "\(english)")
        #expect(english.contains("\n     got: ALLOW finance_sysadmin manage_policy on 02.03.2026"), "\(english)")
        #expect(english.contains("\n            grant:  `admin` «Администратор ЛКО» to finance_sysadmin"), "\(english)")
        #expect(!english.contains("ОШИБКА") && !english.contains("получено") && !english.contains("  - "))
    }

    @Test func aPolicyWithErrorsIsRefusedWithTheCompilersLines() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let candidate = try Self.shipped(adding: [("zz-broken.lko", "grant nonsense\n")])
        let error = try #require(Self.refusal { _ = try fixture.service.applyPolicy(admin, candidate, message: "", confirmRisks: true) })
        #expect(error.code == "policy_rejected")
        #expect(error.message.hasPrefix("Политика не применена: в ней "), "\(error.message)")
        #expect(error.message(in: .en).hasPrefix("The policy was not applied: it has "))
        #expect(error.details.contains { $0.contains(" --> zz-broken.lko:") }, "\(error.details)")
        #expect(error.details.first?.hasPrefix("ошибка[") == true && error.details.last?.isEmpty == false, "\(error.details)")
        #expect(error.description(in: .en).contains("\nerror["), "\(error.description(in: .en))")
    }

    @Test func applyWarnsAboutLoginsWithoutAccountsInEitherLanguage() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let candidate = try Self.shipped(adding: [("zz-ghost.lko", "grant executor to ghost_clerk on other\n")])
        let result = try fixture.service.applyPolicy(admin, candidate, message: "призрак", confirmRisks: true)
        #expect(result.changed)
        let russian = "назначения называют `ghost_clerk`, но такой учётной записи нет (создайте её: `lko user add ghost_clerk`)"
        #expect(result.warnings.contains(russian), "\(result.warnings)")
        #expect(result.warnings(in: .ru).contains(russian))
        #expect(result.warnings(in: .en).contains("grants name `ghost_clerk`, who has no account (add one with `lko user add ghost_clerk`)"), "\(result.warnings(in: .en))")
        // Over the API only the Russian arrives: that is what a remote CLI shows.
        let decoded = try JSONDecoder().decode(ApplyResult.self, from: JSONEncoder().encode(result))
        #expect(decoded.warningTexts.isEmpty && decoded.warnings(in: .en) == result.warnings)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(Set(json.keys) == ["version", "changed", "warnings"])
    }

    @Test func policyVersionsSayWhatIsWrongInTheCatalogsWords() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let active = try #require(Self.refusal { _ = try fixture.service.rollbackPolicy(admin, to: "1", message: "") })
        #expect(active.code == "nothing_to_roll_back" && active.kind == .conflict && active.field == "version")
        #expect(active.message.hasPrefix("Версия политики sha256:") && active.message.hasSuffix(" уже действует: возвращаться не к чему."), "\(active.message)")
        #expect(active.message(in: .en).hasSuffix(" is the active one already: there is nothing to roll back to."))
        let ambiguous = try #require(AppError.from(StoreError.ambiguousVersion("sha256:0e22", count: 2)) as? AppError)
        #expect(ambiguous.code == "unknown_version" && ambiguous.message == "С «sha256:0e22» начинаются несколько версий политики (2); укажите больше знаков.")
        let none = try #require(AppError.from(StoreError.noActivePolicy) as? AppError)
        #expect(none.code == "no_active_policy" && Issue16ErrorLanguageTests.hasCyrillic(none.message) && Issue16ErrorLanguageTests.isEnglish(none.message(in: .en)))
    }

    @Test func aBrokenAuditChainSaysWhyInRussianAndKeepsTheEnglishReason() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        try fixture.store.write { db in try db.execute(sql: #"UPDATE audit SET details = '{"reason":"подмена"}' WHERE seq = 3"#) }
        let result = try fixture.service.verifyAudit(admin)
        #expect(!result.intact && result.brokenAt == 3)
        #expect(result.message == "Цепочка журнала нарушена на записи № 3: содержимое записи изменено (хеш не совпадает).", "\(result.message)")
        #expect(result.reason == "its content was edited (the hash does not match)")
        #expect(result.reasonText?.render(.en) == result.reason)
        let report = try fixture.service.verifyAuditFully(admin, checkpointDirectory: nil, auditKeyPath: nil, deep: true)
        #expect(report.rowFindingTexts.count == report.rowFindings?.count)
        #expect(report.rowFindingTexts.allSatisfy { Issue16ErrorLanguageTests.hasCyrillic($0.render(.ru)) })
    }
}
