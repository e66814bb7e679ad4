import ArgumentParser
import Foundation
import LKOCompiler
import LKOStore

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a policy into permission tables.",
        discussion: """
        The tables (documented in docs/tables.md) are what enforcement reads: roles, actions, \
        the category tree with effective terms, grants, effective permissions, auto-rules, \
        fast-tracks, the routing decision table, calendar additions and source positions. The \
        output is deterministic: the same policy gives byte-identical files. The version is a \
        SHA-256 of the tables without source positions, so reformatting keeps it.

          lko compile --out tables.sqlite     SQLite database (one table per table)
          lko compile --out tables.json       JSON
          lko compile --format json           JSON to standard output
          lko compile --bundle policy.lkob    the decision bundle for `lko authorize --bundle`

        The bundle holds what decisions need (logins, nodes, the decision blocks) with its \
        format version, a checksum and the policy text's content hash, so `lko authorize` \
        refuses it when it is damaged, of another version, or stale against --policy.

        Exit status: 0 compiled, 1 the policy has errors or the output cannot be written.
        """
    )

    @OptionGroup var policy: PolicyArgument

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the tables here: *.sqlite / *.db as SQLite, anything else as JSON. Replaces the file.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Write the decision bundle for `lko authorize --bundle` here. Replaces the file.", valueName: "file"))
    var bundle: String?

    @Option(help: ArgumentHelp("Output: text (a summary, the default) or json (the tables, to standard output).", valueName: "format"))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp("Deprecated: use --format json.", visibility: .hidden))
    var json = false

    func validate() throws {
        if let format, format != .text, format != .json {
            throw ValidationError("--format \(format.rawValue) is not supported here: use text or json")
        }
        if json || format == .json, out != nil { throw ValidationError("--format json and --out exclude each other: choose one output") }
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
                throw CommandFailure(message: "cannot write \(bundle): \(error)")
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
                throw CommandFailure(message: "cannot write \(out): \(error)")
            }
        }
        let written = [out, bundle].compactMap { $0 }
        Terminal.out(TablesSummary(tables: tables).text + (written.isEmpty ? "" : "\nwritten to " + written.joined(separator: ", ")))
    }
}

/// A few lines that tell an administrator what a policy amounts to.
struct TablesSummary {
    var tables: PolicyTables

    var text: String {
        let levels = Dictionary(grouping: tables.nodes, by: \.level).mapValues(\.count)
        let accelerated = tables.nodes.filter { $0.accelerated && $0.level == "subcategory" }.count
        return """
        policy version \(tables.version)
          organization  \(tables.organization.title)
          roles         \(tables.roles.count) (\(tables.roles.map(\.id).joined(separator: ", ")))
          tree          \(levels["category"] ?? 0) categories, \(levels["subcategory"] ?? 0) subcategories (\(accelerated) accelerated), \(levels["fact"] ?? 0) facts
          grants        \(tables.grants.count) to \(tables.logins.count) logins
          permissions   \(tables.permissions.count) rows
          routing       \(tables.fastTracks.count) fast-tracks, \(tables.autoRules.count) auto-rules, \(tables.routes.count) route rows
          calendar      \(tables.calendar.count) day overrides, \(tables.calendarYears.count) added years
        """
    }
}
