import Foundation
import Testing

/// Issue 14 through the `lko` binary: the access review and who-can, `user show`, offboarding
/// with `--handover-to`, `user enable` on a locked account, tombstones, and `apply` with its git
/// provenance and `--yes`.
@Suite("Issue 14: access review, offboarding, provenance")
struct Issue14CLITests {
    static let password = "correct horse battery staple"
    static let line = password + "\n"

    /// A sandbox database at 2026-03-02 09:00 with the shipped policy (or `policy`), accounts
    /// and the demo cases, the administrator logged in.
    final class Sandbox {
        let folder: URL
        let database: String
        var environment: [String: String?]

        init(policy: String = shippedPolicies, people: [String] = ["roads_specialist", "roads_deputy", "deputy_housing", "deputy_social", "head", "ookr_curator"]) throws {
            folder = try temporaryFolder()
            database = folder.appending(path: "lko.sqlite").path
            environment = [
                "XDG_CONFIG_HOME": folder.appending(path: "config").path, "LKO_NOW": "2026-03-02T09:00",
                "LKO_SERVER": nil, "LKO_TOKEN": nil, "LKO_DB": nil,
            ]
            let created = try run(["init", "--db", database, "--sandbox", "--login", "finance_sysadmin", "--full-name", "Смирнова Ольга Викторовна", "--password-stdin"], stdin: Self.line)
            try #require(created.status == 0, "init: \(created.stderr)")
            try login("finance_sysadmin")
            for login in people {
                let added = try local(["user", "add", login, "--full-name", "Сотрудник \(login)", "--password-stdin"], stdin: Self.line)
                try #require(added.status == 0, "user add \(login): \(added.stderr)")
            }
            let applied = try local(["apply", policy, "-m", "test", "--yes"])
            try #require(applied.status == 0, "apply: \(applied.stderr)")
            let imported = try local(["case", "import", packageRoot.appending(path: "scripts/demo-cases.jsonl").path])
            try #require(imported.status == 0, "import: \(imported.stderr)")
        }

        static let line = Issue14CLITests.line

        deinit { try? FileManager.default.removeItem(at: folder) }

        func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try lko(arguments, stdin: stdin, in: directory, environment: environment, sourceLocation: sourceLocation)
        }

        func local(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try run(arguments + ["--db", database], stdin: stdin, in: directory, sourceLocation: sourceLocation)
        }

        /// The same in Russian (`LKO_LANG=ru`).
        func russian(_ arguments: [String], stdin: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try lko(arguments + ["--db", database], stdin: stdin, environment: environment.merging(["LKO_LANG": "ru"]) { $1 }, sourceLocation: sourceLocation)
        }

