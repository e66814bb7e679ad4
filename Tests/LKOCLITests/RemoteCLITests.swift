import Foundation
import Testing

/// `lko … --server URL`: the staff and administration commands through the JSON API of a real
/// `lko serve` (the built binary, on an ephemeral loopback port), with the same output as over
/// the local file.
@Suite("lko against a server", .serialized)
struct RemoteCLITests {
    static let password = "correct horse battery staple"

    /// A sandbox database with the shipped policy and the people of the demo, a private
    /// session folder, and `lko serve` over it.
    final class Sandbox {
        let folder: URL
        let database: String
        let environment: [String: String?]
        var server: Process?
        var url = ""

        init() throws {
            folder = try temporaryFolder()
            database = folder.appending(path: "lko.sqlite").path
            environment = [
                "XDG_CONFIG_HOME": folder.appending(path: "config").path, "LKO_NOW": "2026-03-02T09:00",
                "LKO_SERVER": nil, "LKO_TOKEN": nil, "LKO_DB": nil, "LOG_LEVEL": "warning",
            ]
        }

        deinit {
            if let server, server.isRunning {
                server.terminate()
                server.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: folder)
        }

        func run(_ arguments: [String], stdin: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try lko(arguments, stdin: stdin, environment: environment, sourceLocation: sourceLocation)
        }

        /// The same command over the server.
        func remote(_ arguments: [String], stdin: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try run(arguments + ["--server", url], stdin: stdin, sourceLocation: sourceLocation)
        }

        /// The same command over the local file.
        func local(_ arguments: [String], stdin: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
            try run(arguments + ["--db", database], stdin: stdin, sourceLocation: sourceLocation)
        }

        func prepare() throws {
            let created = try run(["init", "--db", database, "--sandbox", "--login", "finance_sysadmin", "--full-name", "Смирнова Ольга Викторовна", "--password-stdin"], stdin: Self.line)
            try #require(created.status == 0, "init: \(created.stderr)")
            try #require(try local(["login", "--login", "finance_sysadmin", "--password-stdin"], stdin: Self.line).status == 0)
            for (login, name) in [("roads_specialist", "Петров Игорь Сергеевич"), ("deputy_housing", "Орлов Сергей Петрович"), ("ookr_curator", "Лебедева Татьяна Михайловна"),
                                  ("head", "Кузнецов Андрей Николаевич")] {
                let added = try local(["user", "add", login, "--full-name", name, "--password-stdin"], stdin: Self.line)
                try #require(added.status == 0, "user add \(login): \(added.stderr)")
            }
            let applied = try local(["apply", shippedPolicies, "-m", "test"])
            try #require(applied.status == 0, "apply: \(applied.stderr)")
        }

        static let line = RemoteCLITests.password + "\n"

