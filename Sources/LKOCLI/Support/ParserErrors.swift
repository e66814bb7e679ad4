import ArgumentParser
import Foundation
import LKOMessages

/// ArgumentParser's error messages in the reader's language.
///
/// ArgumentParser's error types are internal: all it gives is English text. Its shapes are
/// matched here against the English of the catalog's `parser…` keys, which is ArgumentParser's
/// own wording (`{name}` stands for the part that varies). `ParserErrorTests` runs real parse
/// failures through the parser and pins every shape, so an upgrade that rewords one fails a test
/// instead of quietly leaving English in a Russian screen. In English the text stays
/// ArgumentParser's; a message of no known shape stays as it is, in every language.
enum ParserErrors {
    /// A message whose shape is known.
    struct Recognized {
        /// The catalog key of the translation.
        var key: MessageKey
        /// Its arguments, ready for the reader's language (lists quoted its way).
        var arguments: [String: String]
        /// A name typed wrong (an unknown option without ArgumentParser's own suggestion, an
        /// unexpected argument): a "did you mean" may follow.
        var suggestible = false
        /// Said after the message in both languages (how to write a date).
        var hint: MessageKey?
    }

    /// The line `lko` prints for a parse failure, after `ошибка: `/`error: `: the message in the
    /// reader's language and, for a mistyped name, the closest command or option.
    static func line(for message: String, arguments: [String], in language: Language = Language.current) -> String {
        let recognized = recognize(message, in: language)
        let commandGroup = !LKO.commandPath(for: arguments).type.configuration.subcommands.isEmpty
        var text = recognized.map { render($0, original: message, in: language, commandGroup: commandGroup) } ?? message
        let suggestible = recognized?.suggestible ?? !message.contains("Did you mean")
        if suggestible, let suggestion = Suggest.forParserError(message, arguments: arguments) {
            text += "; " + Messages.text(.didYouMean, ["suggestion": suggestion], in: language)
        }
        return text
    }

    /// ArgumentParser's message in `language`; English and unknown shapes as they are (a date's
    /// hint is added in both languages).
    static func localize(_ message: String, in language: Language = Language.current, commandGroup: Bool = false) -> String {
        guard let recognized = recognize(message, in: language) else { return message }
        return render(recognized, original: message, in: language, commandGroup: commandGroup)
    }

    static func render(_ recognized: Recognized, original: String, in language: Language, commandGroup: Bool) -> String {
        let hint = recognized.hint.map { Messages.text($0, in: language) } ?? ""
        guard language != .en else { return original + hint }
        // `lko chek`: where a command is expected, an unexpected word is an unknown command.
        if recognized.key == .parserUnexpectedArgument, commandGroup, let value = recognized.arguments["value"] {
            return Messages.text(.unknownCommand, ["command": value], in: language) + hint
        }
        return Messages.text(recognized.key, recognized.arguments, in: language) + hint
    }

