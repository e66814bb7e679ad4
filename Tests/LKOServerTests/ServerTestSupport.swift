import Foundation
import Hummingbird
import HummingbirdTesting
import LKOAccounts
import LKOApplication
import LKOCalendar
import LKOLanguage
import LKOServer
import LKOStore
import LKOWorkflow
import Logging


/// Argon2 settings cheap enough for tests that create many accounts.
let cheapHasher = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))
let testPassword = "correct horse battery staple"

let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `2026-03-02T09:00` in Moscow (a Monday, a working day).
let mondayMorning = StoreClock.parse("2026-03-02T06:00:00Z")!

/// The people of order № 78р the tests act as, with full names.
let people: [(login: String, name: String)] = [
    ("head", "Кузнецов Андрей Николаевич"),
    ("roads_specialist", "Петров Игорь Сергеевич"),
    ("health_liaison", "Сидорова Анна Павловна"),
    ("lukovnikovo_territorial", "Волков Дмитрий Олегович"),
    ("social_specialist", "Морозова Елена Ивановна"),
    ("deputy_housing", "Орлов Сергей Петрович"),
    ("ookr_curator", "Лебедева Татьяна Михайловна"),
    ("improvement_specialist", "Зайцева Ольга Андреевна"),
    ("housing_specialist", "Козлов Павел Юрьевич"),
]

/// A sandbox database in a temporary folder with a manual clock, the shipped policy applied,
/// accounts for ``people`` and the demo cases imported; the service and the server over it.
final class ServerFixture: @unchecked Sendable {
    let folder: URL
    let clock: ManualWallClock
    let store: Store
    let service: LKOService
    let server: APIServer

    /// - Parameter address: the database (default: a SQLite file in a temporary folder).
    init(importDemoCases: Bool = true, configuration: ServerConfiguration = ServerConfiguration(host: "127.0.0.1", port: 0), address: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = ManualWallClock(start: mondayMorning)
        let path = address ?? folder.appendingPathComponent("lko.sqlite").path
        let created = try Store.create(path: path, sandbox: true, administrator: NewAccount(login: "finance_sysadmin", fullName: "Смирнова Ольга Викторовна"),
                                       password: testPassword, clock: clock, hasher: cheapHasher)
        try created.close()
        store = try Store.open(path: path, clock: clock, blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()])
        let bootstrap = try store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = 'finance_sysadmin'")! }
        _ = try store.apply(try PolicyLoader.load(path: repositoryRoot.appendingPathComponent("Policies").path), message: "test", by: bootstrap)
        let admin = try store.user("finance_sysadmin", by: bootstrap)
        for person in people {
            try store.addUser(by: admin, NewAccount(login: person.login, fullName: person.name), password: testPassword, hasher: cheapHasher)
        }
        service = LKOService(store: store)
        if importDemoCases {
            let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("scripts/demo-cases.jsonl"))
            _ = try service.importCases(Caller(account: admin), data: data)
        }
        server = APIServer(service: service, configuration: configuration)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func caller(_ login: String) throws -> Caller {
        Caller(account: try store.read { db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login])! })
    }

    /// The application without the background ticker's delay mattering (tests move the clock).
    func application() -> some ApplicationProtocol {
        var logger = Logger(label: "lko-test")
        logger.logLevel = .warning
        return server.application(logger: logger)
    }
}

/// Logs in through the API and returns the bearer token.
func login(_ client: some TestClientProtocol, _ login: String, password: String = testPassword) async throws -> String {
    try await client.execute(uri: "/api/v1/session/login", method: .post, headers: [.contentType: "application/json"],
                             body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(password)"}"#)) { response in
        guard response.status == .created else { throw TestFailure("login \(login): \(response.status) \(String(buffer: response.body))") }
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        guard let token = object?["token"] as? String else { throw TestFailure("no token") }
        return token
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// JSON of a response body.
func json(_ response: TestResponse) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] else { throw TestFailure("not a JSON object: \(String(buffer: response.body))") }
    return object
}

func bearer(_ token: String, json: Bool = false) -> HTTPFields {
    var fields: HTTPFields = [.authorization: "Bearer \(token)"]
    if json { fields[.contentType] = "application/json" }
    return fields
}
