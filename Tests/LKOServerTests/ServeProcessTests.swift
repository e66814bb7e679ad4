import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LKOAccounts
import LKOLanguage
import LKOStore
import Testing

/// `lko serve` as a process: graceful shutdown on SIGTERM (the audit checkpoint written on the
/// way out), and log lines that never hold a password, a token or a citizen's text.
@Suite struct ServeProcessTests {
    static func binary() -> URL? {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        var candidates: [URL] = []
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("lko"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/lko"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func post(_ url: URL, json: String, token: String? = nil) throws -> (Int, Data) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return try send(request)
    }

    func send(_ request: URLRequest) throws -> (Int, Data) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data)?
        nonisolated(unsafe) var failure: (any Error)?
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { failure = error } else { result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()) }
            done.signal()
        }.resume()
        done.wait()
        if let failure { throw failure }
        return result!
    }

    @Test(.timeLimit(.minutes(2)))
    func sigtermStopsGracefullyAndTheLogHoldsNoSecrets() throws {
        let binary = try #require(Self.binary(), "build the lko binary first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lko.sqlite").path
        let store = try Store.create(path: path, sandbox: true, administrator: NewAccount(login: "finance_sysadmin", fullName: "Смирнова Ольга Викторовна"),
                                     password: testPassword, hasher: cheapHasher)
        let admin = try store.user("finance_sysadmin", by: try store.authenticate(token: try store.login("finance_sysadmin", password: testPassword, hasher: cheapHasher).text))
        _ = try store.apply(try PolicyLoader.load(path: repositoryRoot.appendingPathComponent("Policies").path), message: "test", by: admin)
        try store.close()

        let addressFile = folder.appendingPathComponent("address").path
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--db", path, "--listen", "127.0.0.1:0", "--address-file", addressFile]
        var environment = ProcessInfo.processInfo.environment
        environment["LKO_NOW"] = "2026-03-02T09:00"
        environment.removeValue(forKey: "LKO_SERVER")
        process.environment = environment
        let log = Pipe()
        process.standardError = log
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var address = ""
        for _ in 0..<200 where address.isEmpty {
            address = (try? String(contentsOfFile: addressFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if address.isEmpty { usleep(50_000) }
        }
        #expect(!address.isEmpty, "the server never said where it listens")
        let base = URL(string: "http://\(address)")!
        let secretText = "Секретный текст заявителя 42"
        let (status, body) = try post(base.appendingPathComponent("api/v1/session/login"), json: #"{"login":"finance_sysadmin","password":"\#(testPassword)"}"#)
        #expect(status == 201)
        let token = try #require((try JSONSerialization.jsonObject(with: body) as? [String: Any])?["token"] as? String)
        let line = #"{"pos_number":"LOG-1","regime":"message","category":"roads","subcategory":"potholes","received_at":"2026-03-02","description":"\#(secretText)"}"#
        var importRequest = URLRequest(url: base.appendingPathComponent("api/v1/cases/import"))
        importRequest.httpMethod = "POST"
        importRequest.httpBody = Data(line.utf8)
        importRequest.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        #expect(try send(importRequest).0 == 200)
        _ = try post(base.appendingPathComponent("api/v1/session/login"), json: #"{"login":"finance_sysadmin","password":"a wrong password here"}"#)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let text = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("path=/api/v1/session/login"))
        #expect(text.contains("hb.request.id="))
        for secret in [testPassword, "a wrong password here", token, secretText] {
            #expect(!text.contains(secret), "the log holds a secret: \(secret.prefix(12))…")
        }
        // The checkpoint written on the way out names the last entry.
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: path + ".checkpoints").filter { $0.hasSuffix(".json") }
        #expect(checkpoints.count >= 1)
        let reopened = try Store.open(path: path)
        let verification = try reopened.verifyCheckpoints(directory: path + ".checkpoints", publicKey: AuditKey.publicKey(at: AuditKey.defaultPath(forDatabase: path)))
        #expect(verification.problems.isEmpty)
        #expect(verification.provenThrough == verification.entries)
        try reopened.close()
    }
}
