import Foundation
import Testing
import LKOCalendar
import LKOCompiler
import LKOMessages
@testable import LKOLanguage

/// Issue 16: every diagnostic a person reads is in Russian by default and in English under
/// `LKO_LANG=en`; the codes, severities and positions are the same in both. Every text comes from
/// the catalog (`diag…` and `lint…` keys), so no emitted diagnostic is verbatim.
@Suite struct DiagnosticLanguageTests {
    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// English may quote Russian — source text in backticks, "quotes" or «guillemets» — and name
    /// the order's own terms (ЛКО, ПОС, 59-ФЗ, обращение, сообщение, the roles' titles); nothing
    /// else in it is Cyrillic.
    static func englishHasNoRussian(_ text: String) -> Bool {
        var rest = text
        for (open, close) in [("`", "`"), ("\"", "\""), ("«", "»")] {
            while let start = rest.range(of: open), let end = rest.range(of: close, range: start.upperBound..<rest.endIndex) {
                rest.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        for word in ["ЛКО", "ПОС", "ФЗ", "обращение", "сообщение", "Исполнитель", "Руководитель", "Координатор", "Куратор", "Администратор"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        return !hasCyrillic(rest)
    }

    static func leftoverPlaceholders(_ text: String) -> [String] {
        Messages.placeholders(text)
    }

    /// The keys a message uses, its arguments' included.
    static func keys(of message: Message) -> [MessageKey] {
        [message.key] + message.arguments.values.flatMap { argument -> [MessageKey] in
            switch argument {
            case .message(let inner): keys(of: inner)
            case .messages(let inner, _): inner.flatMap(keys)
            case .text, .pair: []
            }
        }
    }

    /// Broken policies beyond the golden fixtures, for the parser's many "expected …" paths and the
    /// compiler's variants (each is checked in both languages, not compared to a golden).
    static let corpus: [String] = [
        "organization {\n}\n",
        "organization \"O\" timezone\n",
        "organization \"O\" {\n  timezone Moscow\n  term apeal 30 calendar days\n  term message 30 days\n}\n",
        "organization \"O\" {\n  term appeal 30 calendar\n  deadline 5\n  executor_role 7\n}\n",
        "role \"Исполнитель\" {\n}\n",
        "role executor {\n}\n",
        "role executor \"E\" {\n  allow view\n  allow view on assigned and\n  allow 5 on any\n}\n",
        "grant executor\ngrant executor to\ngrant executor to x on\ngrant executor to x from\ngrant executor to x until 2026-01-01 until 2026-02-01\ngrant executor to x on roads junk\n",
        "grant executor to x on a.b.c.d\ngrant executor to x on roads.\n",
        "category roads\ncategory roads \"R\" junk\ncategory roads \"R\" {\n  subcategory \"S\"\n  fact f \"F\"\n  term 5\n}\n",
        "calendar {\n  year\n  day_off 2028-01-09\n  workday nope \"x\"\n  holiday 2028-01-01 \"x\"\n}\n",
        "autorule {\n}\nautorule a {\n}\nautorule b priority {\n}\nautorule c priority 1 {\n  when\n  when categry roads\n  when category\n  when regime 5\n  when channel 5\n  when source {\n  assign\n  leave\n  leave to\n  term 5 calendar days\n}\n",
        "fasttrack f priority 1 {\n  assign a\n  assign b\n  term 5 calendar days\n  term 6 calendar days\n}\n",
        "substitute\nsubstitute x\nsubstitute x for\nsubstitute x for y on\nsubstitute x for y as\nsubstitute x for y as executor as approver\nsubstitute x for y junk\n",
        "accept\naccept W0506\naccept W0506 for\naccept W0506 for x\naccept W0506 for x because\n",
        "test {\n}\ntest \"t\" {\n  at\n  at 2026-01-01\n  at 2026-01-02\n  expect\n  expect allow\n  expect allow x\n  expect allow x view\n  expect allow x view case\n  expect allow x view case {\n  expect route case { subcategory } to\n  expect route case { regime } to x via\n  expect route case { channel } to x via autorule\n  expect route case { asignee x } to coordinator\n}\n",
        "}\n\"loose string\"\n42\n",
        "role executor \"E\" {\n  allow view on any\n  oops\n  \"string\"\n",
        "category c \"C\" {\n  subcategory s \"S\" {\n    fact f \"F\" {\n      fact g \"G\"\n    }\n  }\n",
        "grant executor to x on roads \u{201C}quoted\u{201D}\n",
        "grant executor to x from 2026-13-01\n",
        "a\u{0}b\u{7}\n",
        "test \"t\" {\n  at 2026-01-01\n  expect allow x view case { subcategory \"a\\qb\" }\n}\n",
        // The compiler: names, values, routing, tests, lint.
        """
        organization "O" {
          timezone "Mars/Olympus"
          timezone "Europe/Moscow"
          term appeal 90 calendar days
          deadline preceding_workday
          executor_role exec
          coordinator_role coordinatr
        }
        organization "O2" {
        }
        role executor "E" {
          allow view, drfat on asigned
          allow manage_users on granted
        }
        role executor "E again" {
          allow view on any
        }
        role coordinator "C" {
          allow view, assign on any
        }
        role lonely "L" {
        }
        category roads "Дороги" {
          term appeal 5 calendar days
          term appeal 6 calendar days
          term 7 calendar days
          term 8 calendar days
          accelerated
          subcategory potholes "Ямы" {
            term 20 working days
            fact deep "Глубокие"
          }
          subcategory potholes "Ямы снова"
          subcategory signs "Знаки"
        }
        category roads "Дороги снова"
        category waste "Мусор" {
          subcategory bins "Баки"
        }
        grant exector to x on road
        grant executor to x on roads.pothole, waste.bins.nope
        grant executor to x on roads from 2026-03-01 until 2026-02-01
        grant executor to y on roads.potholes until 2020-01-01
        grant coordinator to head
        calendar {
          year 1999 "x"
          year 2028 "x"
          year 2028 "y"
          day_off 2028-01-09 "x"
          day_off 2028-01-09 "y"
          workday 2028-02-10 ""
        }
        autorule r1 priority 2000000 {
          when category roads
          when category waste
          when regime apeal
          when regime message
          when channel widjet
          assign x
        }
        autorule r2 priority 1 {
          when category roads.potholes
        }
        fasttrack f1 priority 1 {
          leave to coordinator
        }
        fasttrack f1 priority 2 {
          assign x
        }
        substitute x for x
        substitute y for x as approvr
        substitute y for x
        substitute y for x
        accept E0102 for x because "x"
        accept W0599 for x because "x"
        accept W0510 for x because "x"
        accept W0506 for x because ""
        test "t" {
          expect allow x drfat case { subcategory roads.potholes }
          expect route case { category roads } to x via rule r1
          expect route case { subcategory roads.potholes } to x via autorule nope
          expect route case { subcategory roads.potholes subcategory roads.signs channel widjet } to x
          expect route case { regime appeal } to x
        }
        test "t" {
        }
        """,
        // Lint, with no errors (and W0511 from the accounts below).
        """
        organization "O" {
          timezone "Europe/Moscow"
        }
        role executor "Исполнитель" {
          allow view, draft on assigned and granted
        }
        role coordinator "Координатор" {
          allow view, assign on any
        }
        role manager "Руководитель" {
          allow view, approve on granted
        }
        role observer "Наблюдатель" {
        }
        category roads "Дороги" {
          subcategory potholes "Ямы" {
            term 10 calendar days
            accelerated
          }
          subcategory signs "Знаки"
          subcategory lights "Светофоры"
        }
        category parks "Парки" {
          subcategory benches "Скамейки"
        }
        grant coordinator to head
        grant executor to a on roads
        grant manager to a on roads
        grant executor to b on roads
        grant executor to b on roads.signs until 2020-01-01
        autorule all priority 10 {
          when category roads
          assign a
        }
        autorule late priority 20 {
          when subcategory roads.potholes
          assign a
        }
        autorule twin priority 10 {
          when category roads
          when locality "Луковниково"
          assign b
        }
        fasttrack quick priority 1 {
          when source CODE
          when subcategory roads.lights
          term 5 calendar days
          assign a
        }
        substitute c for nobody
        substitute c for head
        substitute c for anyone on parks as approver
        substitute d for a on roads.potholes
        accept W0507 for ghost because "прежняя роль"
        """,
        // Routing errors, which need the compiled indexes.
        """
        organization "O" {
          timezone "Europe/Moscow"
        }
        role executor "Исполнитель" {
          allow view, draft on assigned and granted
        }
        role coordinator "Координатор" {
          allow view, assign on any
        }
        category roads "Дороги" {
          subcategory potholes "Ямы" {
            term 10 calendar days
            accelerated
          }
          subcategory signs "Знаки" {
            term 5 calendar days
          }
        }
        grant coordinator to head
        grant executor to a on roads.potholes
        autorule all priority 10 {
          when category roads
          assign a
        }
        fasttrack slow priority 2 {
          when subcategory roads.potholes
          term 20 calendar days
          assign a
        }
        fasttrack long priority 3 {
          when subcategory roads.signs
          term 7 calendar days
          assign head
        }
        """,
    ]

    static func corpusDiagnostics() -> [(SourceSet, Diagnostic)] {
        var found: [(SourceSet, Diagnostic)] = []
        for (index, text) in corpus.enumerated() {
            let sources = Support.sourceSet(text, path: "c\(index).lko")
            let compilation = PolicyCompiler.compile(sources, options: CompileOptions(lintDate: CalendarDate(year: 2026, month: 3, day: 2), lint: true))
            found += compilation.diagnostics.map { (sources, $0) }
            if compilation.policy != nil {
                let accounts = ["a": "disabled", "b": "removed", "c": "active", "head": "active"]
                found += AccountFindings.run(compilation, accounts: accounts).map { (sources, $0) }
            }
        }
        for code in GoldenDiagnosticTests.fixtureCodes {
            let data = (try? Data(contentsOf: Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).lko"))) ?? Data()
            let (sources, diagnostics) = GoldenDiagnosticTests.diagnose(code, text: data)
            found += diagnostics.map { (sources, $0) }
        }
        return found
    }

    /// `LKO_PRINT_DIAGNOSTICS=/tmp/corpus.txt swift test --filter DiagnosticLanguageTests` writes the
    /// whole corpus there in both languages, to read.
    @Test func theCorpusReachesEveryCodeButTheCLIOnes() throws {
        let diagnostics = Self.corpusDiagnostics()
        if let path = ProcessInfo.processInfo.environment["LKO_PRINT_DIAGNOSTICS"], !path.isEmpty {
            let text = diagnostics.map { sources, diagnostic in
                DiagnosticRenderer(sources: sources, language: .ru).render(diagnostic) + DiagnosticRenderer(sources: sources, language: .en).render(diagnostic)
            }.joined(separator: "\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        let codes = Set(diagnostics.map(\.1.code))
        let missing = Set(DiagnosticCode.allCases).subtracting(codes).subtracting([.unreadableFile, .emptyPolicy])
        #expect(missing.isEmpty, "\(missing.map(\.rawValue).sorted())")
        #expect(codes.contains(.disabledAccount))
    }

    /// Every text of every diagnostic — message, label, help, notes — in both languages: from the
    /// catalog, no `{placeholder}` left, Russian in Cyrillic, English without it.
    @Test func everyDiagnosticRendersInBothLanguages() {
        var checked = 0
        for (sources, diagnostic) in Self.corpusDiagnostics() {
            let messages = [diagnostic.text] + [diagnostic.labelText, diagnostic.helpText].compactMap { $0 } + diagnostic.notes.map(\.text)
            for message in messages {
                let keys = Self.keys(of: message)
                #expect(!keys.contains(.verbatim), "\(diagnostic.code.rawValue): verbatim text `\(message.render(.en))`")
                #expect(keys.allSatisfy { $0.rawValue.hasPrefix("diag") || $0.rawValue.hasPrefix("lint") || $0 == .didYouMean || $0.rawValue.hasPrefix("cal") },
                        "\(diagnostic.code.rawValue): \(keys)")
                let ru = message.render(.ru), en = message.render(.en)
                #expect(Self.leftoverPlaceholders(ru).isEmpty && Self.leftoverPlaceholders(en).isEmpty, "\(diagnostic.code.rawValue): \(ru) / \(en)")
                #expect(Self.hasCyrillic(ru), "\(diagnostic.code.rawValue): not Russian: \(ru)")
                #expect(Self.englishHasNoRussian(en), "\(diagnostic.code.rawValue): Russian in the English: \(en)")
                checked += 1
            }
            // The whole rendering too: the Russian words around it, the English ones.
            let russian = DiagnosticRenderer(sources: sources, language: .ru).render(diagnostic)
            let english = DiagnosticRenderer(sources: sources, language: .en).render(diagnostic)
            #expect(russian.hasPrefix(diagnostic.severity == .error ? "ошибка[" : "предупреждение["))
            #expect(english.hasPrefix(diagnostic.severity.rawValue + "["))
            if diagnostic.helpText != nil {
                #expect(russian.contains(" = подсказка: ") && english.contains(" = help: "))
            }
            if !diagnostic.notes.isEmpty {
                #expect(russian.contains(" = примечание: ") && english.contains(" = note: "))
            }
        }
        #expect(checked > 400, "only \(checked) texts checked")
    }

    /// The diagnostics' catalog keys, each filled with a sample value: both languages present, the
    /// same placeholders, no `{placeholder}` left, and translated.
    @Test func everyDiagnosticKeyHasBothLanguages() {
        let keys = MessageKey.allCases.filter { $0.rawValue.hasPrefix("diag") || $0.rawValue.hasPrefix("lint") }
        #expect(keys.count > 400)
        for key in keys {
            let ru = Messages.template(key, .ru), en = Messages.template(key, .en)
            #expect(Set(Messages.placeholders(ru)) == Set(Messages.placeholders(en)), "\(key)")
            let sample = Dictionary(uniqueKeysWithValues: Set(Messages.placeholders(en)).map { ($0, Message.Argument.text("x")) })
            let message = Message(key, sample)
            #expect(Self.leftoverPlaceholders(message.render(.ru)).isEmpty && Self.leftoverPlaceholders(message.render(.en)).isEmpty, "\(key)")
            let words = Messages.placeholders(ru).reduce(ru) { $0.replacingOccurrences(of: "{\($1)}", with: "") }
            guard words.contains(where: \.isLetter) else { continue }
            #expect(Self.hasCyrillic(ru), "\(key): \(ru)")
            #expect(Self.englishHasNoRussian(en), "\(key): \(en)")
            #expect(ru != en, "\(key) is not translated")
        }
    }

    @Test func everyCodeHasATitleInBothLanguages() {
        for code in DiagnosticCode.allCases {
            #expect(code.titleMessage.key == MessageKey(rawValue: "diagTitle" + code.rawValue), "\(code.rawValue) has no title key")
            #expect(code.title == code.titleMessage.render(.en) && code.title != code.rawValue && !Self.hasCyrillic(code.title.replacingOccurrences(of: "`any`", with: "")))
            #expect(Self.hasCyrillic(code.titleMessage.render(.ru)), "\(code.rawValue)")
        }
    }

    /// The English text of a diagnostic (`message`, `help`, …) does not follow the language: tools,
    /// acceptances and the review match on it.
    @Test func theStringPropertiesAreEnglish() {
        let (file, diagnostics) = Support.parse("grant executor roads_specialist on roads\n")
        _ = file
        let diagnostic = diagnostics[0]
        #expect(diagnostic.message == "expected `to`, found `roads_specialist`")
        #expect(diagnostic.message(in: .ru) == "ожидается `to`, а здесь `roads_specialist`")
        #expect(diagnostic.label == "expected `to`")
        #expect(diagnostic.label(in: .ru) == "ожидается `to`")
        #expect(diagnostic.help == "write `grant ROLE to LOGIN`")
        #expect(diagnostic.help(in: .ru) == "пишите `grant РОЛЬ to ЛОГИН`")
    }

    /// Suggestions speak both languages; their English is the old `help(for:in:kind:)`.
    @Test func suggestionsInBothLanguages() {
        for kind in Suggestions.Kind.allCases {
            for candidates in [[String](), ["b", "a"], (0..<10).map { "name\($0)" }] {
                let message = Suggestions.message(for: "zzzzzz", in: candidates, kind: kind)
                #expect(message.render(.en) == Suggestions.help(for: "zzzzzz", in: candidates, kind: kind.rawValue), "\(kind)")
                #expect(Self.hasCyrillic(message.render(.ru)), "\(kind)")
            }
        }
        #expect(Suggestions.message(for: "road", in: ["roads"], kind: .category).render(.ru) == "возможно, вы имели в виду `roads`?")
        #expect(Suggestions.message(for: "xyz", in: ["b", "a"], kind: .role).render(.ru) == "объявленные роли: `a`, `b`")
    }

    /// Reading a policy folder fails in the process's language; the message carries both.
    @Test func loaderErrorsInBothLanguages() {
        let error = PolicyLoader.LoadError.notFound("/nonexistent")
        #expect(error.message.render(.ru) == "нет такого файла или папки: /nonexistent")
        #expect(error.message.render(.en) == "no such file or folder: /nonexistent")
        let none = PolicyLoader.LoadError.noPolicyFiles("p")
        #expect(none.message.render(.en) == "no `*.lko` files in p (a policy is a folder of .lko files)")
        #expect(none.message.render(.ru) == "в p нет файлов `*.lko` (политика — это папка файлов .lko)")
    }
}
