import ArgumentParser
import Foundation
import LKOStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database while it is in use (SQLite's online backup): a consistent snapshot.",
        discussion: """
        Safe while `lko serve` runs: the copy is one consistent state of the database, written \
        to a new file with mode 0600 and checked with integrity_check. Restore by stopping the \
        server and putting the copy in place of the database (docs/deploy.md).

          lko backup --db /var/lib/lko/lko.sqlite /var/backups/lko/lko-$(date +%F).sqlite
        """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The new file to write (must not exist).") var destination: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let result = try store.backup(to: destination)
            Terminal.out("backup written: \(destination) (\(result.pages) pages, integrity \(result.integrity))")
        }
    }
}
