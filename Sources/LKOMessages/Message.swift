import Foundation

/// A message of the catalog with its arguments: rendered in either language when it is shown.
/// Placeholders are `{name}`; every key has the same placeholders in both languages (a test
/// checks it).
public struct Message: Sendable, Equatable, CustomStringConvertible {
    /// A placeholder's value: plain text (a login, a number, a DD.MM.YYYY date), text that differs
    /// by language, or another message of the catalog.
    public indirect enum Argument: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
        case text(String)
        case pair(ru: String, en: String)
        case message(Message)
        case messages([Message], separator: String)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

        func render(_ language: Language) -> String {
            switch self {
            case .text(let text): text
            case .pair(let ru, let en): language == .ru ? ru : en
            case .message(let message): message.render(language)
            case .messages(let messages, let separator): messages.map { $0.render(language) }.joined(separator: separator)
            }
        }
    }

    public var key: MessageKey
    public var arguments: [String: Argument]

    public init(_ key: MessageKey, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    public func render(_ language: Language) -> String {
        Messages.fill(Messages.template(key, language), arguments.mapValues { $0.render(language) })
    }

    /// In Russian: what the HTTP API and the console show.
    public var description: String { render(.ru) }
}

/// The catalog: templates by key and language.
public enum Messages {
    public static func template(_ key: MessageKey, _ language: Language) -> String {
        let pair = key.templates
        return language == .ru ? pair.ru : pair.en
    }

    public static func text(_ key: MessageKey, _ arguments: [String: String] = [:], in language: Language) -> String {
        fill(template(key, language), arguments)
    }

    /// The names of a template's `{placeholders}`, in order of appearance.
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.append(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return result + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// "5 файлов" / "5 files": a count with its noun in the right form.
    public static func count(_ count: Int, _ noun: Noun, in language: Language) -> String {
        "\(count) " + noun.form(count, language)
    }
}

/// Nouns that follow numbers: Russian's three forms, English's two.
public enum Noun: String, CaseIterable, Sendable {
    case file, error, warning, `case`, line, expectation, test, entry, day, workingDay, violation, version, absence, person

    var forms: (ru: (String, String, String), en: (String, String)) {
        switch self {
        case .file: (("файл", "файла", "файлов"), ("file", "files"))
        case .error: (("ошибка", "ошибки", "ошибок"), ("error", "errors"))
        case .warning: (("предупреждение", "предупреждения", "предупреждений"), ("warning", "warnings"))
        case .case: (("сообщение или обращение", "сообщения или обращения", "сообщений или обращений"), ("case", "cases"))
        case .line: (("строка", "строки", "строк"), ("line", "lines"))
        case .expectation: (("проверка", "проверки", "проверок"), ("expectation", "expectations"))
        case .test: (("тест", "теста", "тестов"), ("test", "tests"))
        case .entry: (("запись", "записи", "записей"), ("entry", "entries"))
        case .day: (("день", "дня", "дней"), ("day", "days"))
        case .workingDay: (("рабочий день", "рабочих дня", "рабочих дней"), ("working day", "working days"))
        case .violation: (("нарушение", "нарушения", "нарушений"), ("violation", "violations"))
        case .version: (("версия", "версии", "версий"), ("version", "versions"))
        case .absence: (("отсутствие", "отсутствия", "отсутствий"), ("absence", "absences"))
        case .person: (("сотрудник", "сотрудника", "сотрудников"), ("person", "people"))
        }
    }

    public func form(_ count: Int, _ language: Language) -> String {
        switch language {
        case .ru: RussianPlural.form(count, forms.ru.0, forms.ru.1, forms.ru.2)
        case .en: count == 1 ? forms.en.0 : forms.en.1
        }
    }
}

extension MessageKey {
    /// The catalog key of an error code whose message has no arguments (for errors that came
    /// over the API as Russian text).
    public static func argumentless(code: String) -> MessageKey? {
        let byCode: [String: MessageKey] = [
            "case_not_found": .caseNotFound, "not_found": .notFound, "unauthenticated": .unauthenticated, "wrong_password": .wrongPassword,
            "current_password_wrong": .currentPasswordWrong, "account_disabled": .accountDisabled, "session_invalid": .sessionInvalid,
            "forbidden": .forbidden, "invalid_login": .invalidLogin, "last_administrator": .lastAdministrator, "policy_lockout": .policyLockout,
            "nothing_to_roll_back": .nothingToRollBack, "busy": .busy, "no_active_policy": .noActivePolicy,
            "separation_of_duties": .separationOfDuties, "absence_not_found": .absenceNotFound,
        ]
        return byCode[code]
    }
}