    /// The shape of an ArgumentParser message, or nil.
    static func recognize(_ message: String, in language: Language = Language.current) -> Recognized? {
        func shape(_ key: MessageKey) -> [String: String]? { match(Messages.template(key, .en), message) }

        if var parts = shape(.parserMissingValueComposite), let unknown = parts["unknown"], recognize(unknown, in: language) != nil {
            // `-ox`: an unknown option, or `-o` without its value.
            parts["unknown"] = localize(unknown, in: language)
            return Recognized(key: .parserMissingValueComposite, arguments: parts)
        }
        if let parts = shape(.parserUnknownOptionSuggestion) {
            return Recognized(key: .parserUnknownOptionSuggestion, arguments: parts)
        }
        if let parts = shape(.parserUnknownOption) {
            return Recognized(key: .parserUnknownOption, arguments: parts, suggestible: true)
        }
        if let parts = shape(.parserUnexpectedArgument) {
            return Recognized(key: .parserUnexpectedArgument, arguments: parts, suggestible: true)
        }
        if let parts = shape(.parserUnexpectedArguments), let count = parts["count"], Int(count) != nil,
           let values = parts["values"], values.hasPrefix("'"), values.hasSuffix("'"), values.count >= 2 {
            let list = values.dropFirst().dropLast().components(separatedBy: "', '")
            return Recognized(key: .parserUnexpectedArguments, arguments: ["count": count, "values": list.map { "«\($0)»" }.joined(separator: ", ")])
        }
        if let parts = shape(.parserMissingArgument), let argument = parts["argument"] {
            return Recognized(key: argument.hasPrefix("-") ? .parserMissingOption : .parserMissingArgument, arguments: parts)
        }
        if let parts = shape(.parserMissingValue) {
            return Recognized(key: .parserMissingValue, arguments: parts)
        }
        if var parts = shape(.parserInvalidValue), let target = parts["target"], let tail = parts["tail"] {
            if tail.isEmpty {
                return Recognized(key: .parserInvalidValue, arguments: parts, hint: target.hasSuffix("<date>") ? .parserDateForms : nil)
            }
            if let list = match(Messages.template(.parserPossibleValuesList, .en), tail)?["values"] {
                // Six values and more: one a line, `  - value`.
                let lines = list.components(separatedBy: "\n")
                guard lines.allSatisfy({ $0.hasPrefix("  - ") }) else { return nil }
                parts["tail"] = Messages.text(.parserPossibleValuesList, ["values": list], in: language)
                return Recognized(key: .parserInvalidValue, arguments: parts)
            }
            if let list = match(Messages.template(.parserPossibleValues, .en), tail)?["values"], let values = quotedValues(list) {
                parts["tail"] = Messages.text(.parserPossibleValues, ["values": values.map { "`\($0)`" }.joined(separator: ", ")], in: language)
                return Recognized(key: .parserInvalidValue, arguments: parts)
            }
            return nil
        }
        if let parts = shape(.parserValueNotTaken) {
            return Recognized(key: .parserValueNotTaken, arguments: parts)
        }
        if let parts = shape(.parserInvalidOption) {
            return Recognized(key: .parserInvalidOption, arguments: parts)
        }
        return nil
    }

    /// ArgumentParser's list of up to five values: `'a'`, `'a' and 'b'`, `'a', 'b' or 'c'`; nil
    /// when the text is not written the way ArgumentParser writes one (or a value has a quote,
    /// which would make the list ambiguous).
    static func quotedValues(_ text: String) -> [String]? {
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return nil }
        let inner = String(text.dropFirst().dropLast())
        var values: [String]
        if let or = inner.range(of: "' or '", options: .backwards) {
            values = inner[..<or.lowerBound].components(separatedBy: "', '") + [String(inner[or.upperBound...])]
        } else if let and = inner.range(of: "' and '") {
            values = [String(inner[..<and.lowerBound]), String(inner[and.upperBound...])]
        } else {
            values = [inner]
        }
        guard !values.contains(where: { $0.contains("'") }) else { return nil }
        let quoted = values.map { "'\($0)'" }
        let again = quoted.count <= 2 ? quoted.joined(separator: " and ") : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return again == text ? values : nil
    }

    /// The parts of `text` that stand for a template's `{placeholders}`, or nil when the text
    /// does not have the template's shape. A placeholder takes the shortest text after which the
    /// rest still matches; the last one, everything that is left.
    static func match(_ template: String, _ text: String) -> [String: String]? {
        enum Piece { case literal(String), placeholder(String) }
        var pieces: [Piece] = []
        var rest = template[...]
        let names = Set(Messages.placeholders(template))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            guard names.contains(name) else {
                pieces.append(.literal(String(rest[...close])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.placeholder(name))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        // Adjacent literals (a brace that is not a placeholder) join into one.
        var joined: [Piece] = []
        for piece in pieces {
            if case .literal(let next) = piece, case .literal(let previous)? = joined.last {
                joined[joined.count - 1] = .literal(previous + next)
            } else {
                joined.append(piece)
            }
        }

        func match(_ index: Int, _ text: Substring, _ found: [String: String]) -> [String: String]? {
            guard index < joined.count else { return text.isEmpty ? found : nil }
            switch joined[index] {
            case .literal(let literal):
                guard text.hasPrefix(literal) else { return nil }
                return match(index + 1, text.dropFirst(literal.count), found)
            case .placeholder(let name):
                var found = found
                guard index + 1 < joined.count else {
                    found[name] = String(text)
                    return found
                }
                // Two placeholders in a row cannot be told apart.
                guard case .literal(let literal) = joined[index + 1] else { return nil }
                var from = text.startIndex
                while let range = text.range(of: literal, range: from..<text.endIndex) {
                    found[name] = String(text[..<range.lowerBound])
                    if let result = match(index + 1, text[range.lowerBound...], found) { return result }
                    from = text.index(after: range.lowerBound)
                }
                return nil
            }
        }
        return match(0, text[...], [:])
    }
}
