import ArgumentParser
import Foundation
import LKOCompiler
import LKOLanguage
import LKOApplication
import LKOStore

struct ApplyCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Check, test and activate a policy (needs manage_policy).",
        discussion: """
        Errors or failing policy tests abort. Otherwise prints the change against the active \
        version and activates the new one atomically, storing its source, content hash, \
        compiled tables, who, when and the message. Applying the active policy again changes \
        nothing. A policy that leaves no active account able to manage_policy is refused. With \
        --server the files of the local folder are sent to the server, which checks and \
        activates them the same way.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyArgument
    @Option(name: .shortAndLong, help: "Why: recorded with the version and in the audit log.") var message: String = ""
    @Flag(name: .shortAndLong, help: "Confirm the risks of the change report (escalation, lockout, lost access) without asking; needed when not on a terminal.") var yes = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let sources = try PolicyLoading(path: policy.path).load()
            let candidate = PolicyFiles(files: sources.files.map { ($0.path, $0.text) })
            let review = try backend.reviewPolicy(candidate)
            if let diff = review.diff { Terminal.out(DiffRenderer(useColor: Terminal.stdoutUsesColor).render(diff, format: .text)) }
            var confirmed = yes || !review.hasRisks
            if !confirmed {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CommandFailure(message: L(.applyRisksNeedYes))
                }
                FileHandle.standardError.write(Data(L(.applyConfirmPrompt).utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
                confirmed = answer == "yes" || answer == "да"
                guard confirmed else { throw CommandFailure(message: L(.applyNotConfirmed)) }
            }
            let provenance = GitProvenance.of(path: policy.path)
            let result: ApplyResult
            if let local = backend as? LocalBackend {
                result = try local.service.applyPolicy(try local.caller(), candidate, message: message, confirmRisks: confirmed, provenance: provenance)
            } else {
                result = try backend.applyPolicy(candidate, message: message, confirmRisks: confirmed)
            }
            if let provenance { Terminal.out(L(provenance.clean ? .applyFromCommit : .applyFromDirtyCommit, ["commit": String(provenance.commit.prefix(12))])) }
            if result.changed {
                for warning in result.warnings { Terminal.warning(warning) }
                Terminal.out(L(.policyActivated, ["version": result.version]))
            } else {
                Terminal.out(L(.policyUnchanged, ["version": result.version]))
            }
        }
    }
}

struct HistoryCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List policy activations, oldest first (needs manage_policy).")
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            let history = try database.backend().policyVersions()
            try AdminRender.versions(history, format: format, dialect: output.dialect)
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

struct RollbackCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Re-activate an earlier policy version (a new, audited activation).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The version to return to (number or hash prefix; default: the one before the active).") var version: String?
    @Option(name: .shortAndLong, help: "Why.") var message: String = ""

    func run() throws {
        try runBackendCommand {
            let result = try database.backend().rollbackPolicy(to: version, message: message)
            Terminal.out(L(.policyRolledBack, ["version": result.version]))
        }
    }
}
