import ArgumentParser
import Foundation
import LKOCompiler
import LKOStore

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: L(.optCompileAbstract),
        discussion: L(.optCompileDiscussion)
    )

    @OptionGroup var policy: PolicyArgument

    @Option(name: .shortAndLong, help: ArgumentHelp(L(.optCompileOut), valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp(L(.optCompileBundle), valueName: "file"))
    var bundle: String?

    @Option(help: ArgumentHelp(L(.optCompileFormat), valueName: "format"))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp(L(.flagJsonDeprecated), visibility: .hidden))
    var json = false

    func validate() throws {
        if let format, format != .text, format != .json {
            throw ValidationError(L(.cliCompileFormatUnsupported, ["format": format.rawValue]))
        }
        if json || format == .json, out != nil { throw ValidationError(L(.cliCompileJsonAndOut)) }
    }

    func run() throws {
        if json { Terminal.deprecated("--json", use: "--format json") }
        let (compilation, compiled) = try PolicyLoading(path: policy.path, lint: false).compileOrFail()
        let tables = compiled.tables
        if let bundle {
            let bytes = DecisionBundle(policy: compiled, sourceDigest: DecisionBundle.sourceDigest(compilation.sources)).encoded()
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: bundle), options: .atomic)
            } catch {
                throw CommandFailure(message: L(.cannotWrite, ["path": bundle, "reason": "\(error)"]))
            }
        }
        if json || format == .json {
            FileHandle.standardOutput.write(TablesJSON.encode(tables))
            return
        }
        if let out {
            let lowered = out.lowercased()
            do {
                if lowered.hasSuffix(".sqlite") || lowered.hasSuffix(".db") || lowered.hasSuffix(".sqlite3") {
                    try TablesDatabase.write(tables, to: out)
                } else {
                    try TablesJSON.encode(tables).write(to: URL(fileURLWithPath: out), options: .atomic)
                }
            } catch {
                throw CommandFailure(message: L(.cannotWrite, ["path": out, "reason": "\(error)"]))
            }
        }
        let written = [out, bundle].compactMap { $0 }
        Terminal.out(TablesSummary(tables: tables).text + (written.isEmpty ? "" : "\n" + L(.cliCompileWrittenTo, ["paths": written.joined(separator: ", ")])))
    }
}

/// A few lines that tell an administrator what a policy amounts to.
struct TablesSummary {
    var tables: PolicyTables

    var text: String {
        let levels = Dictionary(grouping: tables.nodes, by: \.level).mapValues(\.count)
        let accelerated = tables.nodes.filter { $0.accelerated && $0.level == "subcategory" }.count
        return L(.cliTablesSummary, [
            "version": tables.version, "organization": tables.organization.title,
            "roles": "\(tables.roles.count)", "role_ids": tables.roles.map(\.id).joined(separator: ", "),
            "categories": "\(levels["category"] ?? 0)", "subcategories": "\(levels["subcategory"] ?? 0)", "accelerated": "\(accelerated)", "facts": "\(levels["fact"] ?? 0)",
            "grants": "\(tables.grants.count)", "logins": "\(tables.logins.count)", "permissions": "\(tables.permissions.count)",
            "fast_tracks": "\(tables.fastTracks.count)", "auto_rules": "\(tables.autoRules.count)", "routes": "\(tables.routes.count)",
            "overrides": "\(tables.calendar.count)", "years": "\(tables.calendarYears.count)",
        ])
    }
}