        /// Starts `lko serve --listen 127.0.0.1:0` and waits for the address it bound.
        func startServer() throws {
            let binary = try #require(lkoBinary)
            let addressFile = folder.appending(path: "address").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve", "--db", database, "--listen", "127.0.0.1:0", "--address-file", addressFile]
            var environment = ProcessInfo.processInfo.environment
            for (name, value) in self.environment { environment[name] = value }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            server = process
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: addressFile, encoding: .utf8), !text.isEmpty {
                    url = "http://" + text.trimmingCharacters(in: .whitespacesAndNewlines)
                    return
                }
                try #require(process.isRunning, "lko serve exited with \(process.terminationStatus)")
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("lko serve did not report its address within 60 s")
            throw CancellationError()
        }
    }

    @Test func staffAndAdministrationThroughTheAPI() throws {
        let sandbox = try Sandbox()
        try sandbox.prepare()
        try sandbox.startServer()

        // The administrator logs in on the server; the token is kept in a 0600 file of its own.
        let login = try sandbox.remote(["login", "--login", "finance_sysadmin", "--password-stdin"], stdin: Sandbox.line)
        #expect(login.status == 0, "\(login.stderr)")
        #expect(login.stderr == "logged in as finance_sysadmin at \(sandbox.url)\n")
        let sessions = sandbox.folder.appending(path: "config/lko/sessions")
        let serverFiles = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasPrefix("server-") }
        #expect(serverFiles.count == 1)
        if let file = serverFiles.first {
            let attributes = try FileManager.default.attributesOfItem(atPath: sessions.appending(path: file).path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        let whoami = try sandbox.remote(["whoami"])
        #expect(whoami.stdout == "finance_sysadmin — Смирнова Ольга Викторовна [sandbox]\n")

        // Import over the API, then the same list locally and remotely.
        let imported = try sandbox.remote(["case", "import", packageRoot.appending(path: "scripts/demo-cases.jsonl").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported "))
        let history = try sandbox.remote(["history"])
        #expect(history.status == 0)
        #expect(history.stdout == (try sandbox.local(["history"])).stdout)
        #expect(try sandbox.remote(["user", "list"]).stdout == (try sandbox.local(["user", "list"])).stdout)

        // The executor drafts and submits.
        #expect(try sandbox.remote(["login", "--login", "roads_specialist", "--password-stdin"], stdin: Sandbox.line).status == 0)
        #expect(try sandbox.local(["login", "--login", "roads_specialist", "--password-stdin"], stdin: Sandbox.line).status == 0)
        let started = Date()
        let list = try sandbox.remote(["case", "list"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(list.status == 0)
        #expect(list.stdout.contains("DEMO-0001  "))
        #expect(list.stdout == (try sandbox.local(["case", "list"])).stdout)
        print("remote `case list` (process start to exit): \(Int(elapsed * 1000)) ms")
        let draft = try sandbox.remote(["case", "draft", "DEMO-0001", "--text", "Яма на ул. Ленина, 12 будет заделана до 06.03.2026."])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.hasPrefix("case DEMO-0001: "))
        let submit = try sandbox.remote(["case", "submit", "DEMO-0001"])
        #expect(submit.status == 0, "\(submit.stderr)")
        #expect(submit.stdout.hasPrefix("case DEMO-0001: on_approval"))

        // The one who submitted cannot approve: the service's Russian message, exit 1.
        let refused = try sandbox.remote(["case", "approve", "DEMO-0001"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr.hasPrefix("error: You may not do this.") || refused.stderr.hasPrefix("error: Separation of duties"), "\(refused.stderr)")
        // The same refusal over the local file: word for word in Russian (the API's language);
        // in English the same first line, and the explanation under it in English too (the
        // server sends its lines in Russian).
        let locally = try sandbox.local(["case", "approve", "DEMO-0001"]).stderr
        #expect(locally.split(separator: "\n").first == refused.stderr.split(separator: "\n").first)
        #expect(locally.split(separator: "\n").count == refused.stderr.split(separator: "\n").count)
        #expect(!locally.contains("причина"), "\(locally)")
        let russian = sandbox.environment.merging(["LKO_LANG": "ru"]) { $1 }
        let refusedInRussian = try lko(["case", "approve", "DEMO-0001", "--server", sandbox.url], environment: russian)
        #expect(refusedInRussian.status == 1 && refusedInRussian.stderr.hasPrefix("ошибка: "), "\(refusedInRussian.stderr)")
        #expect(try lko(["case", "approve", "DEMO-0001", "--db", sandbox.database], environment: russian).stderr == refusedInRussian.stderr)

        // Another person approves.
        #expect(try sandbox.remote(["login", "--login", "deputy_housing", "--password-stdin"], stdin: Sandbox.line).status == 0)
        let approved = try sandbox.remote(["case", "approve", "DEMO-0001", "--comment", "Согласовано"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.hasPrefix("case DEMO-0001: answered"))
        let caseHistory = try sandbox.remote(["case", "history", "DEMO-0001"])
        #expect(caseHistory.stdout.contains("Орлов Сергей Петрович    approve   on_approval → answered"), "\(caseHistory.stdout)")

        // The curator's daily control, the same as over the file.
        #expect(try sandbox.remote(["login", "--login", "ookr_curator", "--password-stdin"], stdin: Sandbox.line).status == 0)
        #expect(try sandbox.local(["login", "--login", "ookr_curator", "--password-stdin"], stdin: Sandbox.line).status == 0)
        let daily = try sandbox.remote(["report", "daily"])
        #expect(daily.status == 0, "\(daily.stderr)")
        #expect(daily.stdout.contains("open case(s)"))
        #expect(daily.stdout == (try sandbox.local(["report", "daily"])).stdout)
        let csv = try sandbox.remote(["report", "daily", "--format", "csv"])
        #expect(csv.stdout == (try sandbox.local(["report", "daily", "--format", "csv"])).stdout)
        #expect(try sandbox.remote(["whoami"]).stdout.hasPrefix("ookr_curator — Лебедева Татьяна Михайловна"))

        // Logged out: the server no longer knows the token.
        #expect(try sandbox.remote(["logout"]).status == 0)
        let after = try sandbox.remote(["whoami"])
        #expect(after.status == 1)
        #expect(after.stderr.hasPrefix("error: You are not logged in."))

        // Commands for the local file only say so, with exit 2.
        for arguments in [["init", "--login", "x", "--full-name", "X"], ["tick"], ["check", shippedPolicies], ["backup", "x.sqlite"], ["user", "remove", "head"]] {
            let refusedHere = try sandbox.remote(arguments)
            #expect(refusedHere.status == 2, "\(arguments): \(refusedHere.stderr)")
            #expect(refusedHere.stderr.contains("works only on local files and cannot run against a server"), "\(arguments): \(refusedHere.stderr)")
        }
    }

    @Test func unreachableServer() throws {
        let sandbox = try Sandbox()
        // Port 1 on loopback: nothing listens there.
        let result = try sandbox.run(["login", "--server", "http://127.0.0.1:1", "--login", "head", "--password-stdin"], stdin: Sandbox.line)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: cannot reach the lko server at http://127.0.0.1:1: "), "\(result.stderr)")
        let bad = try sandbox.run(["whoami", "--server", "ftp://example"])
        #expect(bad.status == 2)
        let both = try sandbox.run(["whoami", "--server", "http://127.0.0.1:1", "--db", "x.sqlite"])
        #expect(both.status == 2)
    }
}
