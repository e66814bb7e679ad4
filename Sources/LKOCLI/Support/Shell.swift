import ArgumentParser
import Foundation
import LKOApplication
import LKOLanguage
import LKOMessages

/// Options accepted anywhere on the command line, taken out before parsing: `--color
/// auto|always|never`.
enum GlobalOptions {
    static func extract(_ arguments: inout [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            var value: String?
            if argument == "--color" {
                guard index + 1 < arguments.count else { throw CommandFailure(message: L(.cliColorValues), exitCode: .usage, showUsage: true) }
                value = arguments[index + 1]
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--color=") {
                value = String(argument.dropFirst("--color=".count))
                arguments.remove(at: index)
            } else {
                index += 1
                continue
            }
            guard let value, let mode = Terminal.ColorMode(rawValue: value) else {
                throw CommandFailure(message: L(.cliColorValues), exitCode: .usage, showUsage: true)
            }
            Terminal.colorMode = mode
        }
    }
}

/// Every command of the tree with its path (`case list`).
enum CommandTree {
    static func all(from root: ParsableCommand.Type = LKO.self, path: [String] = []) -> [(path: [String], type: ParsableCommand.Type)] {
        var result: [(path: [String], type: ParsableCommand.Type)] = [(path, root)]
        for sub in root.configuration.subcommands where sub.configuration.shouldDisplay {
            result += all(from: sub, path: path + [sub.configuration.commandName ?? ""])
        }
        return result
    }

    /// The command a path names exactly, or nil.
    static func find(_ path: [String]) -> ParsableCommand.Type? {
        var type: ParsableCommand.Type = LKO.self
        for name in path {
            guard let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == name }) else { return nil }
            type = next
        }
        return type
    }

    /// The long options a command takes, read from its help.
    static func options(of type: ParsableCommand.Type) -> [String] {
        let help = LKO.helpMessage(for: type, includeHidden: true, columns: 10_000)
        var found: Set<String> = ["--help"]
        var rest = help[...]
        while let range = rest.range(of: "--") {
            let name = rest[range.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if name.count > 2 { found.insert(String(name)) }
            rest = rest[range.upperBound...]
        }
        return found.sorted()
    }
}

/// "Did you mean" for mistyped commands and options.
enum Suggest {
    /// A suggestion for the token the parser complained about (`Unknown option '--formt'`,
    /// `Unexpected argument 'chek'`).
    static func forParserError(_ message: String, arguments: [String]) -> String? {
        guard let open = message.firstIndex(of: "'"), let close = message[message.index(after: open)...].firstIndex(of: "'") else { return nil }
        let token = String(message[message.index(after: open)..<close])
        let found = LKO.commandPath(for: arguments)
        let type: ParsableCommand.Type = found.type
        if token.hasPrefix("--") {
            let name = String(token.prefix { $0 != "=" })
            return Suggestions.closest(to: name, in: CommandTree.options(of: type)).flatMap { $0 == name ? nil : $0 }
        }
        var names: [String] = []
        for sub in type.configuration.subcommands {
            if let name = sub.configuration.commandName { names.append(name) }
        }
        guard !names.isEmpty, let match = Suggestions.closest(to: token, in: names) else { return nil }
        let prefix = found.path.split(separator: " ").dropFirst().map(String.init)
        return (prefix + [match]).joined(separator: " ")
    }
}

/// The help screens: ArgumentParser's, then the command's examples, which are never wrapped
/// (copy them as they are).
enum HelpPrinter {
    /// The help asked for by `lko help …`, `--help` or `-h`; nil when none was asked for. An
    /// unknown topic is wrong usage (exit 2).
    static func request(in arguments: [String]) throws -> String? {
        if arguments.first == "help" {
            let topic = Array(arguments.dropFirst()).filter { !$0.hasPrefix("-") }
            guard let type = CommandTree.find(topic) else {
                let paths = CommandTree.all().map { $0.path.joined(separator: " ") }.filter { !$0.isEmpty }
                let asked = topic.joined(separator: " ")
                let hint = Suggestions.closest(to: asked, in: paths).map { "; " + L(.didYouMean, ["suggestion": "lko help \($0)"]) } ?? ""
                throw CommandFailure(message: L(.unknownHelpTopic, ["topic": asked]) + hint, exitCode: .usage, showUsage: false)
            }
            return text(for: type, path: topic)
        }
        let beforeSeparator = arguments.prefix { $0 != "--" }
        guard beforeSeparator.contains("--help") || beforeSeparator.contains("-h") else { return nil }
        var path: [String] = []
        var type: ParsableCommand.Type = LKO.self
        for argument in beforeSeparator {
            guard let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { continue }
            type = next
            path.append(argument)
        }
        return text(for: type, path: path)
    }

    static func text(for type: ParsableCommand.Type, path: [String], columns: Int? = nil) -> String {
        let width = columns ?? ParserWords.screenWidth
        var help = ParserWords.localize(LKO.helpMessage(for: type, columns: width), width: width)
        while help.hasSuffix("\n") { help.removeLast() }
        let examples = Examples.of(path)
        if !examples.isEmpty {
            help += "\n\n" + L(.examplesHeading) + "\n" + examples.map { "  " + $0 }.joined(separator: "\n")
        }
        return help + "\n"
    }
}

