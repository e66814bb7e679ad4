import ArgumentParser
import Foundation
import Testing
@testable import LKOCLI
import LKOCalendar
import LKOCompiler
import LKOMessages

/// Issue 16: ArgumentParser's own error messages in Russian by default, as ArgumentParser wrote
/// them with `LKO_LANG=en`; dates on the command line as people write them.
@Suite("Parser errors in the reader's language", .serialized)
struct ParserErrorTests {
    static let russian: [String: String?] = ["LKO_LANG": nil, "LANG": "C.UTF-8", "LC_ALL": nil, "LC_MESSAGES": nil]

    /// The message ArgumentParser gives for arguments that do not parse (what `lko` prints after
    /// `error: `).
    static func failure(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            _ = try LKO.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed", sourceLocation: sourceLocation)
            return ""
        } catch {
            let message = LKO.message(for: error)
            #expect(LKO.fullMessage(for: error).contains(message), sourceLocation: sourceLocation)
            return message
        }
    }

    // MARK: the shapes, pinned against the real parser

    /// Every shape ParserErrors knows: the arguments, ArgumentParser's English exactly (an
    /// upgrade that rewords one fails here), and the Russian line `lko` prints.
    static let shapes: [(arguments: [String], english: String, russian: String)] = [
        (["check", "--polcy", "x"], "Unknown option '--polcy'. Did you mean '--policy'?",
         "неизвестный параметр `--polcy`; возможно, вы имели в виду `--policy`?"),
        (["check", "-q"], "Unknown option '-q'", "неизвестный параметр `-q`"),
        (["user", "passwd", "--help-me"], "Unknown option '--help-me'", "неизвестный параметр `--help-me`; возможно, вы имели в виду `--help`?"),
        (["chek"], "Unexpected argument 'chek'", "неизвестная команда `chek`; возможно, вы имели в виду `check`?"),
        (["case", "lst"], "Unexpected argument 'lst'", "неизвестная команда `lst`; возможно, вы имели в виду `case list`?"),
        (["case", "show", "A-1", "B-2"], "Unexpected argument 'B-2'", "лишний аргумент «B-2»"),
        (["check", "a", "b", "c"], "2 unexpected arguments: 'b', 'c'", "лишние аргументы (2): «b», «c»"),
        (["case", "show"], "Missing expected argument '<number>'", "не указан аргумент `<number>`"),
        (["deadline", "--days", "3"], "Missing expected argument '--from <date>'", "не указан обязательный параметр `--from <date>`"),
        (["compile", "--out"], "Missing value for '--out <file>'", "не указано значение `--out <file>`"),
        (["compile", "-ox"], "Unknown option '-ox'. Did you mean '--out'?\n   or: Missing value for '-o <file>' in '-ox'",
         "неизвестный параметр `-ox`; возможно, вы имели в виду `--out`?\n   или: не указано значение `-o <file>` в `-ox`"),
        (["check", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'csv' or 'markdown'.",
         "значение «xml» не подходит для `--format <format>`; возможные значения: `text`, `json`, `csv`, `markdown`"),
        (["check", "--csv-dialect", "tsv"], "The value 'tsv' is invalid for '--csv-dialect <dialect>'. Please provide one of 'excel' and 'rfc4180'.",
         "значение «tsv» не подходит для `--csv-dialect <dialect>`; возможные значения: `excel`, `rfc4180`"),
        (["completion", "tcsh"], "The value 'tcsh' is invalid for '<shell>'. Please provide one of 'bash', 'zsh' or 'fish'.",
         "значение «tcsh» не подходит для `<shell>`; возможные значения: `bash`, `zsh`, `fish`"),
        (["explain", "head", "fly", "--subcategory", "roads.potholes"],
         "The value 'fly' is invalid for '<action>'. Please provide one of the following:\n" + Action.allValueStrings.map { "  - " + $0 }.joined(separator: "\n"),
         "значение «fly» не подходит для `<action>`; возможные значения:\n" + Action.allValueStrings.map { "  - " + $0 }.joined(separator: "\n")),
        (["deadline", "--from", "2024/12/29", "--days", "3"], "The value '2024/12/29' is invalid for '--from <date>'",
         "значение «2024/12/29» не подходит для `--from <date>`; пишите дату как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"),
        (["check", "--strict=yes"], "The option '--strict' does not take any value, but 'yes' was specified.",
         "параметр `--strict` не принимает значения, а указано «yes»"),
        (["check", "---x"], "Invalid option: ---x", "недопустимый параметр `---x`"),
    ]

    @Test func everyShapeAsTheParserWritesItAndInRussian() {
        for (arguments, english, russian) in Self.shapes {
            let message = Self.failure(arguments)
            #expect(message == english, "ArgumentParser's English changed for \(arguments)")
            #expect(ParserErrors.recognize(message, in: .ru) != nil, "\(arguments): \(message)")
            #expect(ParserErrors.line(for: message, arguments: arguments, in: .ru) == russian, "\(arguments)")
        }
    }

    /// English stays ArgumentParser's (with lko's own suggestion where it has none, and the forms
    /// of a date).
    @Test func englishStaysAsArgumentParserWroteIt() {
        for (arguments, english, _) in Self.shapes {
            let line = ParserErrors.line(for: english, arguments: arguments, in: .en)
            #expect(line.hasPrefix(english), "\(arguments): \(line)")
        }
        #expect(ParserErrors.line(for: "Unexpected argument 'chek'", arguments: ["chek"], in: .en) == "Unexpected argument 'chek'; did you mean `check`?")
        #expect(ParserErrors.line(for: "The value '1.1.26' is invalid for '--at <date>'", arguments: ["check", "--at", "1.1.26"], in: .en)
                == "The value '1.1.26' is invalid for '--at <date>'; write the date as DD.MM.YYYY or YYYY-MM-DD")
        #expect(ParserErrors.localize("Unknown option '--polcy'. Did you mean '--policy'?", in: .en) == "Unknown option '--polcy'. Did you mean '--policy'?")
    }

    @Test func anUnknownShapeIsLeftAsItIs() {
        for message in ["Something ArgumentParser 9 says", "Missing required subcommand.", "The value 'x' is invalid for '--at <date>': a reason",
                        "The value 'x' is invalid for '--format <format>'. Please choose better.", "2 unexpected arguments: b, c"] {
            #expect(ParserErrors.recognize(message, in: .ru) == nil, "\(message)")
            #expect(ParserErrors.localize(message, in: .ru) == message)
            #expect(ParserErrors.localize(message, in: .en) == message)
        }
        // lko's own messages (thrown as ValidationError) are already in the reader's language.
        #expect(ParserErrors.line(for: "--format csv здесь не поддерживается: выберите text или json", arguments: ["compile"], in: .ru)
                == "--format csv здесь не поддерживается: выберите text или json")
    }

    /// An option that exists is never suggested for itself (`--strict=yes`).
    @Test func noSuggestionOfTheSameOption() {
        let message = Self.failure(["check", "--strict=yes"])
        #expect(!ParserErrors.line(for: message, arguments: ["check", "--strict=yes"], in: .ru).contains("возможно"))
        #expect(Suggest.forParserError("The option '--strict' does not take any value, but 'yes' was specified.", arguments: ["check", "--strict=yes"]) == nil)
    }

    @Test func theMatcher() {
        #expect(ParserErrors.match("Unknown option '{option}'", "Unknown option '--x'") == ["option": "--x"])
        #expect(ParserErrors.match("Unknown option '{option}'", "Unknown option '--x'.") == nil)
        // A quote inside a value: the shortest split that still matches the rest.
        #expect(ParserErrors.match("The value '{value}' is invalid for '{target}'{tail}", "The value 'it's' is invalid for '--to <login>'")
                == ["value": "it's", "target": "--to <login>", "tail": ""])
        // A brace that is not a placeholder is text.
        #expect(ParserErrors.match("a `calendar { year … }` block {name}", "a `calendar { year … }` block x") == ["name": "x"])
        #expect(ParserErrors.quotedValues("'a'") == ["a"])
        #expect(ParserErrors.quotedValues("'a' and 'b'") == ["a", "b"])
        #expect(ParserErrors.quotedValues("'a', 'b' or 'c'") == ["a", "b", "c"])
        #expect(ParserErrors.quotedValues("'a', 'b' and 'c'") == nil)
    }

    // MARK: dates on the command line

    @Test func datesAsPeopleWriteThemAndAsISO() throws {
        #expect(CalendarDate(argument: "29.12.2024") == CalendarDate(iso: "2024-12-29"))
        #expect(CalendarDate(argument: "2024-12-29") == CalendarDate(iso: "2024-12-29"))
        for refused in ["2024/12/29", "29.12.24", "31.02.2026", "2026-02-30", "1.3.2026", "tomorrow", ""] {
            #expect(CalendarDate(argument: refused) == nil, "\(refused)")
        }
        let command = try #require(try LKO.parseAsRoot(["deadline", "--from", "29.12.2024", "--days", "10"]) as? DeadlineCommand)
        #expect(command.from == CalendarDate(iso: "2024-12-29"))
        let check = try #require(try LKO.parseAsRoot(["check", "--at", "02.03.2026"]) as? CheckCommand)
        #expect(check.at == CalendarDate(iso: "2026-03-02"))
    }

    /// The help of every date option names both forms.
    @Test func dateHelpNamesBothForms() {
        for key in MessageKey.allCases where key.rawValue.hasPrefix("opt") {
            let ru = Messages.template(key, .ru)
            guard ru.contains("ГГГГ") else { continue }
            #expect(ru.contains("ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"), "\(key): \(ru)")
            #expect(Messages.template(key, .en).contains("DD.MM.YYYY or YYYY-MM-DD"), "\(key)")
        }
        let help = HelpPrinter.text(for: DeadlineCommand.self, path: ["deadline"], columns: 200)
        #expect(help.contains("ДД.ММ.ГГГГ или ГГГГ-ММ-ДД") || help.contains("DD.MM.YYYY or YYYY-MM-DD"), "\(help)")
    }

    // MARK: the binary, both languages

    @Test func theBinarySaysItInBothLanguages() throws {
        let ru = try lko(["chek"], environment: Self.russian)
        #expect(ru.status == 2)
        #expect(ru.stderr.hasPrefix("ошибка: неизвестная команда `chek`; возможно, вы имели в виду `check`?\n"), "\(ru.stderr)")
        let en = try lko(["chek"])
        #expect(en.status == 2)
        #expect(en.stderr.hasPrefix("error: Unexpected argument 'chek'; did you mean `check`?\n"), "\(en.stderr)")

        let option = try lko(["check", "--polcy", "Policies"], environment: Self.russian)
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("ошибка: неизвестный параметр `--polcy`; возможно, вы имели в виду `--policy`?\n"), "\(option.stderr)")
        #expect(!option.stderr.contains("Unknown option"))

        let value = try lko(["check", "--format", "xml"], environment: Self.russian)
        #expect(value.status == 2)
        #expect(value.stderr.hasPrefix("ошибка: значение «xml» не подходит для `--format <format>`; возможные значения: `text`, `json`, `csv`, `markdown`\n"), "\(value.stderr)")
    }

    @Test func theBinaryTakesBothDateFormsAndNamesThemWhenNeither() throws {
        let people = try lko(["deadline", "--from", "29.12.2024", "--days", "10", "--format", "json"])
        let iso = try lko(["deadline", "--from", "2024-12-29", "--days", "10", "--format", "json"])
        #expect(people.status == 0 && iso.status == 0, "\(people.stderr)\(iso.stderr)")
        #expect(people.stdout == iso.stdout)
        #expect(people.stdout.contains("\"deadline\" : \"2025-01-09\""), "\(people.stdout)")

        let ru = try lko(["deadline", "--from", "2024/12/29", "--days", "10"], environment: Self.russian)
        #expect(ru.status == 2)
        #expect(ru.stderr.hasPrefix("ошибка: значение «2024/12/29» не подходит для `--from <date>`; пишите дату как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД\n"), "\(ru.stderr)")
        let en = try lko(["deadline", "--from", "31.02.2026", "--days", "10"])
        #expect(en.status == 2)
        #expect(en.stderr.hasPrefix("error: The value '31.02.2026' is invalid for '--from <date>'; write the date as DD.MM.YYYY or YYYY-MM-DD\n"), "\(en.stderr)")
    }

    // MARK: lko's own messages

    @Test func lkoOwnUsageMessagesInBothLanguages() throws {
        let cases: [(arguments: [String], russian: String, english: String)] = [
            (["--color", "blue", "check"], "ошибка: --color: auto, always или never\n", "error: --color: auto, always or never\n"),
            (["compile", "--format", "csv"], "ошибка: --format csv здесь не поддерживается: выберите text или json\n", "error: --format csv is not supported here: use text or json\n"),
            (["whoami", "--db", "x.sqlite", "--server", "http://127.0.0.1:1"], "ошибка: укажите либо --db (локальный файл), либо --server (сервер lko), но не оба\n",
             "error: give either --db (the local file) or --server (an lko server), not both\n"),
            (["serve", "--listen", "8080"], "ошибка: --listen: нужно ХОСТ:ПОРТ, например 127.0.0.1:8080\n", "error: --listen must be HOST:PORT, e.g. 127.0.0.1:8080\n"),
            (["deadline", "--from", "02.03.2026", "--days", "400"], "ошибка: --days: от 1 до 366, а указано 400\n", "error: --days must be 1…366, got 400\n"),
            (["check", "--policy", "Policies", "Other"], "ошибка: политика указана дважды (--policy Policies и Other); укажите её один раз\n",
             "error: the policy is given twice (--policy Policies and Other); give it once\n"),
        ]
        for (arguments, russian, english) in cases {
            let ru = try lko(arguments, environment: Self.russian), en = try lko(arguments)
            #expect(ru.status == 2 && en.status == 2, "\(arguments)")
            #expect(ru.stderr.hasPrefix(russian), "\(arguments): \(ru.stderr)")
            #expect(en.stderr.hasPrefix(english), "\(arguments): \(en.stderr)")
        }
        let now = try lko(["whoami", "--db", "/nonexistent/lko.sqlite"], environment: Self.russian.merging(["LKO_NOW": "soon"]) { $1 })
        #expect(now.stderr.contains("LKO_NOW=soon — не время вида 2026-03-02T09:00 (UTC)"), "\(now.stderr)")
    }

    @Test func compileSummaryAndManualInRussian() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appending(path: "tables.json").path
        let ru = try lko(["compile", "--policy", shippedPolicies, "--out", out], environment: Self.russian)
        #expect(ru.status == 0, "\(ru.stderr)")
        #expect(ru.stdout.hasPrefix("версия политики sha256:"), "\(ru.stdout)")
        #expect(ru.stdout.contains("\nзаписано: \(out)"))
        let en = try lko(["compile", "--policy", shippedPolicies, "--out", out])
        #expect(en.stdout.hasPrefix("policy version sha256:") && en.stdout.contains("\nwritten to \(out)"), "\(en.stdout)")

        let manual = try lko(["manual"], environment: Self.russian)
        #expect(manual.stdout.contains("docs/cli.md, docs/policy\\-language.md, docs/workflow.md в репозитории lko."))
    }
}
