import Foundation
import LKOApplication
import LKOCalendar
import LKOMessages
import LKOStore
import LKOWorkflow
import Testing

/// Issue 16, what is left: the database file's errors, account fields and blockers, the audit
/// log's events and details, the access views and the absences carried out — each from the
/// catalog in Russian and English, with codes and identifiers unchanged.
@Suite struct Issue16AccessAuditTextTests {
    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    @Test func theDatabaseFilesErrorsInBothLanguages() throws {
        let cases: [(StoreError, ru: String, en: String)] = [
            (.databaseMissing(path: "/srv/lko.sqlite"),
             "Нет базы lko по пути /srv/lko.sqlite: создайте её командой `lko init --db /srv/lko.sqlite` или укажите существующую через --db или LKO_DB.",
             "no lko database at /srv/lko.sqlite; create one with `lko init --db /srv/lko.sqlite` or point --db / LKO_DB at an existing one"),
            (.databaseExists(path: "/srv/copy.sqlite"), "Файл /srv/copy.sqlite уже существует; lko не перезаписывает существующие файлы", "/srv/copy.sqlite already exists"),
            (.notAnLKODatabase(path: "/srv/x"), "/srv/x — не база lko", "/srv/x is not an lko database"),
            (.schemaTooNew(path: "/srv/x"), "Базу /srv/x записала более новая версия lko", "/srv/x was written by a newer lko"),
            (.clockOverrideRefused, "Задан LKO_NOW, но это рабочая база", "LKO_NOW is set, but this is a production database"),
            (.tampered(path: "/srv/x"), "Признак песочницы в базе /srv/x изменён в обход lko", "the sandbox setting of /srv/x was changed outside lko"),
        ]
        for (error, ru, en) in cases {
            let app = try #require(AppError.from(error) as? AppError)
            #expect(app.code == "database")
            #expect(app.text?.key != .verbatim, "\(error) has its own catalog message")
            #expect(app.message(in: .ru).hasPrefix(ru), "\(app.message(in: .ru))")
            #expect(app.message(in: .en).hasPrefix(en), "\(app.message(in: .en))")
            #expect(app.message == app.message(in: .ru), "the API's message is the Russian one")
        }
        // The English is the store's own description, word for word.
        let missing = StoreError.databaseMissing(path: "/srv/lko.sqlite")
        #expect((AppError.from(missing) as? AppError)?.message(in: .en) == missing.description)
    }

