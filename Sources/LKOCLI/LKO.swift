import ArgumentParser
import Foundation

/// The `lko` command: policy-as-code administration of the organization's account on the
/// Feedback Platform.
public struct LKO: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lko",
        abstract: "Policy-as-code for the organization's account (ЛКО) on the Feedback Platform (ПОС).",
        discussion: """
        A policy is a folder of .lko files (default: Policies/) declaring the organization, roles, \
        the category tree, grants, auto-rules, fast-tracks and tests. Typical use:

          lko check                 find every error and warning, with file:line:col
          lko test                  run the policy's own tests
          lko compile --out t.sqlite
          lko explain head assign --subcategory roads.potholes
          lko fmt                   rewrite files in the canonical layout

        Exit codes: 0 success, 1 the policy has errors / a test failed / bad input lines, \
        2 wrong usage, 3 `explain` denied.
        """,
        version: LKOVersion.current,
        subcommands: [
            CheckCommand.self, TestCommand.self, CompileCommand.self, FmtCommand.self,
            ExplainCommand.self, AuthorizeCommand.self, DeadlineCommand.self, DiffCommand.self,
            InitCommand.self, LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, UserCommand.self,
            ApplyCommand.self, HistoryCommand.self, ShowPolicyCommand.self, RollbackCommand.self, AuditCommand.self,
            CaseCommand.self, ReportCommand.self, AbsenceCommand.self, DelegationCommand.self, TickCommand.self,
            ServeCommand.self, BackupCommand.self, AccessCommand.self, POSCommand.self,
        ]
    )

    public init() {}
}

public enum LKOVersion {
    public static let current = "0.1.0"
}

/// The process entry point: parses, runs, and maps every failure to a documented exit code.
public enum LKOMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            try LKO.refuseServerIfLocalOnly(arguments)
            var command = try LKO.parseAsRoot(arguments)
            try LKO.refuseServerIfLocalOnly(command, arguments: arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            exit(failure.exitCode.rawValue)
        } catch {
            let code = LKO.exitCode(for: error)
            if code == .success {
                LKO.exit(withError: error)
            }
            // Wrong usage: the parser's message, then how to get help; always exit 2.
            if code == .validationFailure {
                Terminal.error(LKO.message(for: error))
                let usage = LKO.usageString(for: arguments)
                if !usage.isEmpty { FileHandle.standardError.write(Data((usage + "\n").utf8)) }
                FileHandle.standardError.write(Data("See 'lko --help' or 'lko help <command>'.\n".utf8))
                exit(ExitCode.usage.rawValue)
            }
            Terminal.error(LKO.message(for: error))
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}

extension LKO {
    /// The deepest subcommand named in the arguments, and its path (`user passwd`).
    static func commandPath(for arguments: [String]) -> (type: ParsableCommand.Type, path: String) {
        var type: ParsableCommand.Type = LKO.self
        var names: [String] = ["lko"]
        for argument in arguments {
            guard let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { continue }
            type = next
            names.append(argument)
        }
        return (type, names.joined(separator: " "))
    }

    /// `--server` on a command that works only on local files (or on no database at all):
    /// say so, exit 2, before the parser calls it an unknown option.
    static func refuseServerIfLocalOnly(_ arguments: [String]) throws {
        guard let index = arguments.firstIndex(where: { $0 == "--server" || $0.hasPrefix("--server=") }) else { return }
        let (type, path) = commandPath(for: Array(arguments[..<index]))
        guard type != LKO.self, !(type is RemoteCapable.Type), type.configuration.subcommands.isEmpty else { return }
        let value = arguments[index] == "--server" ? (index + 1 < arguments.count ? arguments[index + 1] : "") : String(arguments[index].dropFirst("--server=".count))
        throw CommandFailure(message: RemoteRefusal.message(command: path, server: value, fromEnvironment: false), exitCode: .usage)
    }

    /// `LKO_SERVER` set (and no `--db`) for a command that uses the database but works only on
    /// the local file (`init`, `tick`, `serve`, `backup`, …): refuse, exit 2.
    static func refuseServerIfLocalOnly(_ command: ParsableCommand, arguments: [String]) throws {
        guard !(command is RemoteCapable) else { return }
        for child in Mirror(reflecting: command).children {
            guard let options = (child.value as? OptionGroup<DatabaseOptions>)?.wrappedValue, let server = options.serverAddress else { continue }
            throw CommandFailure(message: RemoteRefusal.message(command: commandPath(for: arguments).path, server: server, fromEnvironment: options.server == nil), exitCode: .usage)
        }
    }

    static func usageString(for arguments: [String]) -> String {
        // Find the deepest subcommand named in the arguments to show its usage line.
        var type: ParsableCommand.Type = LKO.self
        for argument in arguments {
            guard let next = type.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            type = next
        }
        return type.usageString()
    }
}
