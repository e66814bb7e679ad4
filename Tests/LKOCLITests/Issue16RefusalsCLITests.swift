import Foundation
import Testing

/// Issue 16 through the `lko` binary: a refusal's explanation, `lko apply` with failing policy
/// tests and with warnings, and `lko history` — in Russian (the default) and in English, with no
/// words of the other language in between.
@Suite("Issue 16: refusals and apply in the reader's language")
struct Issue16RefusalsCLITests {
    typealias Sandbox = Issue14CLITests.Sandbox

    /// The shipped policy with `extra` as one more file.
    static func policy(adding extra: String, as name: String) throws -> URL {
        let folder = try copyOfShippedPolicy()
        try write(extra, to: folder.appending(path: name))
        return folder
    }

    @Test func aDenialIsExplainedInTheReadersLanguage() throws {
        let sandbox = try Sandbox()
        try sandbox.login("roads_specialist")
        let russian = try sandbox.russian(["user", "list"])
        #expect(russian.status == 1)
        #expect(russian.stderr.hasPrefix("ошибка: Недостаточно прав для этого действия.\nDENY roads_specialist manage_users на 02.03.2026"), "\(russian.stderr)")
        #expect(russian.stderr.contains("\n  причина:"), "\(russian.stderr)")
        #expect(!russian.stderr.contains("reason:") && !russian.stderr.contains(" on 02.03.2026"))
        let english = try sandbox.local(["user", "list"])
        #expect(english.status == 1)
        #expect(english.stderr.hasPrefix("error: You may not do this.\nDENY roads_specialist manage_users on 02.03.2026"), "\(english.stderr)")
        #expect(english.stderr.contains("\n  reason: "), "\(english.stderr)")
        #expect(!english.stderr.contains("причина") && !english.stderr.contains("Недостаточно"), "\(english.stderr)")
        // The workflow's gate says it the same way (a report the executor may not see).
        let report = try sandbox.russian(["report", "daily"])
        #expect(report.status == 1)
        #expect(report.stderr.hasPrefix("ошибка: Недостаточно прав для этого действия.\nDENY roads_specialist "), "\(report.stderr)")
        #expect(try sandbox.local(["report", "daily"]).stderr.contains("\n  reason: "))
    }

    @Test func applyWithFailingTestsShowsThemInTheReadersLanguage() throws {
        let sandbox = try Sandbox()
        let failing = "test \"нарочно неверный\" {\n  at 2026-03-02\n  expect deny finance_sysadmin manage_policy case { subcategory other.other }\n}\n"
        let folder = try Self.policy(adding: failing, as: "zz-failing.lko")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let russian = try sandbox.russian(["apply", folder.path, "--yes"])
        #expect(russian.status == 1)
        #expect(russian.stderr.hasPrefix("ошибка: Политика не применена: не проходят её тесты (провалено проверок: 1 из "), "\(russian.stderr)")
        #expect(russian.stderr.contains(").\nОШИБКА "), "\(russian.stderr)")
        #expect(russian.stderr.contains("zz-failing.lko:3:"), "\(russian.stderr)")
        #expect(russian.stderr.contains("\n     получено: ALLOW finance_sysadmin manage_policy на 02.03.2026"), "\(russian.stderr)")
        #expect(russian.stderr.contains("\n                 назначение: роль `admin` «Администратор ЛКО» у finance_sysadmin"), "\(russian.stderr)")
        #expect(!russian.stderr.contains("FAIL") && !russian.stderr.contains("got:") && !russian.stderr.contains("  - "), "\(russian.stderr)")
        let english = try sandbox.local(["apply", folder.path, "--yes"])
        #expect(english.status == 1)
        #expect(english.stderr.hasPrefix("error: The policy was not applied: its tests fail (failed expectations: 1 of "), "\(english.stderr)")
        #expect(english.stderr.contains(").\nFAIL "), "\(english.stderr)")
        #expect(english.stderr.contains("\n     got: ALLOW finance_sysadmin manage_policy on 02.03.2026"), "\(english.stderr)")
        #expect(english.stderr.contains("\n            grant:  `admin` «Администратор ЛКО» to finance_sysadmin"), "\(english.stderr)")
        #expect(!english.stderr.contains("ОШИБКА") && !english.stderr.contains("получено"), "\(english.stderr)")
    }

