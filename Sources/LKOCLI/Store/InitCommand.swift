import ArgumentParser
import Foundation
import LKOStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the lko database and its first administrator.",
        discussion: """
        Creates the SQLite file (mode 0600, WAL) and an administrator account that holds every \
        administrative right until the first `lko apply`; from then on only the active policy \
        decides. Never touches an existing file.

        --sandbox makes a rehearsal/training database where LKO_NOW=2026-03-02T09:00 may move \
        the clock; a production database refuses that.
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The administrator's login (as used in the policy's grants).")
    var login: String

    @Option(help: "The administrator's full name.")
    var fullName: String

    @Option(help: "Position, e.g. «Системный администратор финансового отдела».")
    var position: String = ""

    @Option(help: "Department.")
    var department: String = ""

    @Option(help: "E-mail.")
    var email: String = ""

    @Flag(help: "Create a sandbox database (LKO_NOW may move its clock).")
    var sandbox = false

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Option(help: ArgumentHelp("Where to create the audit checkpoint signing key (default: the database path + .audit-key); keep it away from the database's backups.", valueName: "file"))
    var auditKey: String?

    func run() throws {
        try runStoreCommand {
            let password = try PasswordInput.read(prompt: L(.promptPassword, ["login": login]), fromStandardInput: passwordStdin, confirm: true)
            let store = try Store.create(
                path: database.path, sandbox: sandbox,
                administrator: NewAccount(login: login, fullName: fullName, position: position, department: department, email: email),
                password: password,
                auditKeyPath: auditKey
            )
            try store.close()
            Terminal.out("created \(database.path)\(sandbox ? " (sandbox)" : "") with administrator \(login); next: `lko login --login \(login)`, then `lko apply`")
            Terminal.out("audit checkpoint key: \(auditKey ?? AuditKey.defaultPath(forDatabase: database.path)) (mode 0600; not in the database)")
        }
    }
}
