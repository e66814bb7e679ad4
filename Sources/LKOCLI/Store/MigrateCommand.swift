import ArgumentParser
import Foundation
import LKOMessages
import LKOStore

/// `lko migrate --from FILE.sqlite --to postgres://… --organization ID` (docs/deploy.md).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: L(.optMigrateAbstract),
        discussion: L(.optMigrateDiscussion)
    )

    @Option(help: ArgumentHelp(L(.optMigrateFrom), valueName: "file"))
    var from: String

    @Option(help: ArgumentHelp(L(.optMigrateTo), valueName: "address"))
    var to: String

    @Option(help: ArgumentHelp(L(.optMigrateOrganization), valueName: "id"))
    var organization: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let format = try output.resolve()
        try runStoreCommand {
            var target = try PostgresAddress(parsing: to)
            guard PostgresAddress.isValidOrganization(organization) else {
                throw StoreError.invalidField(field: "--organization", reason: Message(.pgErrOrganization, ["organization": .text(organization)]))
            }
            target.organization = organization
            let report: StoreMigration.Report
            do {
                report = try StoreMigration.run(from: from, to: target.display)
            } catch let failure as StoreMigration.Failure {
                throw CommandFailure(message: failure.message.render(Language.current))
            }
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            Terminal.out(L(.cliMigrateDone, ["source": report.source, "target": report.target]))
            for table in report.tables {
                Terminal.out(L(.cliMigrateTable, ["table": table.table, "rows": "\(table.rows)", "digest": String(table.digest.prefix(16))]))
            }
            Terminal.out(L(.cliMigrateChain, ["entries": "\(report.auditEntries)", "head": String(report.auditHead.prefix(16))]))
            if let key = report.auditKey { Terminal.out(L(.cliMigrateKey, ["path": key])) }
        }
    }
}