    @Test func anAccountsFieldsAndBlockersInBothLanguages() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        do {
            _ = try fixture.service.addUser(admin, NewUserInput(login: "newbie", fullName: "Н", email: "not-an-address", password: "correct horse battery staple"))
            Issue.record("a bad address was accepted")
        } catch let error as AppError {
            #expect(error.code == "invalid_field")
            #expect(error.field == "email")
            #expect(error.message(in: .ru) == "Поле «электронная почта»: «not-an-address» — не адрес вида name@example.ru.")
            #expect(error.message(in: .en) == "Field `e-mail`: `not-an-address` is not an address like name@example.ru.")
        }
        // roads_specialist holds DEMO-0001: disabling is refused, the blocker in either language.
        do {
            _ = try fixture.service.setUserEnabled(admin, login: "roads_specialist", enabled: false)
            Issue.record("an account with an open case was disabled")
        } catch let error as AppError {
            #expect(error.code == "blocked")
            #expect(error.details == ["у roads_specialist открытых сообщений и обращений: 1 (DEMO-0001) — сначала передайте их (`lko case reassign НОМЕР --to ЛОГИН`)"])
            #expect(error.description(in: .en) == """
                The account `roads_specialist` cannot be disabled or removed while:
                  - 1 open case(s) assigned to roads_specialist: DEMO-0001 — reassign them first (`lko case reassign N --to LOGIN`)
                """)
            #expect(error.description(in: .ru).hasPrefix("Учётную запись «roads_specialist» нельзя отключить или удалить, пока:\n  - у roads_specialist"))
        }
    }

    @Test func theWorkflowsCalendarRefusalIsACatalogMessage() {
        let error = WorkflowError.calendar(Message(.wfCalendarAddYear, ["reason": .message(CalendarError.yearNotCovered(2029).message)]))
        let app = AppError.from(error) as? AppError
        #expect(app?.code == "calendar")
        #expect(app?.message(in: .ru).hasPrefix("производственный календарь не охватывает 2029 год") == true)
        #expect(app?.message(in: .en).hasSuffix("add the year to the policy with `calendar { year … }` once its decree is published.") == true)
        #expect(error.description == app?.message(in: .en))
    }

    /// Every event lko writes to the audit log has a title in both languages.
    @Test func everyAuditEventHasATitle() throws {
        let written = [
            "database.init", "audit.baseline", "login", "login.failed", "login.refused", "logout", "denied",
            "user.add", "user.disable", "user.enable", "user.remove", "user.unlock", "user.locked", "user.passwd", "user.rehash",
            "policy.apply", "policy.rollback", "access.review", "pos.import", "pos.applied", "case.import", "case.import.batch",
            "case.handover", "case.handback", "absence.add", "absence.change", "absence.cancel", "absence.end", "absence.start", "absence.finish", "absence.past",
            "case.receive", "region.add",
        ] + CaseAction.allCases.map { "case.\($0.rawValue)" }
        // The actions the sources append, read from the sources themselves.
        let sources = repositoryRoot.appendingPathComponent("Sources")
        var found: Set<String> = []
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("AuditLog.append(") {
                guard let range = line.range(of: "action: \"") else { continue }
                let rest = line[range.upperBound...]
                if let end = rest.firstIndex(of: "\""), !rest[..<end].contains("\\") { found.insert(String(rest[..<end])) }
            }
        }
        #expect(found.count > 25)
        #expect(found.subtracting(written).isEmpty, "events without a title: \(found.subtracting(written).sorted())")
        for action in written {
            let title = try #require(AuditText.title(action), "\(action)")
            #expect(Self.hasCyrillic(title.render(.ru)), "\(action)")
            #expect(!Self.hasCyrillic(title.render(.en).replacingOccurrences(of: "ПОС", with: "").replacingOccurrences(of: "ЛКО", with: "")), "\(action)")
        }
        #expect(AuditText.title("database.init")?.render(.ru) == "Создание базы данных")
        #expect(AuditText.title("case.assign")?.render(.ru) == "Назначение исполнителя")
        #expect(AuditText.title("something.new") == nil, "an unknown event shows its identifier")
    }

    @Test func auditDetailsForPeople() {
        func text(_ details: [String: String], _ action: String, _ language: Language) -> String {
            AuditText.details(details, action: action).map { $0.render(language) }.joined(separator: "; ")
        }
        #expect(text(["sandbox": "yes"], "database.init", .ru) == "песочница: да")
        #expect(text(["sandbox": "yes"], "database.init", .en) == "sandbox=yes")
        #expect(text(["role": "initial administrator"], "user.add", .ru) == "роль: первый администратор")
        #expect(text(["from": "assigned", "to": "in_progress", "assignee": "roads_specialist"], "case.draft", .ru)
            == "исполнитель: roads_specialist; было: Назначен исполнитель; стало: В работе")
        #expect(text(["from": "assigned", "to": "in_progress"], "case.draft", .en) == "from=assigned; to=in_progress")
        #expect(text(["absence": "1", "from": "roads_specialist", "to": "coordinator"], "case.handover", .ru) == "отсутствие: 1; было: roads_specialist; стало: Координатор")
        #expect(text(["login": "roads_specialist", "from": "2026-03-10", "until": "open-ended", "reason": "sick"], "absence.add", .ru)
            == "с: 10.03.2026; сотрудник: roads_specialist; причина: больничный; по: без даты окончания")
        #expect(text(["department": "", "position": "Инженер"], "user.add", .ru) == "должность: Инженер", "empty details are left out")
        #expect(text(["text": "free text"], "whatever", .ru) == "free text")
        #expect(text(["brand_new": "x"], "whatever", .ru) == "brand_new: x", "an unknown detail keeps its key")
    }

    @Test func absencesCarriedOutForPeopleAndForLogs() {
        let stays = DelegationMove(kind: .stays, posNumber: "R7", absence: 3, from: "roads_deputy", to: "roads_deputy", returning: "roads_specialist",
                                   node: "roads.potholes", day: "2027-01-21", names: ["roads_deputy": "Смирнов Олег Игоревич"])
        #expect(stays.description == "case R7 stays with roads_deputy: roads_specialist is not an executor on roads.potholes on 21.01.2027")
        #expect(stays.message.render(.ru) == "сообщение R7 остаётся у Смирнов Олег Игоревич: roads_specialist не является исполнителем по roads.potholes на 21.01.2027")
        let queue = DelegationMove(kind: .handover, posNumber: "R8", absence: 4, from: "roads_specialist", to: nil)
        #expect(queue.description == "case R8: roads_specialist → coordinator (absence #4)")
        #expect(queue.message.render(.ru) == "сообщение R8: roads_specialist → Координатор (отсутствие № 4)")
    }

    @Test func accessViewsFromTheCatalog() throws {
        let fixture = try ServerFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let access = try fixture.service.userAccess(admin, login: "lukovnikovo_territorial", at: CalendarDate(iso: "2026-03-02"))
        let right = try #require(access.rights.first { $0.action == "draft" })
        #expect(right.kind == "grant")
        #expect(right.position?.hasPrefix("Policies/grants.lko:") == true || right.position?.contains("grants.lko:") == true)
        #expect(right.source.hasPrefix("grant executor at "), "the English source stays as it was")
        #expect(AccessText.source(right).render(.ru).hasPrefix("роль «Исполнитель» (executor), "))
        #expect(AccessText.source(right).render(.en).hasPrefix("grant executor («Исполнитель») at "))
        #expect(AccessText.right(right).render(.ru).hasPrefix("draft: назначенные ему сообщения и обращения в "))
        #expect(AccessText.reach(scope: "any", nodes: ["*"]).render(.en) == "any case")
        #expect(AccessText.period(from: "2026-03-10", until: nil) == .messages([Message(.accessFrom, ["day": "10.03.2026"])], separator: ""))
        // A warning: a code and a catalog message; in JSON the message in Russian.
        let warning = AccessWarning("grants_to_inactive_account", Message(.accessWarnInactive, ["login": "x", "status": .message(AccessText.status("disabled"))]))
        #expect(warning.message.render(.en) == "the policy grants roles to `x`, whose account is disabled")
        let json = String(decoding: try JSONEncoder().encode(warning), as: UTF8.self)
        #expect(json.contains("\"code\":\"grants_to_inactive_account\"") && json.contains("политика назначает роли сотруднику x, но его учётная запись отключена"))
    }
}
