import ArgumentParser
import Foundation
import LKOCompiler
import LKOApplication
import LKOStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the audit log (needs view_audit).",
        subcommands: [AuditLogCommand.self, AuditVerifyCommand.self, AuditCheckpointCommand.self]
    )
}

struct AuditLogCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print audit entries, oldest first.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Entries at or after this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM).", valueName: "time")) var since: String?
    @Option(help: "Only entries by this login.") var actor: String?
    @Option(help: "Only entries about this object (e.g. user:head, or user for all users).") var object: String?
    @Option(help: "At most this many entries.") var limit: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since, StoreClock.parse(since.count == 10 ? since + "T00:00" : since) == nil {
            throw ValidationError("--since must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got \(since)")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
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
        abstract: "Check the whole hash chain; name the first entry that was edited, deleted, inserted or reordered.",
        discussion: "Exit status: 0 intact, 1 broken. Record the printed head hash elsewhere: it also reveals a rewrite of the whole chain."
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Prove the chain's tail against the signed checkpoints in this folder (`lko audit checkpoint --dir`).", valueName: "dir"))
    var checkpoints: String?
    @Flag(help: "Also recompute every row's digest and name rows edited behind lko's back (the database file only).")
    var deep = false
    @Option(help: ArgumentHelp("The checkpoint key (default: the database path + .audit-key; its .pub is trusted).", valueName: "file"))
    var auditKey: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let json = try output.resolve([.text, .json]) == .json
            if checkpoints != nil || deep {
                guard let local = try database.backend() as? LocalBackend else {
                    throw CommandFailure(message: "--checkpoints and --deep need the database file; run them on the server machine with --db", exitCode: .usage)
                }
                let report = try local.service.verifyAuditFully(try local.caller(), checkpointDirectory: checkpoints, auditKeyPath: auditKey, deep: deep)
                if json { try Terminal.document(report) } else {
                    Terminal.out(report.chain.intact ? "audit chain intact: \(report.chain.entries) entries; head \(report.chain.headHash)"
                                                     : "audit chain BROKEN at entry \(report.chain.brokenAt.map(String.init) ?? "?"): \(report.chain.reason ?? "")")
                    if let count = report.checkpoints {
                        Terminal.out("checkpoints: \(count) valid" + (report.provenThrough.map { ", entries #1…#\($0) proven unchanged" } ?? ""))
                    }
                    for problem in report.checkpointProblems { Terminal.out("  PROBLEM: \(problem)") }
                    if let rows = report.rowFindings {
                        Terminal.out(rows.isEmpty ? "rows: every tracked row holds what lko recorded" : "rows: \(rows.count) finding(s)")
                        for finding in rows { Terminal.out("  PROBLEM: \(finding)") }
                    }
                    for caveat in report.caveats { Terminal.out("note: \(caveat)") }
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
                throw CommandFailure(message: "the audit chain is broken at entry \(result.brokenAt.map(String.init) ?? "?"): \(result.reason ?? "")")
            }
            Terminal.out("audit chain intact: \(result.entries) entries; head \(result.headHash)")
            Terminal.out("note: without --checkpoints DIR the tail of the chain cannot be proven (deleting the newest entries, or rewriting the whole chain, goes unseen)")
        }
    }
}

struct AuditCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the audit chain's head (Ed25519, a key kept outside the database) and write it to a folder or stdout.",
        discussion: """
        Keep checkpoints where whoever can edit the database cannot: another machine, a \
        write-once store. `lko serve` writes one every 15 minutes and at shutdown. \
        `lko audit verify --checkpoints DIR` then proves every checkpointed entry unchanged.

          lko audit checkpoint --db /var/lib/lko/lko.sqlite --dir /var/lib/lko/checkpoints
        """
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Write the checkpoint into this folder (default: print it).", valueName: "dir")) var dir: String?
    @Option(help: ArgumentHelp("The signing key (default: the database path + .audit-key).", valueName: "file")) var auditKey: String?

    func run() throws {
        try runBackendCommand {
            guard let local = try database.backend() as? LocalBackend else {
                throw CommandFailure(message: "a checkpoint is signed on the server machine with the key beside the database; run it there with --db", exitCode: .usage)
            }
            let result = try local.service.writeCheckpoint(try local.caller(), directory: dir, auditKeyPath: auditKey)
            if let file = result.file {
                Terminal.out("checkpoint of entry #\(result.checkpoint.seq) written: \(file)")
            } else {
                try Terminal.json(result.checkpoint)
            }
        }
    }
}
