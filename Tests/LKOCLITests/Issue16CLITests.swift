import Foundation
import Testing
@testable import LKOCLI
import LKOApplication
import LKOMessages

/// A validator for the subset of JSON Schema (draft 2020-12) that docs/schemas/ uses: type,
/// required, properties, additionalProperties (a boolean), items, enum.
enum SchemaCheck {
    static func load(_ name: String) throws -> [String: Any] {
        let url = packageRoot.appending(path: "docs/schemas/\(name).schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            if "\(type(of: number))".contains("Boolean") { return "boolean" }
            return String(cString: number.objCType) == "d" && number.doubleValue != number.doubleValue.rounded() ? "number" : "integer"
        case is Bool: return "boolean"
        case is Int: return "integer"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return "unknown"
        }
    }

    /// Every violation, with its JSON path.
    static func errors(_ value: Any, _ schema: [String: Any], path: String = "$") -> [String] {
        var found: [String] = []
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            let actual = typeName(value)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { return ["\(path): \(actual), expected \(allowed.joined(separator: "|"))"] }
        }
        if let options = schema["enum"] as? [Any] {
            let text = "\(value)"
            if !options.contains(where: { "\($0)" == text }) { found.append("\(path): \(text) not in \(options)") }
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, item) in object {
                if let sub = properties[key] as? [String: Any] {
                    found += errors(item, sub, path: path + "." + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { found += errors(item, items, path: "\(path)[\(index)]") }
        }
        return found
    }

    static func validate(_ result: RunResult, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try JSONSerialization.jsonObject(with: result.stdoutData)
        let problems = errors(value, try load(name))
        #expect(problems.isEmpty, "\(name): \(problems.prefix(5))", sourceLocation: sourceLocation)
        // snake_case everywhere (keys of maps such as `can` are names, also snake_case).
        #expect(!result.stdout.contains(where: { $0.isUppercase }) || !keys(value).contains(where: { $0.contains(where: \.isUppercase) }),
                "camelCase key in \(name)", sourceLocation: sourceLocation)
    }

    static func keys(_ value: Any) -> [String] {
        if let object = value as? [String: Any] { return object.keys + object.values.flatMap(keys) }
        if let array = value as? [Any] { return array.flatMap(keys) }
        return []
    }
}

@Suite("Issue 16: one dialect, in the language of its users", .serialized)
struct Issue16CLITests {
    static let password = "a long enough rehearsal passphrase"

    // MARK: the catalog

    @Test func everyMessageExistsInBothLanguagesWithTheSamePlaceholders() {
        for key in MessageKey.allCases {
            let ru = Messages.template(key, .ru), en = Messages.template(key, .en)
            #expect(!ru.isEmpty && !en.isEmpty, "\(key) is empty in a language")
            #expect(Set(Messages.placeholders(ru)) == Set(Messages.placeholders(en)), "\(key): \(Messages.placeholders(ru)) vs \(Messages.placeholders(en))")
        }
        // The Russian of AppError stays what the API and the console show.
        #expect(AppError.caseNotFound.message == "Сообщение или обращение не найдено.")
        #expect(AppError.caseNotFound.message(in: .en) == "No such case (or you may not see it).")
        let locked = Message(.accountLocked, ["until": "02.03.2026 12:15"])
        #expect(locked.render(.ru).contains("до 02.03.2026 12:15"))
        #expect(locked.render(.en).contains("until 02.03.2026 12:15"))
        #expect(Messages.count(5, .file, in: .ru) == "5 файлов" && Messages.count(2, .file, in: .ru) == "2 файла" && Messages.count(21, .file, in: .ru) == "21 файл")
    }

    @Test func theLanguageFromTheEnvironment() {
        #expect(Language.resolve([:]) == .ru)
        #expect(Language.resolve(["LANG": "C.UTF-8"]) == .ru)
        #expect(Language.resolve(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(["LANG": "en_US.UTF-8", "LKO_LANG": "ru"]) == .ru)
        #expect(Language.resolve(["LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"]) == .ru)
        #expect(Language.resolve(["LKO_LANG": "en"]) == .en)
        #expect(Language.resolve(["LKO_LANG": "", "LANG": "en_GB"]) == .en)
    }

