import ArgumentParser
import Foundation
import LKOCompiler
import LKOLanguage
import LKOStore

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Check, test and activate a policy (needs manage_policy).",
        discussion: """
        Errors or failing policy tests abort. Otherwise prints the change against the active \
        version and activates the new one atomically, storing its source, content hash, \
        compiled tables, who, when and the message. Applying the active policy again changes \
        nothing. A policy that leaves no active account able to manage_policy is refused.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyArgument
    @Option(name: .shortAndLong, help: "Why: recorded with the version and in the audit log.") var message: String = ""

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let actor = try database.actor(in: store)
            let sources = try PolicyLoading(path: policy.path).load()
            if let report = try reviewReport(store: store, sources: sources) { Terminal.out(report) }
            switch try store.apply(sources, message: message, by: actor) {
            case .unchanged(let version):
                Terminal.out("no change: \(version) is already active")
            case .applied(let version, let summary, let warnings):
                for warning in warnings { Terminal.warning(warning) }
                if try store.history().count <= 1 { Terminal.out(summary.lines.joined(separator: "\n")) }
                Terminal.out("activated \(version)")
            }
        }
    }
}

/// The same change-impact report as `lko diff`, against the active version (nil before the
/// first apply, or when the new policy has errors — `apply` reports those itself).
private func reviewReport(store: Store, sources: SourceSet) throws -> String? {
    guard try store.activePolicy() != nil else { return nil }
    let stored = try store.storedVersion(nil)
    let oldSources = SourceSet(files: stored.files.map { SourceFile(path: $0.path, text: $0.text) })
    let day = store.today()
    let options = CompileOptions(lintDate: day, lint: false)
    let old = PolicyCompiler.compile(oldSources, options: options)
    let new = PolicyCompiler.compile(sources, options: options)
    guard !old.hasErrors, !new.hasErrors else { return nil }
    let held = try store.openCaseHolders().map { DiffInput.HeldCase(posNumber: $0.posNumber, node: $0.node, assignee: $0.assignee) }
    let diff = try PolicyDiff.compute(DiffInput(oldLabel: "active v\(stored.id)", old: old, newLabel: "new", new: new, at: day, heldCases: held))
    return DiffRenderer(useColor: Terminal.stdoutUsesColor).render(diff, format: .text)
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List policy activations, oldest first.")
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            _ = try database.actor(in: store)
            let history = try store.history()
            if json { try Terminal.json(history); return }
            if history.isEmpty { Terminal.out("no policy applied yet"); return }
            for entry in history {
                Terminal.out("#\(entry.activation)\(entry.isActive ? " *" : "  ") \(entry.at)  \(entry.kind.padding(toLength: 8, withPad: " ", startingAt: 0)) v\(entry.versionID) \(entry.version.prefix(19))…  \(entry.actor)" + (entry.message.isEmpty ? "" : "  \"\(entry.message)\""))
            }
        }
    }
}

struct ShowPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show-policy", abstract: "Print the source of a stored policy version (default: the active one).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A version: its number (vN without the v), or a prefix of its hash.") var version: String?
    @Flag(help: "Print the compiled tables as JSON instead of the source.") var tables = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            _ = try database.actor(in: store)
            let stored = try store.storedVersion(version)
            if tables {
                FileHandle.standardOutput.write(TablesJSON.encode(stored.tables))
                return
            }
            Terminal.out("# version v\(stored.id) \(stored.version), stored \(stored.createdAt) by \(stored.createdBy)")
            for file in stored.files {
                Terminal.out("\n# ==== \(file.path)")
                Terminal.out(file.text)
            }
        }
    }
}

struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Re-activate an earlier policy version (a new, audited activation).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The version to return to (number or hash prefix; default: the one before the active).") var version: String?
    @Option(name: .shortAndLong, help: "Why.") var message: String = ""

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let actor = try database.actor(in: store)
            let (activated, summary) = try store.rollback(to: version, message: message, by: actor)
            Terminal.out(summary.lines.joined(separator: "\n"))
            Terminal.out("activated \(activated) (rollback)")
        }
    }
}
