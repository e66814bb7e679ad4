import ArgumentParser
import Foundation

/// The `lko` command: policy-as-code administration of the organization's account on the
/// Feedback Platform.
public struct LKO: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lko",
        abstract: L(.helpRootAbstract),
        discussion: L(.helpRootDiscussion),
        version: LKOVersion.current,
        subcommands: [
            CheckCommand.self, TestCommand.self, CompileCommand.self, FmtCommand.self,
            ExplainCommand.self, AuthorizeCommand.self, DeadlineCommand.self, DiffCommand.self,
            InitCommand.self, LoginCommand.self, LogoutCommand.self, WhoamiCommand.self, UserCommand.self,
            ApplyCommand.self, HistoryCommand.self, ShowPolicyCommand.self, RollbackCommand.self, AuditCommand.self,
            CaseCommand.self, ReportCommand.self, AbsenceCommand.self, DelegationCommand.self, TickCommand.self,
            ServeCommand.self, BackupCommand.self, MigrateCommand.self, RegionCommand.self, AccessCommand.self, POSCommand.self,
            CompletionCommand.self, ManualCommand.self,
        ]
    )

    public init() {}
}

/// The process entry point: parses, runs, and maps every failure to a documented exit code.
public enum LKOMain {
    public static func run(_ given: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        var arguments = given
        do {
            try GlobalOptions.extract(&arguments)
            if arguments == ["--version"] || arguments == ["-V"] {
                Terminal.out("lko " + LKOVersion.full)
                exit(0)
            }
            if let help = try HelpPrinter.request(in: arguments) {
                FileHandle.standardOutput.write(Data(help.utf8))
                exit(0)
            }
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
            if failure.exitCode == .usage, failure.showUsage { LKO.printUsage(for: arguments) }
            exit(failure.exitCode.rawValue)
        } catch {
            let code = LKO.exitCode(for: error)
            if code == .success {
                LKO.exit(withError: error)
            }
            // Wrong usage: the parser's message, a suggestion, then how to get help; always exit 2.
            if code == .validationFailure {
                Terminal.error(ParserErrors.line(for: LKO.message(for: error), arguments: arguments))
                LKO.printUsage(for: arguments)
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
        throw CommandFailure(message: RemoteRefusal.message(command: path, server: value, fromEnvironment: false), exitCode: .usage, showUsage: false)
    }

    /// `LKO_SERVER` set (and no `--db`) for a command that uses the database but works only on
    /// the local file (`init`, `tick`, `serve`, `backup`, …): refuse, exit 2.
    static func refuseServerIfLocalOnly(_ command: ParsableCommand, arguments: [String]) throws {
        guard !(command is RemoteCapable) else { return }
        for child in Mirror(reflecting: command).children {
            guard let options = (child.value as? OptionGroup<DatabaseOptions>)?.wrappedValue, let server = options.serverAddress else { continue }
            throw CommandFailure(message: RemoteRefusal.message(command: commandPath(for: arguments).path, server: server, fromEnvironment: options.server == nil), exitCode: .usage, showUsage: false)
        }
    }

    static func printUsage(for arguments: [String]) {
        let usage = usageString(for: arguments)
        if !usage.isEmpty { FileHandle.standardError.write(Data((usage + "\n").utf8)) }
        Terminal.err(L(.usageSeeHelp))
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
