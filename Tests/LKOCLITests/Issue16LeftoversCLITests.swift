import Foundation
import Testing

/// Issue 16 through the `lko` binary, the texts that were left: `deadline --explain`, the
/// database file's errors, absences carried out (`lko tick`), `audit log` — in Russian (the
/// default) and in English, identifiers unchanged in JSON and CSV.
@Suite("Issue 16: deadline, database errors, delegation lines, audit log")
struct Issue16LeftoversCLITests {
    static let russian: [String: String?] = ["LKO_LANG": nil, "LANG": "C.UTF-8", "LC_ALL": nil, "LC_MESSAGES": nil]

    @Test func deadlineExplainedInBothLanguages() throws {
        let ru = try lko(["deadline", "--from", "29.12.2024", "--days", "10", "--explain"], environment: Self.russian)
        #expect(ru.status == 0, "\(ru.stderr)")
        let lines = ru.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "09.01.2025")
        #expect(lines.dropFirst().first == "поступление 29.12.2024 + 10 календарных дней; номинальный последний день 08.01.2025")
        #expect(lines.contains("  08.01.2025 ср: нерабочий, праздничный день (ТК РФ ст. 112 ч. 1) — пропущен"))
        #expect(lines.contains("  09.01.2025 чт: рабочий, обычный будний день — последний день срока"))
        #expect(lines.last == "примечание: все дни с 30.12.2024 по 08.01.2025 нерабочие: срок поглощён праздниками, и последний день срока переносится вперёд, на первый рабочий день — 09.01.2025")
        #expect(!ru.stdout.contains("every day") && !ru.stdout.contains("skipped"))

        let en = try lko(["deadline", "--from", "2024-12-29", "--days", "10", "--explain"])
        #expect(en.stdout.contains("\nentry 29.12.2024 + 10 calendar days; nominal last day 08.01.2025\n"))
        #expect(en.stdout.contains("\n  08.01.2025 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped\n"))
        #expect(en.stdout.hasSuffix("note: every day from 30.12.2024 to 08.01.2025 is non-working, so the term was swallowed by holidays: the deadline moves forward to the first working day, 09.01.2025\n"))

        // Without --explain the note goes to standard error, in the reader's language.
        #expect(try lko(["deadline", "--from", "29.12.2024", "--days", "10"], environment: Self.russian).stderr.hasPrefix("примечание: все дни с 30.12.2024"))
        // JSON is language-neutral: ISO days, the calendar's English steps and note.
        let json = try lko(["deadline", "--from", "29.12.2024", "--days", "10", "--explain", "--format", "json"], environment: Self.russian)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["deadline"] as? String == "2025-01-09")
        #expect((object["steps"] as? [String])?.first == "2025-01-08 Wed: non-working, public holiday (ТК РФ ст. 112 ч. 1) — skipped")
        #expect((object["note"] as? String)?.hasPrefix("every day from 2024-12-30 to 2025-01-08") == true)
    }

    @Test func theDatabaseFileInBothLanguages() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appending(path: "none.sqlite").path
        let environment: [String: String?] = ["XDG_CONFIG_HOME": folder.path, "LKO_SERVER": nil, "LKO_TOKEN": nil, "LKO_DB": nil]
        let ru = try lko(["audit", "log", "--db", missing], environment: environment.merging(Self.russian) { $1 })
        #expect(ru.status == 1)
        #expect(ru.stderr == "ошибка: Нет базы lko по пути \(missing): создайте её командой `lko init --db \(missing)` или укажите существующую через --db или LKO_DB.\n", "\(ru.stderr)")
        let en = try lko(["audit", "log", "--db", missing], environment: environment)
        #expect(en.stderr == "error: no lko database at \(missing); create one with `lko init --db \(missing)` or point --db / LKO_DB at an existing one\n", "\(en.stderr)")
        let junk = folder.appending(path: "junk.sqlite")
        try Data("not a database at all".utf8).write(to: junk)
        #expect(try lko(["audit", "log", "--db", junk.path], environment: environment.merging(Self.russian) { $1 }).stderr.contains("— не база lko"))
    }

    @Test func absencesCarriedOutAndTheAuditLog() throws {
        let sandbox = try Issue14CLITests.Sandbox()
        let added = try sandbox.local(["absence", "add", "roads_specialist", "--from", "2026-03-10", "--until", "2026-03-20", "--reason", "vacation", "--substitute", "roads_deputy", "--return-open-cases"])
        #expect(added.status == 0, "\(added.stderr)")
        // The start, carried out by `lko tick` on 11.03: the line for people in Russian, with full names.
        sandbox.environment["LKO_NOW"] = "2026-03-11T09:00"
        let started = try sandbox.russian(["tick"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stderr == "замещение: сообщение DEMO-0001: Сотрудник roads_specialist → Сотрудник roads_deputy (отсутствие № 1)\n", "\(started.stderr)")
        sandbox.environment["LKO_NOW"] = "2026-03-23T09:00"
        let ended = try sandbox.local(["tick"])
        #expect(ended.stderr == "delegation: case DEMO-0001: Сотрудник roads_deputy → Сотрудник roads_specialist (back from absence #1)\n", "\(ended.stderr)")

        try sandbox.login("finance_sysadmin")
        sandbox.environment["COLUMNS"] = "400"
        let text = try sandbox.russian(["audit", "log"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Создание базы данных"))
        #expect(text.stdout.contains("песочница: да"))
        #expect(text.stdout.contains("Передача замещающему сотруднику"))
        #expect(text.stdout.contains("Система (автоматически)"))
        #expect(text.stdout.contains("отсутствие: 1; было: roads_specialist; стало: roads_deputy"), "\(text.stdout)")
        #expect(!text.stdout.contains("database.init") && !text.stdout.contains("sandbox=yes") && !text.stdout.contains("case.handover"), "\(text.stdout)")
        let english = try sandbox.local(["audit", "log"])
        #expect(english.stdout.contains("Database created") && english.stdout.contains("sandbox=yes") && english.stdout.contains("Handed over to the substitute"))
        #expect(english.stdout.contains("system (automatic)"))
        #expect(!english.stdout.contains("Система"), "\(english.stdout)")

        // CSV keeps the identifier beside the title; JSON keeps the identifier and the details as they are.
        let excel = try sandbox.russian(["audit", "log", "--format", "csv"])
        let rows = excel.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "\u{FEFF}#;Когда;Кто;Код события;Событие;Объект;Подробности", "\(rows.first ?? "")")
        #expect(rows.dropFirst().first?.contains(";database.init;Создание базы данных;database;песочница: да") == true, "\(rows.dropFirst().first ?? "")")
        let machine = try sandbox.local(["audit", "log", "--format", "csv", "--csv-dialect", "rfc4180"])
        #expect(machine.stdout.hasPrefix("seq,at,actor,action,action_title,object,details\r\n"))
        #expect(machine.stdout.contains(",finance_sysadmin,database.init,Database created,database,sandbox=yes\r\n"))
        let json = try sandbox.russian(["audit", "log", "--format", "json"])
        let entries = try #require((try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])?["entries"] as? [[String: Any]])
        #expect(entries.first?["action"] as? String == "database.init")
        #expect((entries.first?["details"] as? [String: String]) == ["sandbox": "yes"])
    }
}
