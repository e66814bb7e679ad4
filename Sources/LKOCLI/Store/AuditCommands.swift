import ArgumentParser
import Foundation
import LKOCompiler
import LKOApplication
import LKOStore
import LKOMessages

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: L(.auditCmdAbstract),
        subcommands: [AuditLogCommand.self, AuditVerifyCommand.self, AuditCheckpointCommand.self]
    )
}

struct AuditLogCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "log", abstract: L(.auditCmdLogAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.auditCmdOptSince), valueName: "time")) var since: String?
    @Option(help: ArgumentHelp(L(.auditCmdOptActor))) var actor: String?
    @Option(help: ArgumentHelp(L(.auditCmdOptObject))) var object: String?
    @Option(help: ArgumentHelp(L(.auditCmdOptLimit))) var limit: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since, StoreClock.parse(since.count == 10 ? since + "T00:00" : since) == nil {
            throw ValidationError(L(.auditCmdValSince, ["value": since]))
        }
        if let limit, limit < 1 { throw ValidationError(L(.auditCmdValLimit)) }
    }

    func run() throws {
        try runBackendCommand {
            // The deprecated --json still prints JSON Lines, one entry a line, as it did.
            let lines = output.json
            let format = try output.resolve(reportFormats)
            let sinceText = since.flatMap { StoreClock.parse($0.count == 10 ? $0 + "T00:00" : $0) }.map(StoreClock.format)
            var entries = try database.backend().allAuditEntries(actor: actor, object: object)
            if let sinceText { entries = entries.filter { $0.at >= sinceText } }
            if let limit { entries = Array(entries.prefix(limit)) }
            if lines {
                for entry in entries { try Terminal.jsonLine(entry) }
                return
            }
            try AdminRender.audit(entries, format: format, dialect: output.dialect)
        }
    }
}

struct AuditVerifyCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: L(.auditCmdVerifyAbstract),
        discussion: L(.auditCmdVerifyDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.auditCmdOptCheckpoints), valueName: "dir"))
    var checkpoints: String?
    @Flag(help: ArgumentHelp(L(.auditCmdOptDeep)))
    var deep = false
    @Option(help: ArgumentHelp(L(.auditCmdOptKey), valueName: "file"))
    var auditKey: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let json = try output.resolve([.text, .json]) == .json
            if checkpoints != nil || deep {
                guard let local = try database.backend() as? LocalBackend else {
                    throw CommandFailure(message: L(.auditCmdNeedsFile), exitCode: .usage)
                }
                let report = try local.service.verifyAuditFully(try local.caller(), checkpointDirectory: checkpoints, auditKeyPath: auditKey, deep: deep)
                if json { try Terminal.document(report) } else {
                    Terminal.out(report.chain.intact ? Self.intact(report.chain) : L(.auditCmdBroken, Self.brokenArguments(report.chain)))
                    if let count = report.checkpoints {
                        Terminal.out(L(.auditCmdCheckpoints, ["count": "\(count)"]) + (report.provenThrough.map { L(.auditCmdProvenThrough, ["seq": "\($0)"]) } ?? ""))
                    }
                    for problem in report.checkpointProblemTexts { Terminal.out(L(.auditCmdProblem, ["problem": problem.render(Language.current)])) }
                    if let rows = report.rowFindings {
                        Terminal.out(rows.isEmpty ? L(.auditCmdRowsClean) : L(.auditCmdRowsFindings, ["count": "\(rows.count)"]))
                        for finding in report.rowFindingTexts { Terminal.out(L(.auditCmdProblem, ["problem": finding.render(Language.current)])) }
                    }
                    for caveat in report.caveatTexts { Terminal.out(L(.prefixNote) + caveat.render(Language.current)) }
                }
                if !report.intact { throw ExitCode.failure }
                return
            }
            let result = try database.backend().verifyAudit()
            if json {
                try Terminal.document(result)
                if !result.intact { throw ExitCode.failure }
                return
            }
            if !result.intact {
                throw CommandFailure(message: L(.auditCmdBrokenError, Self.brokenArguments(result)))
            }
            Terminal.out(Self.intact(result))
            Terminal.out(L(.prefixNote) + L(.auditCmdTailUnproven))
        }
    }

    /// "audit chain intact: 12 entries; head …".
    static func intact(_ chain: AuditVerification) -> String {
        L(.auditCmdIntact, ["entries": Messages.count(chain.entries, .entry, in: Language.current), "head": chain.headHash])
    }

    static func brokenArguments(_ chain: AuditVerification) -> [String: String] {
        ["seq": chain.brokenAt.map(String.init) ?? "?", "reason": chain.reasonText?.render(Language.current) ?? chain.reason ?? ""]
    }
}

struct AuditCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: L(.auditCmdCheckpointAbstract),
        discussion: L(.auditCmdCheckpointDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.auditCmdOptDir), valueName: "dir")) var dir: String?
    @Option(help: ArgumentHelp(L(.auditCmdOptSigningKey), valueName: "file")) var auditKey: String?

    func run() throws {
        try runBackendCommand {
            guard let local = try database.backend() as? LocalBackend else {
                throw CommandFailure(message: L(.auditCmdCheckpointNeedsFile), exitCode: .usage)
            }
            let result = try local.service.writeCheckpoint(try local.caller(), directory: dir, auditKeyPath: auditKey)
            if let file = result.file {
                Terminal.out(L(.auditCmdCheckpointWritten, ["seq": "\(result.checkpoint.seq)", "file": file]))
            } else {
                try Terminal.json(result.checkpoint)
            }
        }
    }
}
