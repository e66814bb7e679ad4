import ArgumentParser
import Foundation
import LKOStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: L(.optBackupAbstract),
        discussion: L(.optBackupDiscussion)
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argBackupDestination))) var destination: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let result = try store.backup(to: destination)
            Terminal.out(L(.cliBackupWritten, ["path": destination, "pages": "\(result.pages)", "integrity": "\(result.integrity)"]))
        }
    }
}
