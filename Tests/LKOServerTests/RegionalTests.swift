import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LKOAccounts
import LKOLanguage
@testable import LKOStore
import LKOTestSupport
import LKOWorkflow
import Testing

/// Several `lko serve` processes on one PostgreSQL organization: racing actions, a server killed
/// with SIGKILL, the database restarted under load, and a pg_dump/pg_restore round trip.
///
/// Needs `LKO_TEST_POSTGRES` (scripts/test starts a server). The fault tests restart or dump
/// the server itself, so they run only when `LKO_TEST_POSTGRES_FAULTS=1`, alone (scripts/test
/// runs them after everything else).
@Suite("A region: several servers on one PostgreSQL", .serialized, .enabled(if: TestDatabase.isPostgres))
struct RegionalTests {
    static let faultsEnabled = ProcessInfo.processInfo.environment["LKO_TEST_POSTGRES_FAULTS"] == "1"

    /// An organization with the shipped policy, its people, and `count` cases drafted by the
    /// roads specialist (each waiting for `submit`, then `approve`).
    static func organization(cases count: Int) throws -> String {
        let address = TestDatabase.address(in: "")
        let store = try Store.create(path: address, sandbox: true, administrator: NewAccount(login: "finance_sysadmin", fullName: "Смирнова Ольга Викторовна"),
                                     password: testPassword, hasher: cheapHasher)
        defer { try? store.close() }
        let admin = try store.user("finance_sysadmin", by: try store.authenticate(token: try store.login("finance_sysadmin", password: testPassword, hasher: cheapHasher).text))
        _ = try store.apply(try PolicyLoader.load(path: repositoryRoot.appendingPathComponent("Policies").path), message: "test", by: admin)
        for (login, name) in [("head", "Глава"), ("roads_specialist", "Дорожник"), ("deputy_housing", "Заместитель по ЖКХ")] {
            try store.addUser(by: admin, NewAccount(login: login, fullName: name), password: testPassword, hasher: cheapHasher)
        }
        let workflow = try Workflow(store: store)
        let lines = (1...count).map { #"{"pos_number":"R-\#($0)","regime":"message","category":"roads","subcategory":"potholes","received_at":"2026-03-02"}"# }
        _ = try CaseImporter(workflow: workflow).run(Data(lines.joined(separator: "\n").utf8), actor: "head")
        let executor = try store.read { db in try AccountRepository.require(db, "roads_specialist") }
        for number in 1...count {
            _ = try workflow.perform(.draft, on: "R-\(number)", by: executor, input: .init(text: "Ответ \(number)"))
        }
        return address
    }

    /// A running `lko serve` and its base URL.
    final class Server: @unchecked Sendable {
        let process = Process()
        let base: URL

        init(_ address: String) throws {
            let binary = try #require(ServeProcessTests.binary(), "build the lko binary first (swift build)")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-region-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let addressFile = folder.appendingPathComponent("address").path
            process.executableURL = binary
            process.arguments = ["serve", "--db", address, "--listen", "127.0.0.1:0", "--address-file", addressFile,
                                 "--checkpoint-dir", folder.appendingPathComponent("checkpoints").path]
            var environment = ProcessInfo.processInfo.environment
            environment["LKO_NOW"] = "2026-03-02T09:00"
            environment.removeValue(forKey: "LKO_SERVER")
            process.environment = environment
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            var listening = ""
            for _ in 0..<400 where listening.isEmpty {
                listening = (try? String(contentsOfFile: addressFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if listening.isEmpty { usleep(50_000) }
            }
            base = try #require(URL(string: "http://\(listening)"))
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
        }

        func kill9() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func login(_ login: String) throws -> String {
            let (status, body) = try HTTP.post(base.appendingPathComponent("api/v1/session/login"), json: #"{"login":"\#(login)","password":"\#(testPassword)"}"#)
            guard status == 201, let token = (try JSONSerialization.jsonObject(with: body) as? [String: Any])?["token"] as? String else {
                throw FixtureFailure("login \(login): \(status)")
            }
            return token
        }

        /// The status of one case action (0: the connection failed — the server is gone).
        func act(_ action: String, _ number: String, token: String) -> Int {
            (try? HTTP.post(base.appendingPathComponent("api/v1/cases/\(number)/actions/\(action)"), json: "{}", token: token).0) ?? 0
        }
    }

    struct FixtureFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// HTTP as the serve-process tests speak it.
    enum HTTP {
        static func post(_ url: URL, json: String, token: String? = nil) throws -> (Int, Data) {
            try ServeProcessTests().post(url, json: json, token: token)
        }
    }

    /// A counter many threads increment.
    final class LockedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    /// Counts of statuses, safe from many threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int: Int] = [:]
        func add(_ status: Int) { lock.lock(); counts[status, default: 0] += 1; lock.unlock() }
        var all: [Int: Int] { lock.lock(); defer { lock.unlock() }; return counts }
    }

    /// What the record says after the storm: the chain verifies, every row is what lko wrote,
    /// each case's state is where its last event took it, and no action happened twice.
    static func checkRecord(_ address: String, cases count: Int) throws -> (submits: [String: Int], approves: [String: Int]) {
        let store = try Store.open(path: address)
        defer { try? store.close() }
        #expect(try store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
        #expect(try store.read { db in try AuditRows.verifyDeep(db) } == [])
        let mismatched = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.pos_number FROM cases c
                WHERE c.state <> (SELECT e.to_state FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1)
                """)
        }
        #expect(mismatched == [], "cases whose state is not where their last event took them")
        func perCase(_ action: String) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try store.read { db in
                try SQLRow.fetchAll(db, sql: "SELECT c.pos_number AS n, COUNT(e.id) AS k FROM cases c LEFT JOIN case_events e ON e.case_id = c.id AND e.action = ? GROUP BY c.pos_number", arguments: [action])
            }.map { ($0["n"] as String, $0["k"] as Int) })
        }
        return (try perCase("submit"), try perCase("approve"))
    }

    @Test(.timeLimit(.minutes(5)))
    func twoServersRacing1000ActionsLoseNothingAndDoNothingTwice() throws {
        let cases = 100
        let address = try Self.organization(cases: cases)
        let a = try Server(address), b = try Server(address)
        defer { a.stop(); b.stop() }
        let servers = [a, b]
        let executorTokens = try servers.map { try $0.login("roads_specialist") }
        let approverTokens = try servers.map { try $0.login("deputy_housing") }

        // 5 submits of each case, then 5 approvals, alternating between the servers, 16 at once.
        let tally = Tally()
        for (action, tokens) in [("submit", executorTokens), ("approve", approverTokens)] {
            DispatchQueue.concurrentPerform(iterations: cases * 5) { index in
                let server = index % 2
                tally.add(servers[server].act(action, "R-\(index % cases + 1)", token: tokens[server]))
            }
        }
        let statuses = tally.all
        print("two servers, 1,000 racing actions: statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(statuses.values.reduce(0, +) == 1_000)
        #expect(statuses[200] == 2 * cases, "exactly one submit and one approval per case succeed: \(statuses)")
        #expect(statuses.keys.allSatisfy { $0 == 200 || $0 == 409 || $0 == 403 }, "no 5xx, no lost request: \(statuses)")
        let (submits, approves) = try Self.checkRecord(address, cases: cases)
        #expect(submits.values.allSatisfy { $0 == 1 } && submits.count == cases)
        #expect(approves.values.allSatisfy { $0 == 1 } && approves.count == cases)
    }

    @Test(.timeLimit(.minutes(5)), .enabled(if: faultsEnabled))
    func aServerKilledDuringWritesLeavesNothingHalfWritten() throws {
        let cases = 200
        let address = try Self.organization(cases: cases)
        let a = try Server(address), b = try Server(address)
        defer { a.stop(); b.stop() }
        let tokens = try [a, b].map { try $0.login("roads_specialist") }
        let tally = Tally()
        let killer = DispatchQueue(label: "killer")
        killer.asyncAfter(deadline: .now() + 0.3) { a.kill9() }
        DispatchQueue.concurrentPerform(iterations: cases) { index in
            let server = index % 2
            tally.add([a, b][server].act("submit", "R-\(index + 1)", token: tokens[server]))
        }
        // Whatever the killed server had in flight either committed whole or not at all.
        let (submits, _) = try Self.checkRecord(address, cases: cases)
        #expect(submits.values.allSatisfy { $0 <= 1 })
        let statuses = tally.all
        print("kill -9 during writes: statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(statuses.keys.allSatisfy { $0 == 200 || $0 == 0 }, "\(statuses)")
        #expect(statuses[0, default: 0] > 0, "the server was killed while requests were in flight")
        // The survivor goes on: every case not submitted yet can be now, once.
        for (number, count) in submits where count == 0 {
            #expect(b.act("submit", number, token: tokens[1]) == 200)
        }
        let (after, _) = try Self.checkRecord(address, cases: cases)
        #expect(after.values.allSatisfy { $0 == 1 })
    }

    @Test(.timeLimit(.minutes(5)), .enabled(if: faultsEnabled))
    func aPostgreSQLRestartUnderLoadFailsRequestsCleanlyAndConnectionsComeBack() throws {
        let cases = 400
        let address = try Self.organization(cases: cases)
        let server = try Server(address)
        defer { server.stop() }
        let token = try server.login("roads_specialist")
        let tally = Tally()
        let restarted = DispatchSemaphore(value: 0)
        // The restart starts once the load is under way (the 20th request), whatever the speed.
        let started = LockedCounter(), afterRestart = LockedCounter(), restartDone = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: cases) { index in
            if started.increment() == 20 {
                DispatchQueue.global().async {
                    _ = Self.spawnAndWait(repositoryRoot.appendingPathComponent("scripts/postgres").path, ["restart"])
                    _ = restartDone.increment()
                    restarted.signal()
                }
            }
            tally.add(server.act("submit", "R-\(index + 1)", token: token))
            if restartDone.value > 0 { _ = afterRestart.increment() }
        }
        restarted.wait()
        let statuses = tally.all
        print("PostgreSQL restart under load: statuses \(statuses.sorted { $0.key < $1.key }); \(afterRestart.value) requests after the restart")
        // The restart began at the 20th request and ended before the last one: it was under load.
        #expect(afterRestart.value > 0, "the load went on past the restart")
        // Each request either completed or failed with a clean 503 (the database was away); a
        // COMMIT whose answer was lost is resolved by asking the server (txid_status).
        #expect(statuses.keys.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        // The same server works again without a restart of its own: what failed can be redone.
        let (submits, _) = try Self.checkRecord(address, cases: cases)
        #expect(submits.values.allSatisfy { $0 <= 1 })
        // Every 200 is a committed action. A 503 may still hide a commit whose answer was lost
        // (PostgreSQL's in-doubt COMMIT; lko asks `txid_status` and usually resolves it — seen
        // once in six runs unresolved), so the committed count lies between the two.
        let committed = submits.values.filter { $0 == 1 }.count
        #expect(committed >= statuses[200, default: 0] && committed <= statuses[200, default: 0] + statuses[503, default: 0])
        for (number, count) in submits where count == 0 {
            #expect(server.act("submit", number, token: token) == 200)
        }
        let (after, _) = try Self.checkRecord(address, cases: cases)
        #expect(after.values.allSatisfy { $0 == 1 })
    }

    @Test(.timeLimit(.minutes(5)), .enabled(if: faultsEnabled))
    func aPgDumpAndRestoreRoundTripVerifies() throws {
        let address = try Self.organization(cases: 20)
        let parsed = try PostgresAddress(parsing: address)
        let (beforeHead, beforeCases) = try {
            let store = try Store.open(path: address)
            defer { try? store.close() }
            return (try store.read { db in try AuditLog.verify(db) }.headHash, try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0 })
        }()
        let dump = FileManager.default.temporaryDirectory.appendingPathComponent("lko-\(UUID().uuidString).dump").path
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let server = "postgresql://\(parsed.user)@\(parsed.host):\(parsed.port)/\(parsed.database)"
        try Self.run("/usr/bin/pg_dump", ["--format=custom", "--schema=\(parsed.schema)", "--file=\(dump)", server])
        try PostgresEngine.withForeignTransaction(address: address) { db in try db.execute(sql: "DROP SCHEMA \(parsed.schema) CASCADE") }
        #expect(throws: StoreError.self) { try Store.open(path: address) }
        try Self.run("/usr/bin/pg_restore", ["--dbname=\(server)", dump])
        let store = try Store.open(path: address)
        defer { try? store.close() }
        #expect(try store.read { db in try AuditLog.verify(db) }.headHash == beforeHead)
        #expect(try store.read { db in try AuditRows.verifyDeep(db) } == [])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") } == beforeCases)
        // And the restored organization takes new writes with its row audit working.
        let workflow = try Workflow(store: store)
        let executor = try store.read { db in try AccountRepository.require(db, "roads_specialist") }
        _ = try workflow.perform(.submit, on: "R-1", by: executor)
        #expect(try store.read { db in try AuditRows.verifyDeep(db) } == [])
    }

    /// posix_spawn and waitpid: Foundation's `Process.waitUntilExit` never returned here for a
    /// script that starts a daemon (PostgreSQL) off the main thread.
    static func spawnAndWait(_ path: String, _ arguments: [String]) -> Int32 {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureFailure("\(tool) failed: " + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
    }
}
