import ArgumentParser
import Foundation
import LKOCompiler
import LKOStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and verify the audit log (needs view_audit).",
        subcommands: [AuditLogCommand.self, AuditVerifyCommand.self]
    )
}

struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print audit entries, oldest first.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Entries at or after this time (YYYY-MM-DD or YYYY-MM-DDTHH:MM).", valueName: "time")) var since: String?
    @Option(help: "Only entries by this login.") var actor: String?
    @Option(help: "Only entries about this object (e.g. user:head, or user for all users).") var object: String?
    @Option(help: "At most this many entries.") var limit: Int?
    @Flag(help: "JSON Lines output.") var json = false

    func validate() throws {
        if let since, StoreClock.parse(since.count == 10 ? since + "T00:00" : since) == nil {
            throw ValidationError("--since must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, got \(since)")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.authorize(try database.actor(in: store), .viewAudit)
            let sinceText = since.flatMap { StoreClock.parse($0.count == 10 ? $0 + "T00:00" : $0) }.map(StoreClock.format)
            let entries = try store.read { db in try AuditLog.entries(db, filter: .init(since: sinceText, actor: actor, object: object, limit: limit)) }
            for entry in entries {
                if json {
                    try Terminal.json(entry, pretty: false)
                } else {
                    Terminal.out("\(entry.seq)\t\(entry.at)\t\(entry.actor)\t\(entry.action)\t\(entry.object)\t\(entry.details)")
                }
            }
        }
    }
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole hash chain; name the first entry that was edited, deleted, inserted or reordered.",
        discussion: "Exit status: 0 intact, 1 broken. Record the printed head hash elsewhere: it also reveals a rewrite of the whole chain."
    )
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.authorize(try database.actor(in: store), .viewAudit)
            let result = try store.read { db in try AuditLog.verify(db) }
            if let broken = result.firstBreak {
                throw CommandFailure(message: "the audit chain is broken at entry \(broken.seq): \(broken.reason)")
            }
            Terminal.out("audit chain intact: \(result.entries) entries; head \(result.headHash)")
        }
    }
}