    // MARK: Russian by default

    @Test func russianByDefault() throws {
        let ru: [String: String?] = ["LKO_LANG": nil, "LANG": "C.UTF-8", "LC_ALL": nil]
        let check = try lko(["check", "--policy", shippedPolicies, "--at", "2026-03-02"], environment: ru)
        #expect(check.status == 0)
        #expect(check.stderr.contains(": 5 файлов, 0 ошибок, 0 предупреждений; версия sha256:"), "\(check.stderr)")
        let test = try lko(["test", shippedPolicies], environment: ru)
        #expect(test.stdout.hasSuffix("пройдено 36, не пройдено 0 (36 проверок в 8 тестах)\n"), "\(test.stdout)")
        let usage = try lko(["chek"], environment: ru)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("ошибка: ") && usage.stderr.contains("возможно, вы имели в виду `check`?"), "\(usage.stderr)")
        let help = try lko(["help", "case", "list"], environment: ru)
        #expect(help.stdout.contains("Сообщения и обращения, которые вам доступны."))
        #expect(help.stdout.contains("ПРИМЕРЫ:"))
    }

    // MARK: help, examples, shell

    @Test func everyCommandHasAnUnbrokenExample() throws {
        for (path, _) in CommandTree.all() {
            let examples = Examples.of(path)
            #expect(!examples.isEmpty, "no example for `lko \(path.joined(separator: " "))`")
            for example in examples {
                #expect(example.hasPrefix("lko ") || example.contains("| lko ") || example.hasPrefix("cat ") || example.hasPrefix("printf "), "\(example)")
            }
        }
        // At any width the examples come out whole, one a line.
        for columns in ["40", "80"] {
            for path in [["case", "draft"], ["absence", "plan"], ["explain"], []] {
                let help = try lko(["help"] + path, environment: ["COLUMNS": columns])
                #expect(help.status == 0)
                let lines = Set(help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
                for example in Examples.of(path) { #expect(lines.contains(example), "broken at \(columns) columns: \(example)") }
            }
        }
    }

    @Test func unknownHelpTopicIsWrongUsage() throws {
        let result = try lko(["help", "nonexist"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("no help topic `nonexist`"))
        let close = try lko(["help", "case", "lsit"])
        #expect(close.status == 2)
        #expect(close.stderr.contains("did you mean `lko help case list`?"), "\(close.stderr)")
        #expect(try lko(["case", "lsit"]).stderr.contains("did you mean `case list`?"))
        #expect(try lko(["check", "--formt", "json"]).stderr.contains("--format"))
    }

    @Test func completionManualAndVersion() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try lko(["completion", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("lko"))
            #expect(script.stdout.contains("absence"))
        }
        let manual = try lko(["manual"])
        #expect(manual.status == 0)
        #expect(manual.stdout.hasPrefix(".TH LKO 1 "))
        #expect(manual.stdout.contains(".SS \"lko case list\""))
        #expect(manual.stdout.contains("lko case list \\-\\-overdue"))
        let version = try lko(["--version"])
        #expect(version.stdout.hasPrefix("lko 0.1.0 (commit "))
        #expect(!version.stdout.contains("unknown"), "run inside the repository: the commit is known")
    }

    @Test func colorAndNoColor() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("grant coordinater to x\n", to: folder.appending(path: "p.lko"))
        let always = try lko(["--color", "always", "check", "--policy", folder.path])
        #expect(always.stderr.contains("\u{1B}["), "colour forced")
        let never = try lko(["check", folder.path, "--color=never"])
        #expect(!never.stderr.contains("\u{1B}["))
        #expect(try lko(["check", "--color", "sometimes"]).status == 2)
        // NO_COLOR="" is not set (no-color.org); not a terminal, so no colour either way here.
        #expect(Terminal.noColorRequested == !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
    }

    // MARK: standard input, fmt --diff, --policy

    @Test func standardInputAndFmtDiff() throws {
        let messy = "organization \"O\" {\n}\nrole coordinator \"C\" {\nallow view on any\n}\nrole executor \"E\" {\n  allow view on any\n}\n"
        let checked = try lko(["check", "-"], stdin: messy)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.contains("-: 1 file, 0 errors"), "\(checked.stderr)")
        let formatted = try lko(["fmt", "-"], stdin: messy)
        #expect(formatted.status == 0)
        #expect(formatted.stdout.contains("\n  allow view on any\n"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "p.lko")
        try write(messy, to: file)
        let diff = try lko(["fmt", "--policy", folder.path, "--diff"])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("-allow view on any\n+  allow view on any\n"), "\(diff.stdout)")
        #expect(try String(contentsOf: file, encoding: .utf8) == messy, "--diff writes nothing")
        let twice = try lko(["check", "--policy", folder.path, folder.path])
        #expect(twice.status == 0)
        let deprecated = try lko(["diff", shippedPolicies, shippedPolicies, "--policy-dir", "Policies"])
        #expect(deprecated.stderr.contains("--policy-dir is deprecated; use --policy"))
    }

    // MARK: JSON documents against docs/schemas/

    @Test func policyDocumentsMatchTheirSchemas() throws {
        try SchemaCheck.validate(try lko(["check", "--policy", shippedPolicies, "--format", "json", "--at", "2026-03-02"]), against: "check")
        try SchemaCheck.validate(try lko(["test", "--policy", shippedPolicies, "--format", "json"]), against: "test")
        try SchemaCheck.validate(try lko(["explain", "roads_specialist", "draft", "--subcategory", "roads.potholes", "--assignee", "roads_specialist", "--policy", shippedPolicies, "--at", "2026-03-02", "--format", "json"]), against: "explain")
        try SchemaCheck.validate(try lko(["deadline", "--from", "2024-12-29", "--days", "10", "--explain", "--format", "json"]), against: "deadline")
        try SchemaCheck.validate(try lko(["diff", shippedPolicies, shippedPolicies, "--format", "json"]), against: "diff")
    }

    @Test func databaseDocumentsMatchTheirSchemasAndTablesReadWell() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appending(path: "lko.sqlite").path
        let env: [String: String?] = ["XDG_CONFIG_HOME": folder.path, "LKO_DB": db, "LKO_NOW": "2026-03-03T09:00", "LKO_TOKEN": nil, "LKO_SERVER": nil]
        func run(_ arguments: [String], stdin: String? = nil, language: String = "en") throws -> RunResult {
            var environment = env
            environment["LKO_LANG"] = language
            return try lko(arguments, stdin: stdin, environment: environment)
        }
        let line = Self.password + "\n"
        #expect(try run(["init", "--sandbox", "--login", "finance_sysadmin", "--full-name", "Смирнова Ольга Викторовна", "--password-stdin"], stdin: line).status == 0)
        #expect(try run(["login", "--login", "finance_sysadmin", "--password-stdin"], stdin: line).status == 0)
        for (login, name) in [("ookr_curator", "Лебедева Татьяна Михайловна"), ("roads_specialist", "Петров Игорь Сергеевич"), ("improvement_specialist", "Зайцева Ольга Андреевна"), ("head", "Кузнецов Андрей Николаевич")] {
            #expect(try run(["user", "add", login, "--full-name", name, "--password-stdin"], stdin: line).status == 0)
        }
        #expect(try run(["apply", "--policy", shippedPolicies, "-m", "78р", "--yes"]).status == 0)
        let imported = try run(["case", "import", packageRoot.appending(path: "scripts/demo-cases.jsonl").path, "--format", "json"])
        try SchemaCheck.validate(imported, against: "case-import")
        try SchemaCheck.validate(try run(["whoami", "--format", "json"]), against: "whoami")
        try SchemaCheck.validate(try run(["user", "list", "--format", "json"]), against: "user-list")
        try SchemaCheck.validate(try run(["history", "--format", "json"]), against: "history")
        let audit = try run(["audit", "log", "--format", "json"])
        try SchemaCheck.validate(audit, against: "audit-log")
        #expect(!audit.stdout.contains("\"details\" : \"{"), "details are an object, not a string")
        let legacy = try run(["audit", "log", "--json", "--limit", "2"])
        #expect(legacy.stdout.split(separator: "\n").count == 2, "--json still prints JSON Lines")
        #expect(legacy.stderr.contains("deprecated"))
        try SchemaCheck.validate(try run(["absence", "plan", "roads_specialist", "--from", "2026-03-04", "--until", "2026-03-10", "--reason", "vacation", "--substitute", "improvement_specialist", "--format", "json"]), against: "absence-plan")
        try SchemaCheck.validate(try run(["absence", "list", "--format", "json"]), against: "absence-list")
        try SchemaCheck.validate(try run(["delegation", "check", "--format", "json"]), against: "delegation-check")
        #expect(try run(["login", "--login", "ookr_curator", "--password-stdin"], stdin: line).status == 0)
        try SchemaCheck.validate(try run(["case", "list", "--format", "json"]), against: "case-list")
        try SchemaCheck.validate(try run(["case", "history", "DEMO-0001", "--format", "json"]), against: "case-history")
        try SchemaCheck.validate(try run(["report", "daily", "--format", "json"]), against: "report-daily")
        try SchemaCheck.validate(try run(["report", "overdue", "--format", "json"]), against: "report-daily")
        try SchemaCheck.validate(try run(["report", "violations", "--format", "json"]), against: "report-violations")
        try SchemaCheck.validate(try run(["report", "responsibility", "DEMO-0001", "--format", "json"]), against: "report-responsibility")

        // The daily control for people, in Russian: a title with its date, headers, names.
        let daily = try run(["report", "daily"], language: "ru")
        #expect(daily.stdout.hasPrefix("Ежедневный контроль на 03.03.2026\n\nИсполнитель"), "\(daily.stdout)")
        #expect(daily.stdout.contains("Петров Игорь Сергеевич"))
        #expect(daily.stdout.contains("06.03.2026"))
        #expect(!daily.stdout.contains("\t"))
        #expect(daily.stdout.contains("открытых: "))
        // Fitted to the width.
        let narrow = try lko(["report", "daily"], environment: env.merging(["COLUMNS": "90", "LKO_LANG": "ru"]) { $1 })
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 90 }, "\(narrow.stdout)")
        #expect(narrow.stdout.contains("DEMO-0001"), "numbers are never cut")
        // Excel: a BOM and `;` by default in Russian; RFC 4180 with the JSON keys on request.
        let excel = try run(["report", "daily", "--format", "csv"], language: "ru")
        #expect(excel.stdoutData.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(excel.stdout.contains("Исполнитель;Номер;"))
        let plain = try run(["report", "daily", "--format", "csv", "--csv-dialect", "rfc4180"], language: "ru")
        #expect(plain.stdout.hasPrefix("assignee_name,pos_number,state,"))
        let markdown = try run(["report", "daily", "--format", "markdown"], language: "ru")
        #expect(markdown.stdout.hasPrefix("## Ежедневный контроль на 03.03.2026\n\n| Исполнитель | Номер |"))
        // An unsupported format is wrong usage.
        #expect(try run(["whoami", "--format", "csv"]).status == 2)
        // A refusal in Russian, the same as the console says it.
        let refused = try run(["case", "approve", "DEMO-0001"], language: "ru")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("ошибка: "), "\(refused.stderr)")
        // The lockout time in the organization's zone (Moscow: 09:00 UTC is 12:00).
        for _ in 0..<6 { _ = try run(["login", "--login", "head", "--password-stdin"], stdin: "wrong password entirely\n") }
        let locked = try run(["login", "--login", "head", "--password-stdin"], stdin: line, language: "ru")
        #expect(locked.stderr.contains("заблокирована") && locked.stderr.contains("03.03.2026 12:"), "\(locked.stderr)")
    }
}
