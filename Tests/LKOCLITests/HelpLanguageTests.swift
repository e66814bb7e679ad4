import Foundation
import Testing
@testable import LKOCLI
import LKOMessages

/// Issue 16: the help of every command, option and argument in Russian by default, in English
/// with `LKO_LANG=en`; ArgumentParser's own words in Russian too.
@Suite("Help in the reader's language", .serialized)
struct HelpLanguageTests {
    static let russian: [String: String?] = ["LKO_LANG": nil, "LANG": "C.UTF-8", "LC_ALL": nil, "LC_MESSAGES": nil]

    // MARK: one screen, both languages

    /// In this process (Russian unless the environment says English): the parser's help has the
    /// catalog's `--db` text, read when the options are built.
    @Test(.enabled(if: Language.current == .ru)) func caseListHelpInRussianInProcess() {
        let help = LKO.helpMessage(for: CaseList.self, columns: 200)
        #expect(help.contains("  --db <path>             База данных lko (по умолчанию $LKO_DB, иначе ./lko.sqlite).\n"), "\(help)")
        #expect(!help.contains("The lko database"))
        let screen = HelpPrinter.text(for: CaseList.self, path: ["case", "list"], columns: 200)
        for words in ["ОПИСАНИЕ: ", "ВЫЗОВ: lko case list", "\nПАРАМЕТРЫ:\n", "  -h, --help              Показать справку.\n",
                      "(значения: text, json, csv, markdown)", "ПРИМЕРЫ:"] {
            #expect(screen.contains(words), "\(words) missing from\n\(screen)")
        }
        for words in ["OVERVIEW", "USAGE", "OPTIONS", "Show help information", "(values:"] {
            #expect(!screen.contains(words), "\(words) left in\n\(screen)")
        }
    }

