import Foundation
import Testing

/// Issue 12, finding 21: text from outside — a citizen's text with escape sequences, a newline
/// in an import field, an unknown login with a newline — is printed escaped everywhere, so it
/// cannot forge lines in `audit log`, `case show` or an error.
@Suite struct Issue12OutputTests {
    static let password = "correct horse battery staple"

    @Test func finding21_outsideTextIsPrintedEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appending(path: "lko.sqlite").path
        let environment: [String: String?] = [
            "XDG_CONFIG_HOME": folder.appending(path: "config").path, "LKO_NOW": "2026-03-02T09:00",
            "LKO_SERVER": nil, "LKO_TOKEN": nil, "LKO_DB": database,
        ]
        func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult { try lko(arguments, stdin: stdin, environment: environment) }
        #expect(try run(["init", "--sandbox", "--login", "finance_sysadmin", "--full-name", "Смирнова Ольга Викторовна", "--password-stdin"], stdin: Self.password + "\n").status == 0)
        #expect(try run(["login", "--login", "finance_sysadmin", "--password-stdin"], stdin: Self.password + "\n").status == 0)
        #expect(try run(["apply", shippedPolicies, "-m", "test", "--yes"]).status == 0)
        let hostile = #"{"pos_number":"ESC-1","regime":"message","category":"roads","subcategory":"potholes","received_at":"2026-03-02","address":"ул. Ленина\n2026-03-02 09:00 forged line","description":"\u001b[2J\u001b[31mRED\r\u202eevil"}"#
        let file = folder.appending(path: "cases.jsonl")
        try write(hostile + "\n", to: file)
        #expect(try run(["case", "import", file.path]).status == 0)
        #expect(try run(["user", "add", "head", "--full-name", "Кузнецов Андрей Николаевич", "--password-stdin"], stdin: Self.password + "\n").status == 0)
        #expect(try run(["login", "--login", "head", "--password-stdin"], stdin: Self.password + "\n").status == 0)

        let shown = try run(["case", "show", "ESC-1"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(!shown.stdout.contains("\u{1B}"), "a raw escape sequence reached the terminal")
        #expect(!shown.stdout.contains("\r"))
        #expect(!shown.stdout.contains("\u{202E}"))
        #expect(shown.stdout.contains("\\u{1b}[2J"))
        // The newline in the address stays inside its field (indented), never at the margin.
        #expect(!shown.stdout.split(separator: "\n").contains { $0.hasPrefix("2026-03-02 09:00 forged") })

        // An unknown login with a newline: one line in the audit log, escaped.
        _ = try run(["login", "--login", "nobody\nfinance_sysadmin user.add", "--password-stdin"], stdin: "whatever it is\n")
        #expect(try run(["login", "--login", "finance_sysadmin", "--password-stdin"], stdin: Self.password + "\n").status == 0)
        let log = try run(["audit", "log"])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(!log.stdout.split(separator: "\n").contains { $0.hasPrefix("finance_sysadmin user.add") })
        #expect(log.stdout.contains("nobody\\u{a}finance_sysadmin"))
    }
}