        func login(_ login: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let result = try local(["login", "--login", login, "--password-stdin"], stdin: Self.line, sourceLocation: sourceLocation)
            try #require(result.status == 0, "login \(login): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func whoCanAccessReviewAndUserShow() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.local(["access", "who-can", "draft", "roads.potholes", "--at", "2026-03-12"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(!before.stdout.contains("roads_deputy"), "no grant in March 2026, no absence yet")

        let added = try sandbox.local(["absence", "add", "roads_specialist", "--from", "2026-03-10", "--until", "2026-03-20", "--reason", "vacation", "--substitute", "roads_deputy"])
        #expect(added.status == 0, "no policy change needed: \(added.stderr)")
        let who = try sandbox.local(["access", "who-can", "draft", "roads.potholes", "--at", "2026-03-12"])
        #expect(who.stdout.contains("Сотрудник roads_deputy (roads_deputy): cases assigned to them in roads — via absence #1 of Сотрудник roads_specialist (roads_specialist), eligibility at "), "\(who.stdout)")
        #expect(who.stdout.contains("Сотрудник roads_specialist (roads_specialist): cases assigned to them in roads — grant executor («Исполнитель») at "), "\(who.stdout)")
        let whoRussian = try sandbox.russian(["access", "who-can", "draft", "roads.potholes", "--at", "2026-03-12"])
        #expect(whoRussian.stdout.contains("Сотрудник roads_deputy (roads_deputy): назначенные ему сообщения и обращения в roads — на время отсутствия № 1 (Сотрудник roads_specialist (roads_specialist)), разрешение замещать — "), "\(whoRussian.stdout)")
        #expect(whoRussian.stdout.contains("Сотрудник roads_specialist (roads_specialist): назначенные ему сообщения и обращения в roads — роль «Исполнитель» (executor), "), "\(whoRussian.stdout)")
        let whoJSON = try sandbox.local(["access", "who-can", "draft", "roads.potholes", "--at", "2026-03-12", "--format", "json"])
        let whoPeople = try #require(try JSONSerialization.jsonObject(with: whoJSON.stdoutData) as? [String: Any])["people"] as? [[String: Any]]
        let viaAbsence = try #require(whoPeople?.first { $0["login"] as? String == "roads_deputy" })
        #expect(viaAbsence["reach"] as? String == "cases assigned to them in roads", "language-neutral: the fixed English description")
        #expect(viaAbsence["scope"] as? String == "assigned and granted")
        #expect(viaAbsence["kind"] as? String == "absence")
        #expect(viaAbsence["absence"] as? Int == 1)
        #expect(viaAbsence["absentee"] as? String == "roads_specialist")
        #expect(!(try sandbox.local(["access", "who-can", "draft", "roads.potholes", "--at", "2026-03-21"])).stdout.contains("roads_deputy"))

        // The матрица доступа in three formats.
        let markdown = try sandbox.local(["access", "review", "--at", "2026-03-12"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Access matrix on 12.03.2026\n"))
        #expect(markdown.stdout.contains("| roads_deputy | Сотрудник roads_deputy | active | draft: cases assigned to them in roads from 10.03.2026 until 20.03.2026 | via absence #1 of Сотрудник roads_specialist (roads_specialist), eligibility at "), "\(markdown.stdout)")
        let russianMarkdown = try sandbox.russian(["access", "review", "--at", "2026-03-12"])
        #expect(russianMarkdown.stdout.hasPrefix("# Матрица доступа на 12.03.2026\n"))
        #expect(russianMarkdown.stdout.contains("| Логин | ФИО | Состояние | Право | Откуда |"))
        #expect(russianMarkdown.stdout.contains("| roads_deputy | Сотрудник roads_deputy | активна | draft: назначенные ему сообщения и обращения в roads с 10.03.2026 по 20.03.2026 | на время отсутствия № 1 (Сотрудник roads_specialist (roads_specialist)), разрешение замещать — "), "\(russianMarkdown.stdout)")
        #expect(russianMarkdown.stdout.contains("| business_manager |  | нет учётной записи | approve: сообщения и обращения в other | роль «Руководитель» (manager), "))
        let csv = try sandbox.local(["access", "review", "--format", "csv", "--at", "2026-03-12"])
        let rows = csv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "login,full_name,status,action,scope,nodes,from,until,kind,source")
        #expect(rows.contains { $0.hasPrefix("roads_deputy,Сотрудник roads_deputy,active,draft,assigned and granted,roads,2026-03-10,2026-03-20,absence,\"via absence #1 of roads_specialist, eligibility at ") }, "the source has a comma, so it is quoted")
        let json = try sandbox.local(["access", "review", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["policy_version"] as? String != nil)
        let people = try #require(object["people"] as? [[String: Any]])
        #expect(people.contains { $0["login"] as? String == "finance_sysadmin" && (($0["rights"] as? [[String: Any]]) ?? []).contains { $0["action"] as? String == "manage_users" } })

        // Recorded (audited), then what changed since: the approver's sick leave.
        let recorded = try sandbox.local(["access", "review", "--record"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stderr.contains("recorded access review #1"))
        let audit = try sandbox.local(["audit", "log", "--json"])
        #expect(audit.stdout.contains("\"access.review\""))
        let sick = try sandbox.local(["absence", "add", "deputy_housing", "--from", "2026-03-11", "--until", "2026-03-13", "--reason", "sick", "--substitute", "deputy_social"])
        #expect(sick.status == 0, "\(sick.stderr)")
        let changed = try sandbox.local(["access", "review"])
        #expect(changed.stdout.contains("## Changes since the last recorded review"))
        #expect(changed.stdout.contains("- Сотрудник deputy_social (deputy_social): gained approve: cases in housing, improvement, roads, utilities, waste from 11.03.2026 until 13.03.2026 (as substitute, role manager («Руководитель»), via absence #2 of Сотрудник deputy_housing (deputy_housing))"), "\(changed.stdout)")
        #expect(!changed.stdout.contains("(roads_deputy): gained"), "the vacation was already in the recorded review")
        let changedRussian = try sandbox.russian(["access", "review"])
        #expect(changedRussian.stdout.contains("## Изменения с последней записанной проверки"))
        #expect(changedRussian.stdout.contains("- Сотрудник deputy_social (deputy_social): получено право approve: сообщения и обращения в housing, improvement, roads, utilities, waste с 11.03.2026 по 13.03.2026 (как замещающий, роль «Руководитель» (manager), отсутствие № 2: Сотрудник deputy_housing (deputy_housing))"), "\(changedRussian.stdout)")
        // JSON stays language-neutral: the change's key, and the right itself.
        let changedJSON = try #require(try JSONSerialization.jsonObject(with: try sandbox.local(["access", "review", "--format", "json"]).stdoutData) as? [String: Any])
        let changes = try #require(changedJSON["changes"] as? [[String: Any]])
        let approve = try #require(changes.first { ($0["right"] as? String)?.hasPrefix("approve on granted") == true })
        #expect(approve["right"] as? String == "approve on granted in housing, improvement, roads, utilities, waste from 2026-03-11 until 2026-03-13 (as substitute, role manager, via absence #2 of deputy_housing)")
        #expect((approve["detail"] as? [String: Any])?["absence"] as? Int == 2)

        // `user show`: roles, grants, derived rights, absences, open cases.
        let specialist = try sandbox.local(["user", "show", "roads_specialist"])
        #expect(specialist.status == 0, "\(specialist.stderr)")
        #expect(specialist.stdout.contains("access of Сотрудник roads_specialist (roads_specialist) on 02.03.2026\n"), "\(specialist.stdout)")
        #expect(specialist.stdout.contains("  roles: executor («Исполнитель»)\n"))
        #expect(specialist.stdout.contains("  open cases: DEMO-0001\n"))
        #expect(specialist.stdout.contains("    #1 away 10.03.2026 – 20.03.2026, substitute Сотрудник roads_deputy (roads_deputy) [planned]"), "\(specialist.stdout)")
        let specialistRussian = try sandbox.russian(["user", "show", "roads_specialist"])
        #expect(specialistRussian.stdout.contains("права доступа на 02.03.2026: Сотрудник roads_specialist (roads_specialist)\n"), "\(specialistRussian.stdout)")
        #expect(specialistRussian.stdout.contains("  роли: «Исполнитель» (executor)\n"))
        #expect(specialistRussian.stdout.contains("  открытые сообщения и обращения: DEMO-0001\n"))
        #expect(specialistRussian.stdout.contains("    № 1: отсутствует 10.03.2026 – 20.03.2026, замещает Сотрудник roads_deputy (roads_deputy) [запланировано]"), "\(specialistRussian.stdout)")
        let deputy = try sandbox.local(["user", "show", "roads_deputy"])
        #expect(deputy.stdout.contains("  rights from absences:\n"))
        #expect(deputy.stdout.contains("    draft: cases assigned to them in roads from 10.03.2026 until 20.03.2026  (via absence #1 of Сотрудник roads_specialist (roads_specialist), eligibility at "), "\(deputy.stdout)")
        #expect(deputy.stdout.contains("(not valid that day)"), "the 2027 dated grant is listed, but not valid now")
        let deputyRussian = try sandbox.russian(["user", "show", "roads_deputy"])
        #expect(deputyRussian.stdout.contains("  права на время отсутствий (как замещающего):\n"))
        #expect(deputyRussian.stdout.contains("    draft: назначенные ему сообщения и обращения в roads с 10.03.2026 по 20.03.2026  (на время отсутствия № 1 (Сотрудник roads_specialist (roads_specialist)), разрешение замещать — "), "\(deputyRussian.stdout)")
        #expect(deputyRussian.stdout.contains("    «Исполнитель» (executor) — roads с 11.01.2027 по 05.02.2027 (не действует в этот день)  ("), "\(deputyRussian.stdout)")
        #expect(deputyRussian.stdout.contains("    № 1: замещение, отсутствует Сотрудник roads_specialist (roads_specialist), 10.03.2026 – 20.03.2026 [запланировано]"), "\(deputyRussian.stdout)")
        #expect(!deputyRussian.stdout.contains(" on ") && !deputyRussian.stdout.contains("via absence"), "\(deputyRussian.stdout)")

        // Reading who may do what needs manage_users or view_audit.
        try sandbox.login("head")
        let refused = try sandbox.local(["access", "review"])
        #expect(refused.status != 0)
        #expect(try sandbox.local(["user", "show", "head"]).status == 0, "one's own access")
    }

    @Test func offboardingWithAHandover() throws {
        // The shipped policy: the administrator may disable but not reassign, so the gate refuses
        // the handover, says who could, and the account stays enabled.
        let shipped = try Sandbox()
        let refused = try shipped.local(["user", "disable", "roads_specialist", "--handover-to", "roads_deputy"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Handing over case DEMO-0001 (roads.potholes.carriageway) was refused"), "\(refused.stderr)")
        #expect(refused.stderr.contains("who may hand it over: head"))
        #expect(refused.stderr.contains("the account is not disabled"))
        let refusedRussian = try shipped.russian(["user", "disable", "roads_specialist", "--handover-to", "roads_deputy"])
        #expect(refusedRussian.status == 1)
        #expect(refusedRussian.stderr.contains("Передача дела DEMO-0001 (roads.potholes.carriageway) отклонена"), "\(refusedRussian.stderr)")
        #expect(refusedRussian.stderr.contains("передать могут: head"))
        #expect(refusedRussian.stderr.contains("учётная запись не отключена"))
        // Without a handover the open case blocks it, said in the reader's language.
        let blocked = try shipped.local(["user", "disable", "roads_specialist"])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("  - 1 open case(s) assigned to roads_specialist: DEMO-0001 — reassign them first"), "\(blocked.stderr)")
        let blockedRussian = try shipped.russian(["user", "disable", "roads_specialist"])
        #expect(blockedRussian.stderr.contains("  - у roads_specialist открытых сообщений и обращений: 1 (DEMO-0001) — сначала передайте их"), "\(blockedRussian.stderr)")
        #expect(try shipped.local(["user", "show", "roads_specialist"]).stdout.contains("status      active\n"))

        // A policy where the administrator also coordinates, with a second roads executor.
        let policy = try copyOfShippedPolicy()
        defer { try? FileManager.default.removeItem(at: policy.deletingLastPathComponent()) }
        try write("grant coordinator to finance_sysadmin\ngrant executor to roads_second on roads\n", to: policy.appending(path: "extra.lko"))
        try FileManager.default.removeItem(at: policy.appending(path: "tests.lko"))  // its expectations are of the shipped grants
        let sandbox = try Sandbox(policy: policy.path, people: ["roads_specialist", "roads_second", "deputy_social", "head"])
        let notAnExecutor = try sandbox.local(["user", "disable", "roads_specialist", "--handover-to", "deputy_social"])
        #expect(notAnExecutor.status == 1)
        #expect(notAnExecutor.stderr.contains("Who may take the case: roads_second"), "\(notAnExecutor.stderr)")
        #expect(try sandbox.russian(["user", "disable", "roads_specialist", "--handover-to", "deputy_social"]).stderr.contains("Дело могут принять: roads_second"))
        let handed = try sandbox.local(["user", "disable", "roads_specialist", "--handover-to", "roads_second"])
        #expect(handed.status == 0, "\(handed.stderr)")
        #expect(handed.stdout == "handed over case DEMO-0001 to roads_second\ndisabled roads_specialist\n")
        let audit = try sandbox.local(["audit", "log", "--object", "case:DEMO-0001", "--json"])
        #expect(audit.stdout.contains("\"case.reassign\""))
        #expect(try sandbox.local(["user", "show", "roads_specialist"]).stdout.contains("status      disabled\n"))
        // A grant naming a disabled account is warned about (W0511).
        let check = try sandbox.run(["check", policy.path, "--db", sandbox.database])
        #expect(check.stderr.contains("W0511") || check.stdout.contains("W0511"), "\(check.stdout)\(check.stderr)")
        #expect((check.stdout + check.stderr).contains("the grant of `executor` names `roads_specialist`, who is disabled"))
    }

    @Test func tombstonesAndLockedAccounts() throws {
        let sandbox = try Sandbox(people: ["roads_specialist", "temp_worker", "head"])
        try sandbox.login("temp_worker")
        try sandbox.login("finance_sysadmin")
        let removed = try sandbox.local(["user", "remove", "temp_worker"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!(try sandbox.local(["user", "list"])).stdout.contains("temp_worker"))
        // The name stays behind the history lines.
        let audit = try sandbox.local(["audit", "log", "--actor", "temp_worker", "--json"])
        #expect(audit.stdout.contains("\"login\""))
        #expect(try sandbox.local(["user", "show", "temp_worker"]).stdout.contains("full name   Сотрудник temp_worker\n"))
        // It can never sign in, be enabled, or have its login given to someone else.
        let signIn = try sandbox.local(["login", "--login", "temp_worker", "--password-stdin"], stdin: Self.line)
        #expect(signIn.status != 0)
        try sandbox.login("finance_sysadmin")
        let reused = try sandbox.local(["user", "add", "temp_worker", "--full-name", "Другой человек", "--password-stdin"], stdin: Self.line)
        #expect(reused.status != 0)
        #expect(reused.stderr.contains("was removed"), "\(reused.stderr)")
        #expect(try sandbox.local(["user", "enable", "temp_worker"]).status != 0)
        #expect(try sandbox.local(["user", "passwd", "temp_worker", "--password-stdin"], stdin: "another long passphrase\n").status != 0)

        // Locked after failed logins: `user enable` unlocks it and says so.
        for _ in 0..<6 { _ = try sandbox.local(["login", "--login", "roads_specialist", "--password-stdin"], stdin: "not the password at all\n") }
        let locked = try sandbox.local(["login", "--login", "roads_specialist", "--password-stdin"], stdin: Self.line)
        #expect(locked.status != 0)
        #expect(locked.stderr.contains("is locked"), "\(locked.stderr)")
        try sandbox.login("finance_sysadmin")
        let enabled = try sandbox.local(["user", "enable", "roads_specialist"])
        #expect(enabled.stdout == "enabled and unlocked roads_specialist\n", "\(enabled.stderr)")
        #expect(try sandbox.local(["user", "enable", "roads_specialist"]).stdout == "enabled roads_specialist\n")
        try sandbox.login("roads_specialist")
    }

    /// Runs git in `directory` with a fixed identity.
    func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func applyRecordsItsGitProvenanceAndScriptsConfirmRisks() throws {
        let repo = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repo) }
        _ = try git(["init", "-q"], in: repo)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: shippedPolicies), to: repo.appending(path: "Policies"))
        try FileManager.default.removeItem(at: repo.appending(path: "Policies/tests.lko"))  // its expectations are of the shipped grants
        _ = try git(["add", "-A"], in: repo)
        _ = try git(["commit", "-q", "-m", "policy"], in: repo)
        let commit = try git(["rev-parse", "HEAD"], in: repo)

        let sandbox = try Sandbox(people: ["roads_specialist", "head"])
        // The sandbox applied the shipped policy of this package's own checkout; now the clean
        // commit of the repository.
        var policy = try String(contentsOf: repo.appending(path: "Policies/grants.lko"), encoding: .utf8)
        policy += "\ngrant curator to head\n"
        try write(policy, to: repo.appending(path: "Policies/grants.lko"))
        _ = try git(["commit", "-q", "-am", "head also curates"], in: repo)
        let cleanCommit = try git(["rev-parse", "HEAD"], in: repo)
        #expect(cleanCommit != commit)
        // A gain of rights is a risk: outside a terminal it needs --yes, and nothing is applied.
        let unconfirmed = try sandbox.local(["apply", "Policies", "-m", "curator"], in: repo)
        #expect(unconfirmed.status != 0)
        #expect(unconfirmed.stderr.contains("confirm with --yes"), "\(unconfirmed.stderr)")
        #expect(try sandbox.local(["history", "--format", "csv", "--csv-dialect", "rfc4180"]).stdout.split(separator: "\r\n").count == 2)
        let applied = try sandbox.local(["apply", "Policies", "-m", "curator", "--yes"], in: repo)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("from git commit \(cleanCommit.prefix(12))\n"))
        var history = try sandbox.local(["history"]).stdout
        #expect(history.contains("curator      \(cleanCommit.prefix(12))\n") || history.contains("curator  \(cleanCommit.prefix(12))\n"), "\(history)")

        // An uncommitted change is recorded as such.
        try write(policy + "grant curator to roads_specialist\n", to: repo.appending(path: "Policies/grants.lko"))
        let dirty = try sandbox.local(["apply", "Policies", "-m", "uncommitted", "--yes"], in: repo)
        #expect(dirty.status == 0, "\(dirty.stderr)")
        #expect(dirty.stdout.contains("from git commit \(cleanCommit.prefix(12)) (working tree not clean)\n"))
        history = try sandbox.local(["history"]).stdout
        #expect(history.contains("uncommitted  \(cleanCommit.prefix(12)) (dirty)\n"), "\(history)")
        let json = try sandbox.local(["history", "--json"])
        #expect(json.stderr.contains("--json is deprecated; use --format json"))
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(document["format_version"] as? Int == 1)
        let activations = try #require(document["versions"] as? [[String: Any]])
        #expect(activations.suffix(2).map { $0["git_commit"] as? String } == [cleanCommit, cleanCommit])
        #expect(activations.suffix(2).map { $0["git_clean"] as? Bool } == [true, false])

        // A change without risks needs no confirmation: a reformatted but equal policy.
        let noRisk = try sandbox.local(["apply", "Policies", "-m", "same again"], in: repo)
        #expect(noRisk.status == 0, "\(noRisk.stderr)")
    }
}