/// The words ArgumentParser writes into a help screen itself (`OVERVIEW:`, `USAGE:`, the
/// section titles, `--help` and `--version`, `(values: …; default: …)`), in the reader's
/// language. English is ArgumentParser's own text, untouched. A description that changes is
/// wrapped again the way ArgumentParser wraps it, so the columns stay as they were.
enum ParserWords {
    /// ArgumentParser's width: `COLUMNS`, else the terminal's, else 80.
    static var screenWidth: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// Where descriptions start (ArgumentParser's label column).
    static let labelColumn = 26

    static func localize(_ help: String, width: Int, in language: Language = Language.current) -> String {
        guard language != .en else { return help }
        func en(_ key: MessageKey) -> String { Messages.text(key, in: .en) }
        func ru(_ key: MessageKey) -> String { Messages.text(key, in: language) }
        let headings = [MessageKey.optParserArguments, .optParserOptions, .optParserSubcommands]
        let prefixes = [MessageKey.optParserOverview, .optParserUsage]
        let lines = help.components(separatedBy: "\n")
        var result: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if let key = headings.first(where: { line == en($0) }) {
                result.append(ru(key))
                continue
            }
            if let key = prefixes.first(where: { line.hasPrefix(en($0) + " ") }) {
                // Same width in both languages (`OVERVIEW: `/`ОПИСАНИЕ: `, `USAGE: `/`ВЫЗОВ: `): the
                // wrapping and the hanging indent stay right.
                result.append(ru(key).padding(toLength: en(key).count, withPad: " ", startingAt: 0) + line.dropFirst(en(key).count))
                continue
            }
            let seeHelp = en(.optParserSeeHelp).components(separatedBy: "{command}")
            if line.hasPrefix("  " + seeHelp[0]), line.hasSuffix(seeHelp[1]) {
                let command = line.dropFirst(2 + seeHelp[0].count).dropLast(seeHelp[1].count)
                result.append("  " + Messages.text(.optParserSeeHelp, ["command": String(command)], in: language))
                continue
            }
            // An element: `  label` padded to the label column, then its description, wrapped
            // with the label column's indent (a long label has the description below it).
            guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first != " " else {
                result.append(line)
                continue
            }
            let indent = String(repeating: " ", count: labelColumn)
            var label = line.trimmingCharacters(in: .whitespaces)
            var parts: [String] = []
            let head = line.prefix(labelColumn).trimmingCharacters(in: .whitespaces)
            if line.count > labelColumn, line.prefix(labelColumn).hasSuffix(" "), 2 + head.count < labelColumn {
                label = head
                parts.append(String(line.dropFirst(labelColumn)))
            }
            var end = index
            while end < lines.count, lines[end].hasPrefix(indent), lines[end].dropFirst(labelColumn).first.map({ $0 != " " }) ?? false {
                parts.append(String(lines[end].dropFirst(labelColumn)))
                end += 1
            }
            let description = parts.joined(separator: " ")
            let translated = translate(description, en: en, ru: ru)
            guard translated != description else {
                result.append(line)
                continue
            }
            index = end
            let wrapped = wrap(translated, columns: width - labelColumn)
            let padded = "  " + label
            if padded.count < labelColumn, let firstLine = wrapped.first {
                result.append(padded.padding(toLength: labelColumn, withPad: " ", startingAt: 0) + firstLine)
                result += wrapped.dropFirst().map { indent + $0 }
            } else {
                result.append(padded)
                result += wrapped.map { indent + $0 }
            }
        }
        return result.joined(separator: "\n")
    }

    /// A description with ArgumentParser's words in the reader's language.
    static func translate(_ description: String, en: (MessageKey) -> String, ru: (MessageKey) -> String) -> String {
        if description == en(.optParserHelp) { return ru(.optParserHelp) }
        if description == en(.optParserVersion) { return ru(.optParserVersion) }
        // `(values: a, b)`, `(default: x)`, `(values: a, b; default: x)`: always at the end.
        guard description.hasSuffix(")") else { return description }
        let values = "(" + en(.optParserValues) + ": ", defaultValue = en(.optParserDefault) + ": "
        guard let open = description.range(of: values, options: .backwards) ?? description.range(of: "(" + defaultValue, options: .backwards) else { return description }
        var tail = String(description[open.lowerBound...])
        tail = tail.replacingOccurrences(of: values, with: "(" + ru(.optParserValues) + ": ")
        tail = tail.replacingOccurrences(of: "(" + defaultValue, with: "(" + ru(.optParserDefault) + ": ")
        tail = tail.replacingOccurrences(of: "; " + defaultValue, with: "; " + ru(.optParserDefault) + ": ")
        return String(description[..<open.lowerBound]) + tail
    }

    /// ArgumentParser's wrapping: at the last space that fits, else at the next space.
    static func wrap(_ text: String, columns: Int) -> [String] {
        guard columns > 0 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while true {
            let chunk = rest.prefix(columns)
            if chunk.endIndex == rest.endIndex {
                lines.append(String(rest))
                break
            } else if let space = chunk.lastIndex(of: " ") {
                lines.append(String(rest[..<space]))
                rest = rest[rest.index(after: space)...]
            } else if let space = rest.firstIndex(of: " ") {
                lines.append(String(rest[..<space]))
                rest = rest[rest.index(after: space)...]
            } else {
                lines.append(String(rest))
                break
            }
        }
        return lines
    }
}

struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: L(.helpCompletionAbstract),
        discussion: L(.helpCompletionDiscussion)
    )

    enum Shell: String, ExpressibleByArgument, CaseIterable { case bash, zsh, fish }

    @Argument(help: ArgumentHelp(L(.argShell))) var shell: Shell

    func run() throws {
        let script = LKO.completionScript(for: CompletionShell(rawValue: shell.rawValue)!)
        FileHandle.standardOutput.write(Data(script.utf8))
    }
}

struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: L(.helpManualAbstract),
        discussion: L(.helpManualDiscussion)
    )

    @Option(help: ArgumentHelp(L(.optManualOut), valueName: "file"))
    var out: String?

    func run() throws {
        let page = ManualPage.render()
        guard let out else { FileHandle.standardOutput.write(Data(page.utf8)); return }
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: out).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(page.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw CommandFailure(message: L(.cannotWrite, ["path": out, "reason": error.localizedDescription]))
        }
        Terminal.err(L(.manualWritten, ["path": out]))
    }
}

/// `lko.1` in troff (man(7) macros), generated from the commands' configuration and help.
enum ManualPage {
    static func render(date: String = "2026") -> String {
        var page: [String] = []
        page.append(".TH LKO 1 \"\(date)\" \"lko \(LKOVersion.current)\" \"lko\"")
        page.append(".SH NAME")
        page.append("lko \\- " + escape(LKO.configuration.abstract))
        page.append(".SH SYNOPSIS")
        page.append(".B lko")
        page.append("[\\fB\\-\\-color\\fR auto|always|never] \\fIcommand\\fR [\\fIoptions\\fR]")
        page.append(".SH DESCRIPTION")
        page.append(contentsOf: paragraphs(LKO.configuration.discussion))
        page.append(".SH ENVIRONMENT")
        page.append(".TP\n.B LKO_LANG\n" + escape(L(.manualEnvLanguage)))
        page.append(".TP\n.B NO_COLOR\n" + escape(L(.manualEnvNoColor)))
        page.append(".TP\n.B LKO_DB, LKO_SERVER, LKO_TOKEN\n" + escape(L(.manualEnvDatabase)))
        page.append(".SH COMMANDS")
        for (path, type) in CommandTree.all() where !path.isEmpty {
            let configuration = type.configuration
            page.append(".SS \"lko \(escape(path.joined(separator: " ")))\"")
            page.append(escape(configuration.abstract))
            if !configuration.discussion.isEmpty { page.append(contentsOf: paragraphs(configuration.discussion)) }
            // The options, as the help screen lists them, unfilled.
            let help = ParserWords.localize(LKO.helpMessage(for: type, columns: 10_000), width: 10_000)
            if let range = help.range(of: L(.optParserOptions)) {
                page.append(".PP\n.nf")
                page.append(contentsOf: help[range.upperBound...].split(separator: "\n").map { escape(String($0)) })
                page.append(".fi")
            }
            let examples = Examples.of(path)
            if !examples.isEmpty {
                page.append(".PP\n" + escape(L(.examplesHeading)) + "\n.nf")
                page.append(contentsOf: examples.map { "  " + escape($0) })
                page.append(".fi")
            }
        }
        page.append(".SH \"EXIT STATUS\"")
        page.append(escape(L(.manualExitStatus)))
        page.append(".SH \"SEE ALSO\"")
        page.append(escape(L(.cliManualSeeAlso)))
        return page.joined(separator: "\n") + "\n"
    }

    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { block in
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.contains(where: { $0.hasPrefix("  ") }) {
                return ".PP\n.nf\n" + lines.map { escape(String($0)) }.joined(separator: "\n") + "\n.fi"
            }
            return ".PP\n" + escape(block.replacingOccurrences(of: "\n", with: " "))
        }
    }

    /// Backslashes doubled, a leading dot or quote protected, hyphens of options made minus signs.
    static func escape(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return result
    }
}

/// Restores the terminal when a signal arrives at a password prompt (echo off), then dies of the
/// same signal as it would have.
enum TerminalGuard {
    nonisolated(unsafe) static var saved: termios?

    static func install(_ original: termios) {
        saved = original
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { number in
                if var state = TerminalGuard.saved { tcsetattr(STDIN_FILENO, TCSANOW, &state) }
                let newline: [UInt8] = [10]
                _ = write(STDERR_FILENO, newline, 1)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func uninstall() {
        saved = nil
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { signal(sig, SIG_DFL) }
    }
}
