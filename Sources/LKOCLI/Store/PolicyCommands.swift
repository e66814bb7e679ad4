import ArgumentParser
import Foundation
import LKOCompiler
import LKOLanguage
import LKOApplication
import LKOStore
import LKOMessages

struct ApplyCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: L(.applyAbstract),
        discussion: L(.applyDiscussion)
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyArgument
    @Option(name: .shortAndLong, help: ArgumentHelp(L(.applyOptMessage))) var message: String = ""
    @Flag(name: .shortAndLong, help: ArgumentHelp(L(.applyFlagYes))) var yes = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let sources = try PolicyLoading(path: policy.path).load()
            let candidate = PolicyFiles(files: sources.files.map { ($0.path, $0.text) })
            let review = try backend.reviewPolicy(candidate)
            if let diff = review.diff { Terminal.out(DiffRenderer(useColor: Terminal.stdoutUsesColor, language: Language.current).render(diff, format: .text)) }
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
                for warning in result.warnings(in: Language.current) { Terminal.warning(warning) }
                Terminal.out(L(.policyActivated, ["version": result.version]))
            } else {
                Terminal.out(L(.policyUnchanged, ["version": result.version]))
            }
        }
    }
}

struct HistoryCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "history", abstract: L(.historyAbstract))
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
    static let configuration = CommandConfiguration(commandName: "show-policy", abstract: L(.showPolicyAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.showPolicyArgVersion))) var version: String?
    @Flag(help: ArgumentHelp(L(.showPolicyFlagTables))) var tables = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            _ = try database.actor(in: store)
            let stored = try store.storedVersion(version)
            if tables {
                FileHandle.standardOutput.write(TablesJSON.encode(stored.tables))
                return
            }
            // The time in the organization's zone, as `lko history` shows it.
            let zone = (try store.activePolicy())?.policy.tables.organization.timeZone ?? "Europe/Moscow"
            Terminal.out(L(.showPolicyHeader, ["id": "\(stored.id)", "version": stored.version, "at": RussianText.time(stored: stored.createdAt, zone: zone), "by": stored.createdBy]))
            for file in stored.files {
                Terminal.out("\n# ==== \(file.path)")
                Terminal.out(file.text)
            }
        }
    }
}

struct RollbackCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: L(.rollbackAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.rollbackArgVersion))) var version: String?
    @Option(name: .shortAndLong, help: ArgumentHelp(L(.rollbackOptMessage))) var message: String = ""

    func run() throws {
        try runBackendCommand {
            let result = try database.backend().rollbackPolicy(to: version, message: message)
            Terminal.out(L(.policyRolledBack, ["version": result.version]))
        }
    }
}
