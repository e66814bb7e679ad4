import Foundation
import LKOAccounts
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOExportReader
import LKOLanguage
import LKOPOS
import LKOStore
import LKOTestSupport
import LKOWorkflow

// Copied from the server tests' support (not shared across test targets).
let cheapHasher = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))
let testPassword = "correct horse battery staple"
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
}

/// The people of the shipped policy with full names (ё included, on purpose).
let posPeople: [(login: String, name: String)] = [
    ("head", "Журавлёв Сергей Юрьевич"),
    ("ookr_curator", "Алексеева Анна Владимировна"),
    ("ookr_specialist", "Куркина Ирина Александровна"),
    ("deputy_housing", "Кузубов Андрей Анатольевич"),
    ("deputy_social", "Виноградова Дарья Викторовна"),
    ("business_manager", "Смирнов Олег Петрович"),
    ("roads_specialist", "Петров Иван Сергеевич"),
    ("housing_specialist", "Орлова Мария Николаевна"),
    ("improvement_specialist", "Фёдоров Алексей Иванович"),
    ("lukovnikovo_territorial", "Ёлкина Наталья Павловна"),
    ("transport_specialist", "Козлов Дмитрий Андреевич"),
    ("education_specialist", "Морозова Елена Игоревна"),
    ("social_specialist", "Волкова Светлана Олеговна"),
    ("health_liaison", "Никитин Павел Романович"),
    ("general_specialist", "Соловьёв Артём Денисович"),
    ("roads_deputy", "Белов Кирилл Ильич"),
    ("housing_deputy", "Зайцева Ольга Сергеевна"),
]

/// A sandbox database with the shipped policy and ``posPeople``; the clock on 16.03.2026.
final class POSFixture: @unchecked Sendable {
    let folder: URL
    let clock: ManualWallClock
    let store: Store
    let service: LKOService

    init(extraPeople: [(login: String, name: String)] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-pos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = ManualWallClock(start: StoreClock.parse("2026-03-16T06:00:00Z")!)
        let path = TestDatabase.address(in: folder.path)
        let created = try Store.create(path: path, sandbox: true, administrator: NewAccount(login: "finance_sysadmin", fullName: "Соколова Анна Викторовна"),
                                       password: testPassword, clock: clock, hasher: cheapHasher)
        try created.close()
        store = try Store.open(path: path, clock: clock, blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()])
        let bootstrap = try store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = 'finance_sysadmin'")! }
        _ = try store.apply(try PolicyLoader.load(path: repositoryRoot.appendingPathComponent("Policies").path), message: "test", by: bootstrap)
        let admin = try store.user("finance_sysadmin", by: bootstrap)
        for person in posPeople + extraPeople {
            try store.addUser(by: admin, NewAccount(login: person.login, fullName: person.name), password: testPassword, hasher: cheapHasher)
        }
        service = LKOService(store: store)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func caller(_ login: String) throws -> Caller {
        Caller(account: try store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login])! })
    }
}

/// A CSV export from rows of (header → value); `;`, UTF-8.
func csvExport(_ header: [String], _ rows: [[String]]) -> [UInt8] {
    Array(([header] + rows).map { $0.joined(separator: ";") }.joined(separator: "\r\n").utf8)
}

let fullHeader = ExportColumn.allCases.map(\.title)

/// One row of the full 25-column export with sensible defaults; `values` override by title.
func exportRow(_ values: [String: String]) -> [String] {
    let defaults: [String: String] = [
        "Номер": "2026-0001", "Номер ЕПГУ": "5566778899", "Источник": "Виджет ПОС", "Верхнеуровневый ЛКО": "Тверская область",
        "Категория": "Автомобильные дороги", "Подкатегория": "Ямы и выбоины на дорогах", "Факт": "Яма на проезжей части",
        "Организация, в которую поступило сообщение": "Администрация", "Организация, в которой находится сообщение": "Администрация",
        "Дата поступления": "02.03.2026", "Дата планируемого завершения работ": "12.03.2026", "Дата фактического завершения работ": "-",
        "Стадия": "В работе", "Статус": "Назначен исполнитель", "Просрочено": "Нет", "Фаст-трек": "Нет", "ФЗ": "Обычное сообщение",
        "Заявитель выбрал подачу по 59-ФЗ": "Нет", "Тип решения": "-", "Направлено по email в ФОИВ, не подключенный к ПОС": "Нет",
        "Оценка ответа заявителем": "-", "Повторное рассмотрение": "Нет", "ФИО координатора": "-", "ФИО исполнителя": "Петров Иван Сергеевич",
        "ФИО руководителя": "Кузубов Андрей Анатольевич",
    ]
    return fullHeader.map { values[$0] ?? defaults[$0]! }
}
