import Foundation
import GRDB
import LKOApplication
import LKOCalendar
import LKOPOS
import LKOStore
import Testing

@Suite("lko pos: import, events, drift, monitor, sheet")
struct ServiceTests {
    @Test("import: missing columns reported with what they disable; titles and ФИО matched after normalization; unknowns reported, never guessed")
    func importReport() throws {
        let fixture = try POSFixture(extraPeople: [("roads_twin", "Петров Иван Сергеевич")])
        let head = try fixture.caller("head")
        let header = ["Подкатегория", "Номер", "Категория", "Дата поступления", "ФИО исполнителя", "Статус"]
        let bytes = csvExport(header, [
            ["  ЯМЫ И  ВЫБОИНЫ на дорогах ", "1", "Автомобильные дороги", "02.03.2026", "Ёлкина Наталья Павловна", "Назначен исполнитель"],
            ["Ямы и выбоены на дорогах", "2", "Автомобильные дороги", "02.03.2026", "-", "Назначен исполнитель"],
            ["Иное", "3", "Иное", "вчера", "Петров Иван Сергеевич", "Назначен исполнитель"],
            ["Иное", "", "Иное", "02.03.2026", "Неизвестный Некто", "Назначен исполнитель"],
            ["Иное", "1", "Иное", "02.03.2026", "Елкина Наталья Павловна", "Назначен исполнитель"],
        ])
        let report = try fixture.service.posImport(head, bytes: bytes, fileName: "part.csv")
        #expect(report.snapshot.rowCount == 3)
        #expect(report.missingColumns.map(\.column).contains("Фаст-трек"))
        #expect(report.missingColumns.first { $0.column == "Фаст-трек" }?.disables == "проверка фаст-треков")
        #expect(report.normalizedTitles == 1)
        let messages = report.issues.map { "\($0.row): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3: подкатегория «Ямы и выбоены на дорогах» в категории «Автомобильные дороги» не найдена в политике; возможно, имелось в виду «Ямы и выбоины на дорогах»?") })
        #expect(messages.contains { $0.hasPrefix("4: «Дата поступления»: «вчера» — не дата") })
        #expect(messages.contains("5: нет номера («Номер»): строка пропущена"))
        #expect(messages.contains("6: номер 1 уже был в строке 2: повтор пропущен"))
        #expect(report.persons.contains { $0.name == "Петров Иван Сергеевич" && $0.candidates == ["roads_specialist", "roads_twin"] && $0.rows == [4] })
        let rows = try fixture.store.read { try SnapshotQueries.rows($0, snapshot: report.snapshot.id) }
        #expect(rows.first { $0.record.number == "1" }?.executorLogin == "lukovnikovo_territorial")
        #expect(rows.first { $0.record.number == "1" }?.node == "roads.potholes")
        #expect(rows.first { $0.record.number == "2" }?.node == nil)
    }

    @Test("idempotent: the same file twice is one snapshot; a later export becomes events dated by its own dates")
    func snapshotsAndEvents() throws {
        let fixture = try POSFixture()
        let head = try fixture.caller("head")
        let first = csvExport(fullHeader, [exportRow(["Номер": "A"]), exportRow(["Номер": "B"])])
        let one = try fixture.service.posImport(head, bytes: first, fileName: "d1.csv", asOf: "2026-03-05")
        let again = try fixture.service.posImport(head, bytes: first, fileName: "d1-copy.csv", asOf: "2026-03-06")
        #expect(again.alreadyImported && again.snapshot.id == one.snapshot.id)
        let second = csvExport(fullHeader, [
            exportRow(["Номер": "A", "Статус": "Отправлен ответ заявителю", "Стадия": "Завершено", "Дата фактического завершения работ": "10.03.2026"]),
            exportRow(["Номер": "B", "ФИО исполнителя": "Белов Кирилл Ильич", "ФИО координатора": "Журавлёв Сергей Юрьевич"]),
            exportRow(["Номер": "C", "Дата поступления": "11.03.2026"]),
        ])
        let two = try fixture.service.posImport(head, bytes: second, fileName: "d2.csv", asOf: "2026-03-12")
        #expect(two.previousSnapshot == one.snapshot.id)
        #expect(two.events == ["status": 1, "executor": 1, "coordinator": 1, "appeared": 1])
        let events = try fixture.service.posEvents(try fixture.caller("ookr_curator"))
        #expect(events.contains(SnapshotEvent(number: "A", kind: "status", old: "Назначен исполнитель", new: "Отправлен ответ заявителю", day: CalendarDate(iso: "2026-03-10")!, datedBy: "actual")))
        #expect(events.contains(SnapshotEvent(number: "C", kind: "appeared", old: nil, new: "Назначен исполнитель", day: CalendarDate(iso: "2026-03-11")!, datedBy: "received")))
        #expect(events.contains(SnapshotEvent(number: "B", kind: "executor", old: "Петров Иван Сергеевич", new: "Белов Кирилл Ильич", day: CalendarDate(iso: "2026-03-12")!, datedBy: "as_of")))
        let audit = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE action = 'pos.import'") }
        #expect(audit == 2)
    }

    @Test("import needs assign or manage_policy")
    func importPermission() throws {
        let fixture = try POSFixture()
        #expect(throws: AppError.self) { try fixture.service.posImport(try fixture.caller("roads_specialist"), bytes: csvExport(fullHeader, [exportRow([:])]), fileName: "x.csv") }
    }

    @Test("drift: each finding names the export row and the policy line")
    func drift() throws {
        let fixture = try POSFixture()
        let rows = [
            exportRow(["Номер": "ok"]),
            // Not an executor on roads (housing_specialist), no coordinator: also against the auto-rule.
            exportRow(["Номер": "wrong", "ФИО исполнителя": "Орлова Мария Николаевна"]),
            // Substitute outside the grant's dates (roads_deputy: 11.01–05.02.2027).
            exportRow(["Номер": "deputy", "ФИО исполнителя": "Белов Кирилл Ильич", "ФИО координатора": "Журавлёв Сергей Юрьевич"]),
            // Fast-track flag without a fast-track; planned date off by two days.
            exportRow(["Номер": "flag", "Фаст-трек": "Да", "Дата планируемого завершения работ": "14.03.2026"]),
            // A fast-track the policy has (doctor appointment from MED_DOC_EPGU), not flagged.
            exportRow(["Номер": "noflag", "Категория": "Медицина", "Подкатегория": "Электронная запись на прием к врачу", "Факт": "-", "Источник": "MED_DOC_EPGU",
                       "ФИО исполнителя": "Никитин Павел Романович", "Дата планируемого завершения работ": "06.03.2026"]),
            // Overdue on 16.03.2026.
            exportRow(["Номер": "late", "Дата поступления": "02.03.2026", "Дата планируемого завершения работ": "12.03.2026"]),
        ]
        _ = try fixture.service.posImport(try fixture.caller("head"), bytes: csvExport(fullHeader, rows), fileName: "drift.csv", asOf: "2026-03-16")
        let report = try fixture.service.posDrift(try fixture.caller("ookr_curator"))
        func find(_ kind: String, _ number: String) -> DriftFinding? { report.findings.first { $0.kind == kind && $0.number == number } }
        #expect(find("not_executor", "wrong")?.policyLine.hasSuffix("Policies/grants.lko:17") == true)
        #expect(find("autorule", "wrong")?.policyLine.hasSuffix("Policies/routing.lko:24") == true)
        #expect(find("autorule", "wrong")?.row == 3)
        #expect(find("not_executor", "deputy")?.message.contains("с 11.01.2027 по 05.02.2027") == true)
        #expect(find("autorule", "deputy") == nil)
        #expect(find("fasttrack_unexpected", "flag") != nil)
        #expect(find("deadline", "flag")?.message.contains("по политике — 12.03.2026") == true)
        #expect(find("deadline", "flag")?.policyLine.hasSuffix("Policies/categories.lko:21") == true)
        #expect(find("fasttrack_missing", "noflag")?.policyLine.hasSuffix("Policies/routing.lko:4") == true)
        #expect(find("deadline", "noflag") == nil)
        #expect(find("deadline", "ok") == nil && find("not_executor", "ok") == nil && find("autorule", "ok") == nil)
        #expect(report.overdueByPerson.first?.person == "Петров Иван Сергеевич")
        #expect(report.findings.filter { $0.kind == "overdue" }.count == report.overdueByPerson.map(\.count).reduce(0, +))
    }

    @Test("monitor: open, due today, at risk, overdue per executor, by full name")
    func monitor() throws {
        let fixture = try POSFixture()
        let rows = [
            exportRow(["Номер": "1", "Дата планируемого завершения работ": "16.03.2026"]),
            exportRow(["Номер": "2", "Дата планируемого завершения работ": "13.03.2026"]),
            exportRow(["Номер": "3", "Дата планируемого завершения работ": "18.03.2026"]),
            exportRow(["Номер": "4", "Дата планируемого завершения работ": "25.03.2026"]),
            exportRow(["Номер": "5", "Дата фактического завершения работ": "05.03.2026", "Статус": "Отправлен ответ заявителю", "Стадия": "Завершено"]),
            exportRow(["Номер": "6", "ФИО исполнителя": "-", "Дата планируемого завершения работ": "01.03.2026"]),
        ]
        _ = try fixture.service.posImport(try fixture.caller("head"), bytes: csvExport(fullHeader, rows), fileName: "m.csv", asOf: "2026-03-16")
        let report = try fixture.service.posMonitor(try fixture.caller("ookr_curator"))
        let petrov = try #require(report.lines.first { $0.person == "Петров Иван Сергеевич" })
        #expect((petrov.open, petrov.dueToday, petrov.atRisk, petrov.overdue) == (4, 1, 1, 1))
        #expect(petrov.urgent == ["2", "1"])
        #expect(report.lines.last?.person == Monitor.unassigned)
        #expect(report.totals.open == 5 && report.totals.overdue == 2)
    }

    @Test("sheet: sections in the ЛКО's terms, routing map; --since lists only changes; applied is audited")
    func sheet() throws {
        let fixture = try POSFixture()
        let admin = try fixture.caller("finance_sysadmin")
        let (sheet, none) = try fixture.service.posSheet(admin)
        #expect(none == nil)
        #expect(sheet.sections.map(\.title) == ["Пользователи и роли", "Исполнители: категории и подкатегории", "Автоправила (в порядке приоритета)", "Фаст-треки"])
        #expect(sheet.sections[2].items.map(\.key).prefix(3) == ["svo", "road_defects", "housing"])
        #expect(sheet.sections[3].items[0].lines.contains("Срок: 5 календарных дн."))
        #expect(sheet.edges.contains { $0.rule == "Автоправило: road_defects" && $0.target == "Петров Иван Сергеевич" })
        let html = SheetRenderer.html(sheet)
        #expect(html.contains("@media print") && html.contains("<svg"))
        let markdown = SheetRenderer.markdown(sheet)
        #expect(markdown.contains("## 3. Автоправила (в порядке приоритета)"))
        let version = try fixture.service.posApplied(admin, version: String(try fixture.store.activePolicy()!.version.prefix(20)))
        #expect(version.hasPrefix("sha256:"))
        let (_, changes) = try fixture.service.posSheet(admin, since: "last")
        #expect(changes?.changes.isEmpty == true)
        let old = try ConfigurationSheet(policy: CompiledPolicyLoader.shipped(), names: [:])
        var changed = old
        changed.sections[2].items.removeFirst()
        changed.sections[2].items[0].lines[0] = "Подкатегория: «Иное»"
        let diff = SheetChanges(from: old, to: changed)
        #expect(diff.changes.map(\.kind).sorted() == ["change", "remove"])
        let audited = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit WHERE action = 'pos.applied'") }
        #expect(audited == 1)
        #expect(throws: AppError.self) { try fixture.service.posApplied(try fixture.caller("ookr_curator"), version: version) }
    }

    @Test("the generator's messy export imports cleanly and the drift it injects is found")
    func generated() throws {
        let fixture = try POSFixture()
        let bytes = try fixture.service.posGenerate(try fixture.caller("finance_sysadmin"), rows: 500, seed: 5, asOf: "2026-03-16", csv: false, messy: true)
        let report = try fixture.service.posImport(try fixture.caller("head"), bytes: bytes, fileName: "g.xlsx", asOf: "2026-03-16")
        #expect(report.snapshot.rowCount == 500)
        #expect(report.errorCount == 0)
        #expect(report.emptyRows == 1)
        #expect(report.normalizedTitles > 0)
        #expect(report.persons.isEmpty)
        let drift = try fixture.service.posDrift(try fixture.caller("ookr_curator"))
        #expect(drift.findings.contains { $0.kind == "autorule" || $0.kind == "not_executor" })
        #expect(drift.findings.contains { $0.kind == "deadline" })
    }
}

import LKOCompiler
import LKOLanguage

enum CompiledPolicyLoader {
    static func shipped() throws -> CompiledPolicy {
        let sources = try PolicyLoader.load(path: repositoryRoot.appendingPathComponent("Policies").path)
        return try #require(PolicyCompiler.compile(sources).policy)
    }
}
