import ArgumentParser
import Foundation
import LKOStore
import LKOApplication
import LKOMessages

/// Writing to the terminal: stdout for results, stderr for diagnostics and progress.
enum Terminal {
    /// `--color auto|always|never` (a global option, accepted anywhere on the command line).
    enum ColorMode: String, CaseIterable, Sendable {
        case auto, always, never
    }

    /// Set once by `LKOMain` before any command runs.
    nonisolated(unsafe) static var colorMode: ColorMode = .auto

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ message: String) {
        err(L(.prefixError) + visible(message, keepingLines: true))
    }

    /// Text from outside made safe to print: control characters (escape sequences, carriage
    /// returns), Unicode line separators and bidirectional overrides shown as `\u{…}`. With
    /// `keepingLines`, a line break stays a line break (indented by `indent`), so multi-line
    /// texts read as such but cannot forge a line that starts at the margin.
    static func visible(_ text: String, keepingLines: Bool = false, indent: String = "") -> String {
        guard text.unicodeScalars.contains(where: { AuditText.isUnsafe($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if keepingLines, scalar == "\n" {
                result += "\n" + indent
            } else if AuditText.isUnsafe(scalar), !(keepingLines && scalar == "\t") {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func warning(_ message: String) {
        err(L(.prefixWarning) + message)
    }

    /// A renamed flag: the old spelling still works and says so on stderr.
    static func deprecated(_ old: String, use new: String) {
        warning(L(.deprecatedFlag, ["old": old, "new": new]))
    }

    /// NO_COLOR counts only when set and non-empty (no-color.org).
    static var noColorRequested: Bool {
        !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    static func usesColor(_ descriptor: Int32) -> Bool {
        switch colorMode {
        case .always: true
        case .never: false
        case .auto: isatty(descriptor) == 1 && !noColorRequested && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }

    /// Colors only on a terminal, and never when NO_COLOR is set and non-empty, unless
    /// `--color always`.
    static var stderrUsesColor: Bool { usesColor(STDERR_FILENO) }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var stdoutUsesColor: Bool { usesColor(STDOUT_FILENO) }

    /// The width tables are fitted to: `COLUMNS`, else the terminal's, else 100.
    static var width: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }

    /// Plain JSON of a value as it is (the ПОС bridge's commands; no `format_version`).
    static func json(_ value: some Encodable, pretty: Bool = true) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// One JSON document of a command: snake_case keys, a top-level `format_version`; a list
    /// is wrapped as `{"format_version": 1, "<key>": [...]}`.
    static func document(_ value: some Encodable, key: String? = nil) throws {
        FileHandle.standardOutput.write(try JSONDocument.encode(value, key: key))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// One line of a JSON Lines stream (snake_case keys, no `format_version`: streams are
    /// documented as such).
    static func jsonLine(_ value: some Encodable) throws {
        let encoder = JSONDocument.encoder(pretty: false)
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// The JSON documents the CLI prints (docs/schemas/).
enum JSONDocument {
    /// Bumped when a document changes incompatibly.
    static let formatVersion = 1

    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode(_ value: some Encodable, key: String? = nil) throws -> Data {
        try encoder().encode(Wrapped(payload: value, key: key))
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Wrapped<Payload: Encodable>: Encodable {
        var payload: Payload
        var key: String?

        func encode(to encoder: any Encoder) throws {
            if let key {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(JSONDocument.formatVersion, forKey: Key("format_version"))
                try container.encode(payload, forKey: Key(key))
            } else {
                try payload.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(JSONDocument.formatVersion, forKey: Key("format_version"))
            }
        }
    }
}

/// A failure with a message for the user and the exit code that classifies it.
struct CommandFailure: Error {
    var message: String
    var exitCode: ExitCode = .failure
    /// Wrong usage: also print the command's usage line and where help is.
    var showUsage = false
}

extension ExitCode {
    /// Wrong usage: an unknown flag, a bad value.
    static let usage = ExitCode(2)
    /// `lko explain`: the request is denied.
    static let denied = ExitCode(3)
}

/// A message of the catalog in the language of this process.
func L(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
    Messages.text(key, arguments, in: Language.current)
}

/// A date for people: DD.MM.YYYY (ISO 8601 stays in JSON).
func textDate(_ iso: String?) -> String {
    RussianText.date(iso: iso)
}