    @Test func aRefusedImportLineSaysWhyInTheReadersLanguage() throws {
        let sandbox = try Sandbox()
        let file = sandbox.folder.appending(path: "bad.jsonl")
        try write(#"{"pos_number": "X-1", "subcategory": "roads.potholes", "regime": "urgent", "received_at": "2026-03-02"}"# + "\n", to: file)
        let russian = try sandbox.russian(["case", "import", file.path])
        #expect(russian.stderr.contains("\(file.path):1: поле \"regime\" должно быть \"appeal\" или \"message\", а указано \"urgent\"\n"), "\(russian.stderr)")
        let english = try sandbox.local(["case", "import", file.path])
        #expect(english.stderr.contains("\(file.path):1: \"regime\" must be \"appeal\" or \"message\", got \"urgent\"\n"), "\(english.stderr)")
        // JSON keeps the importer's words, whatever the language.
        let json = try sandbox.russian(["case", "import", file.path, "--format", "json"])
        #expect(json.stdout.contains(#""reason" : "\"regime\" must be \"appeal\" or \"message\", got \"urgent\"""#), "\(json.stdout)")
    }

    @Test func applysWarningsAndTheHistoryInTheReadersLanguage() throws {
        let sandbox = try Sandbox()
        let first = try Self.policy(adding: "grant executor to ghost_clerk on other\n", as: "zz-ghost.lko")
        defer { try? FileManager.default.removeItem(at: first.deletingLastPathComponent()) }
        let russian = try sandbox.russian(["apply", first.path, "--yes"])
        #expect(russian.status == 0, "\(russian.stderr)")
        #expect(russian.stderr.contains("предупреждение: назначения называют `ghost_clerk`, но такой учётной записи нет (создайте её: `lko user add ghost_clerk`)\n"), "\(russian.stderr)")
        #expect(!russian.stderr.contains("grants name"))
        #expect(russian.stdout.contains("действующая v1 → кандидат"), "\(russian.stdout)")
        let second = try Self.policy(adding: "grant executor to ghost_typist on other\n", as: "zz-ghost.lko")
        defer { try? FileManager.default.removeItem(at: second.deletingLastPathComponent()) }
        let english = try sandbox.local(["apply", second.path, "--yes"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(english.stderr.contains("warning: grants name `ghost_typist`, who has no account (add one with `lko user add ghost_typist`)\n"), "\(english.stderr)")
        #expect(!english.stderr.contains("назначения называют"))
        // The change report names the two sides in the reader's language too.
        #expect(english.stdout.contains("active v2 → candidate") && !english.stdout.contains("кандидат"), "\(english.stdout)")

        // `lko history`: the kind of each activation in words; CSV for machines keeps it.
        sandbox.environment["COLUMNS"] = "300"
        let history = try sandbox.russian(["history"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("применение") && !history.stdout.contains(" apply "), "\(history.stdout)")
        #expect(try sandbox.local(["history"]).stdout.contains(" apply "))
        #expect(try sandbox.russian(["history", "--format", "csv", "--csv-dialect", "rfc4180"]).stdout.contains(",apply,"))
        // The stored policy's header: the day and time as people write them, in the organization's zone.
        let shown = try sandbox.russian(["show-policy"])
        #expect(shown.stdout.hasPrefix("# версия v3 sha256:"), "\(shown.stdout.prefix(200))")
        #expect(shown.stdout.split(separator: "\n").first?.contains(", сохранена 02.03.2026 12:00, автор finance_sysadmin") == true, "\(shown.stdout.prefix(200))")
    }
}