    @Test func caseListHelpInBothLanguages() throws {
        let ru = try lko(["case", "list", "--help"], environment: Self.russian)
        #expect(ru.status == 0)
        #expect(ru.stdout.contains("  --db <path>             База данных lko (по умолчанию $LKO_DB, иначе ./lko.sqlite).\n"), "\(ru.stdout)")
        #expect(ru.stdout.contains("\nПАРАМЕТРЫ:\n") && ru.stdout.contains("  -h, --help              Показать справку.\n"), "\(ru.stdout)")
        let en = try lko(["case", "list", "--help"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("  --db <path>             The lko database (default: $LKO_DB, else ./lko.sqlite).\n"), "\(en.stdout)")
        #expect(en.stdout.contains("\nOPTIONS:\n") && en.stdout.contains("  -h, --help              Show help information.\n"), "\(en.stdout)")
        #expect(!en.stdout.contains("База данных"))
        // `lko help …` is the same screen.
        #expect(try lko(["help", "case", "list"], environment: Self.russian).stdout == ru.stdout)
    }

    // MARK: nothing left in English only

    /// One node of `--experimental-dump-help`: a command, its arguments, its subcommands.
    struct Node {
        var path: String
        var abstract: String
        var discussion: String
        var arguments: [(name: String, abstract: String)]
        var subcommands: [Node]

        init(_ json: [String: Any], parent: String?) {
            let name = json["commandName"] as? String ?? "?"
            let path = parent.map { $0 + " " + name } ?? name
            self.path = path
            abstract = json["abstract"] as? String ?? ""
            discussion = json["discussion"] as? String ?? ""
            arguments = (json["arguments"] as? [[String: Any]] ?? []).compactMap { argument in
                guard argument["shouldDisplay"] as? Bool ?? true else { return nil }
                let preferred = (argument["preferredName"] as? [String: Any])?["name"] as? String
                let name = preferred.map { ($0.count == 1 ? "-" : "--") + $0 } ?? "<\(argument["valueName"] as? String ?? "?")>"
                return (name, argument["abstract"] as? String ?? "")
            }
            subcommands = (json["subcommands"] as? [[String: Any]] ?? []).map { Node($0, parent: path) }
        }
    }

    static func tree(_ environment: [String: String?]) throws -> Node {
        let dump = try lko(["--experimental-dump-help"], environment: environment)
        #expect(dump.status == 0, "\(dump.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        return Node(try #require(json["command"] as? [String: Any]), parent: nil)
    }

    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("\u{0410}"..."\u{044F}").contains($0) || $0 == "ё" || $0 == "Ё" }
    }

    /// Only copyable examples (every line indented): the same in both languages.
    static func examplesOnly(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.hasPrefix("  ") }
    }

    /// Every abstract, discussion and displayed option or argument help of the whole command
    /// tree differs between the languages and is Russian in Russian. ArgumentParser's `--help`
    /// and `--version` are translated on the screen (the next test).
    @Test func noHelpTextIsLeftInEnglishOnly() throws {
        let ru = try Self.tree(Self.russian), en = try Self.tree(["LKO_LANG": "en"])
        var englishOnly: [String] = []
        var commands = 0, texts = 0
        func compare(_ ru: Node, _ en: Node) {
            // ArgumentParser's own `help` command (`lko help` is answered before it is reached).
            guard ru.path != "lko help" else { return }
            commands += 1
            #expect(ru.path == en.path && ru.arguments.count == en.arguments.count && ru.subcommands.count == en.subcommands.count, "\(ru.path): the trees differ")
            func check(_ what: String, _ ruText: String, _ enText: String) {
                guard !enText.isEmpty else { return }
                texts += 1
                if ruText == enText || !Self.hasCyrillic(ruText) { englishOnly.append("\(what): \(ruText)") }
            }
            check(ru.path, ru.abstract, en.abstract)
            if !Self.examplesOnly(en.discussion) { check(ru.path + " (discussion)", ru.discussion, en.discussion) }
            for (ruArgument, enArgument) in zip(ru.arguments, en.arguments) where !["--help", "--version", "-h"].contains(ruArgument.name) {
                check(ru.path + " " + ruArgument.name, ruArgument.abstract, enArgument.abstract)
            }
            for (ruCommand, enCommand) in zip(ru.subcommands, en.subcommands) { compare(ruCommand, enCommand) }
        }
        compare(ru, en)
        #expect(commands > 70 && texts > 400, "\(commands) commands, \(texts) texts")
        #expect(englishOnly.isEmpty, "\(englishOnly.count) help texts in English only:\n\(englishOnly.joined(separator: "\n"))")
    }

    // MARK: ArgumentParser's own words

    /// ArgumentParser's words are translated on every screen, and nothing else changes: the same
    /// words in the same order (each parser word, in either language, read as one token on
    /// both sides), wrapped within the width (a long word or ArgumentParser's own long lines may
    /// stick out, as they do in English).
    @Test(.enabled(if: Language.current == .ru)) func parserWordsInRussianKeepTheScreen() throws {
        let words: [(english: String, russian: String)] = [
            ("OVERVIEW:", "ОПИСАНИЕ:"), ("USAGE:", "ВЫЗОВ:"), ("ARGUMENTS:", "АРГУМЕНТЫ:"), ("OPTIONS:", "ПАРАМЕТРЫ:"),
            ("SUBCOMMANDS:", "КОМАНДЫ:"), ("Show help information.", "Показать справку."), ("Show the version.", "Показать версию."),
            ("(values: ", "(значения: "), ("; default: ", "; по умолчанию: "), ("(default: ", "(по умолчанию: "),
        ]
        let seeHelp = try Regex("See '([^']*) <subcommand>' for detailed help\\.|Подробнее: `([^`]*) <subcommand>`\\.")
        func normalized(_ text: String) -> String {
            var text = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for (index, word) in words.enumerated() {
                text = text.replacingOccurrences(of: word.english, with: "⟨\(index)⟩").replacingOccurrences(of: word.russian, with: "⟨\(index)⟩")
            }
            return text.replacing(seeHelp) { "⟨see \($0.output[1].substring ?? $0.output[2].substring ?? "")⟩" }
        }
        for (path, type) in CommandTree.all() {
            let name = "lko " + path.joined(separator: " ")
            for width in [40, 80, 200] {
                let original = LKO.helpMessage(for: type, columns: width)
                let russian = ParserWords.localize(original, width: width, in: .ru)
                #expect(ParserWords.localize(original, width: width, in: .en) == original)
                #expect(normalized(russian) == normalized(original), "\(name) at \(width) columns:\n\(russian)")
                for (english, translated) in words where english.hasSuffix(":") || english.hasSuffix(".") {
                    #expect(!russian.contains("\n" + english) && !russian.contains("  " + english), "\(name): \(english) left for \(translated)")
                }
                #expect(!russian.contains("for detailed help"))
                let originalLines = Set(original.split(separator: "\n"))
                for line in russian.split(separator: "\n") where line.count > width {
                    let allowed = line.hasPrefix("ВЫЗОВ: ") || line.hasPrefix("  Подробнее: ") || originalLines.contains(line)
                        || line.dropFirst(ParserWords.labelColumn).split(separator: " ").count <= 1
                    #expect(allowed, "\(name) at \(width) columns: `\(line)` is wider")
                }
            }
        }
    }

    @Test func manualAndCompletionInRussian() throws {
        let manual = try lko(["manual"], environment: Self.russian)
        #expect(manual.status == 0)
        #expect(manual.stdout.hasPrefix(".TH LKO 1 "))
        #expect(manual.stdout.contains("\\-\\-db <path>             База данных lko (по умолчанию $LKO_DB, иначе ./lko.sqlite)."), "the options of the man page")
        #expect(manual.stdout.contains("\\-h, \\-\\-help              Показать справку."))
        let bash = try lko(["completion", "bash"], environment: Self.russian)
        #expect(bash.status == 0 && bash.stdout.contains("--csv-dialect"))
        let fish = try lko(["completion", "fish"], environment: Self.russian)
        #expect(fish.status == 0 && fish.stdout.contains("-l 'db' -d 'База данных lko"))
    }
}
