import Foundation
import Testing

@Suite("lko as a subprocess", .serialized)
struct CLITests {
    @Test func helpAndVersion() throws {
        let help = try lko(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("SUBCOMMANDS"))
        for command in ["check", "test", "compile", "fmt", "explain", "authorize", "deadline"] {
            #expect(help.stdout.contains("  \(command)"), "\(command) missing from --help")
        }
        let version = try lko(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("lko 0.1.0 (commit "), "\(version.stdout)")
    }

    // MARK: check

    @Test func checkCleanPolicy() throws {
        let result = try lko(["check", shippedPolicies, "--at", "2026-03-02"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(": 5 files, 0 errors, 0 warnings; version sha256:"))
    }

    @Test func checkWithErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("organization \"O\" {\n}\nrole coordinator \"C\" {\n  allow view on any\n}\nrole executor \"E\" {\n  allow view on any\n}\ngrant coordinater to x\n", to: folder.appending(path: "p.lko"))
        let result = try lko(["check", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E0102"))
        #expect(result.stderr.contains("p.lko:9:7"))
        #expect(result.stderr.contains("1 error"))
        let json = try lko(["check", folder.path, "--format", "json"])
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(report["errors"] as? Int == 1)
    }

    @Test func checkStrictTurnsWarningsIntoErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("organization \"O\" {\n}\nrole coordinator \"C\" {\n  allow view on any\n}\nrole executor \"E\" {\n  allow view on any\n}\ngrant coordinator to x\ncategory c \"C\"\n", to: folder.appending(path: "p.lko"))
        #expect(try lko(["check", folder.path]).status == 0)
        let strict = try lko(["check", folder.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("W0505"))
    }

    @Test(arguments: [["check", "--frobnicate"], ["explain"], ["deadline", "--from", "2024-13-01", "--days", "10"], ["deadline", "--from", "2024-12-29", "--days", "0"], ["nonsense"]])
    func wrongUsageExits2(arguments: [String]) throws {
        let result = try lko(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error"))
    }

    @Test func missingPolicyFolderExits1() throws {
        let result = try lko(["check", "/nonexistent/policy"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no such file or folder"))
    }

    // MARK: test

    @Test func testPassesAndFails() throws {
        let ok = try lko(["test", shippedPolicies])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasSuffix("36 passed, 0 failed (36 expectations in 8 tests)\n"))
        let policy = try copyOfShippedPolicy()
        defer { try? FileManager.default.removeItem(at: policy.deletingLastPathComponent()) }
        try write("test \"wrong\" {\n  at 2026-03-02\n  expect allow head approve case { subcategory roads.signs }\n}\n", to: policy.appending(path: "wrong.lko"))
        let failing = try lko(["test", policy.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("FAIL "))
        #expect(failing.stdout.contains("wrong.lko:3:3  wrong"))
        // The explanation in the reader's language (LKO_LANG=en here), dates as DD.MM.YYYY, its
        // further lines aligned under the first.
        #expect(failing.stdout.contains("     got: DENY head approve on 02.03.2026 (case in `roads.signs`, unassigned)\n            reason: role `coordinator` «Координатор» (grant at "), "\(failing.stdout)")
        #expect(failing.stdout.hasSuffix("36 passed, 1 failed (37 expectations in 9 tests)\n"))
        let russian = try lko(["test", policy.path], environment: ["LKO_LANG": "ru"])
        #expect(russian.stdout.contains("     получено: DENY head approve на 02.03.2026 (сообщение или обращение в `roads.signs`, исполнитель не назначен)\n"), "\(russian.stdout)")
        #expect(russian.stdout.contains("\n                 причина:    роль `coordinator` «Координатор»"), "\(russian.stdout)")
        // JSON is the same in every language, its detail the Russian text.
        let json = try lko(["test", policy.path, "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdoutData == (try lko(["test", policy.path, "--format", "json"], environment: ["LKO_LANG": "ru"])).stdoutData)
        try SchemaCheck.validate(json, against: "test")
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let failed = try #require((document["results"] as? [[String: Any]])?.first { $0["passed"] as? Bool == false })
        #expect((failed["detail"] as? String)?.hasPrefix("DENY head approve на 02.03.2026 (сообщение или обращение в `roads.signs`") == true)
        // A route expectation that fails says where the case went instead.
        try write("test \"wrong\" {\n  at 2026-03-02\n  expect route case { subcategory roads.signs regime appeal } to housing_specialist via autorule housing\n}\n", to: policy.appending(path: "wrong.lko"))
        let route = try lko(["test", policy.path])
        #expect(route.stdout.contains("     got: roads_specialist (auto-rule `road_defects`, 30 calendar days)\n"), "\(route.stdout)")
        #expect(try lko(["test", policy.path], environment: ["LKO_LANG": "ru"]).stdout.contains("     получено: roads_specialist (автоправило `road_defects`, 30 календарных дней)\n"))
    }

    // MARK: explain

    @Test func explainAllowAndDeny() throws {
        let allow = try lko(["explain", "roads_specialist", "draft", "--subcategory", "roads.potholes", "--assignee", "roads_specialist", "--at", "2026-03-02", "--policy", shippedPolicies])
        #expect(allow.status == 0)
        #expect(allow.stdout.hasPrefix("ALLOW roads_specialist draft on 02.03.2026 (case in `roads.potholes`, assigned to roads_specialist)\n"))
        let deny = try lko(["explain", "roads_deputy", "draft", "--subcategory", "roads.signs", "--assignee", "roads_deputy", "--at", "2027-02-06", "--policy", shippedPolicies, "--format", "json"])
        #expect(deny.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: deny.stdoutData) as? [String: Any])
        #expect(json["decision"] as? String == "deny")
        #expect(json["reason"] as? String == "grant_expired")
        let unknownNode = try lko(["explain", "head", "view", "--subcategory", "roads.potholez", "--policy", shippedPolicies])
        #expect(unknownNode.status == 1)
        #expect(unknownNode.stderr.contains("did you mean `roads.potholes`"))
        let stranger = try lko(["explain", "stranger", "view", "--at", "2026-03-02", "--policy", shippedPolicies])
        #expect(stranger.status == 3)
        #expect(stranger.stderr.contains("`stranger` appears in no grant"))
    }

    // MARK: compile

    @Test func compileIsByteIdenticalAndJSONMatches() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appending(path: "a.sqlite").path
        let second = folder.appending(path: "b.sqlite").path
        #expect(try lko(["compile", shippedPolicies, "--out", first]).status == 0)
        #expect(try lko(["compile", shippedPolicies, "--out", second]).status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a.count > 4096)
        #expect(a.prefix(16) == Data("SQLite format 3\u{0}".utf8))
        #expect(a == b)
        // Compiling again over an existing file replaces it with the same bytes.
        #expect(try lko(["compile", shippedPolicies, "--out", first]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == a)

        let jsonFile = folder.appending(path: "t.json")
        let written = try lko(["compile", shippedPolicies, "--out", jsonFile.path])
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("policy version sha256:"))
        let stdout = try lko(["compile", shippedPolicies, "--json"])
        #expect(stdout.status == 0)
        #expect(try Data(contentsOf: jsonFile) == stdout.stdoutData)
        let tables = try #require(try JSONSerialization.jsonObject(with: stdout.stdoutData) as? [String: Any])
        #expect((tables["version"] as? String)?.hasPrefix("sha256:") == true)
        #expect((tables["nodes"] as? [Any])?.count == 46)
        #expect(try lko(["compile", shippedPolicies, "--json", "--out", jsonFile.path]).status == 2)
    }

    // MARK: fmt

    @Test func fmtCheck() throws {
        // A formatted copy of the shipped policy is left alone and stays valid.
        let policy = try copyOfShippedPolicy()
        defer { try? FileManager.default.removeItem(at: policy.deletingLastPathComponent()) }
        #expect(try lko(["fmt", policy.path]).status == 0)
        let formatted = try lko(["fmt", "--check", policy.path])
        #expect(formatted.status == 0)
        #expect(formatted.stdout == "")
        #expect(try lko(["check", policy.path, "--at", "2026-03-02"]).status == 0)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "p.lko")
        try write("organization \"O\" {\n      timezone \"Europe/Moscow\"\n}\n", to: file)
        let check = try lko(["fmt", "--check", folder.path])
        #expect(check.status == 1)
        #expect(check.stdout == "would reformat \(file.path)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == "organization \"O\" {\n      timezone \"Europe/Moscow\"\n}\n")
        #expect(try lko(["fmt", folder.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == "organization \"O\" {\n  timezone \"Europe/Moscow\"\n}\n")
        #expect(try lko(["fmt", "--check", folder.path]).status == 0)
    }

    // MARK: deadline

    @Test func deadline() throws {
        let result = try lko(["deadline", "--from", "2024-12-29", "--days", "10"])
        #expect(result.status == 0)
        // The day in text as people write it (JSON keeps ISO 8601), in either language.
        #expect(result.stdout.split(separator: "\n").first == "09.01.2025")
        #expect(try lko(["deadline", "--from", "2024-12-29", "--days", "10"], environment: ["LKO_LANG": "ru"]).stdout.split(separator: "\n").first == "09.01.2025")
        let explained = try lko(["deadline", "--from", "2024-12-29", "--days", "10", "--explain"])
        #expect(explained.stdout.split(separator: "\n").first == "09.01.2025")
        #expect(explained.stdout.split(separator: "\n").count > 2)
        let outside = try lko(["deadline", "--from", "1990-01-01", "--days", "10"])
        #expect(outside.status == 1)
    }

    /// A year the shipped calendar does not know is an error until the policy declares it; then
    /// `--policy` applies the declaration and its days off.
    @Test func deadlineWithThePolicysCalendar() throws {
        let folder = try temporaryFolder()
        let policy = """
            organization "O" { }
            role executor "И" { allow view on any }
            role coordinator "К" { allow view on any }
            calendar {
              year 2028 "ПП РФ (проверка)"
              day_off 2028-01-10 "ПП РФ (проверка)"
              day_off 2028-01-11 "ПП РФ (проверка)"
            }
            """
        try policy.write(to: folder.appendingPathComponent("p.lko"), atomically: true, encoding: .utf8)
        let shippedOnly = try lko(["deadline", "--from", "2028-01-01", "--days", "10"])
        #expect(shippedOnly.status == 1)
        #expect(shippedOnly.stderr.contains("2028"))
        // 2028-01-01 + 10 = Tue 2028-01-11, a declared day off; Mon 01-10 too; Sun 01-09 and
        // Sat 01-08 are weekends: the deadline goes back to Fri 2028-01-07.
        let withPolicy = try lko(["deadline", "--from", "2028-01-01", "--days", "10", "--policy", folder.path])
        #expect(withPolicy.status == 0)
        #expect(withPolicy.stdout.split(separator: "\n").first == "07.01.2028")
    }
}
