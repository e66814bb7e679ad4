import ArgumentParser
import Foundation
import LKOStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: L(.optInitAbstract),
        discussion: L(.optInitDiscussion)
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(L(.optInitLogin)))
    var login: String

    @Option(help: ArgumentHelp(L(.optInitFullName)))
    var fullName: String

    @Option(help: ArgumentHelp(L(.optInitPosition)))
    var position: String = ""

    @Option(help: ArgumentHelp(L(.optDepartment)))
    var department: String = ""

    @Option(help: ArgumentHelp(L(.optEmail)))
    var email: String = ""

    @Flag(help: ArgumentHelp(L(.flagSandbox)))
    var sandbox = false

    @Flag(help: ArgumentHelp(L(.flagPasswordStdin)))
    var passwordStdin = false

    @Option(help: ArgumentHelp(L(.optInitAuditKey), valueName: "file"))
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
            Terminal.out(L(.cliInitCreated, ["path": database.path, "sandbox": sandbox ? L(.cliInitSandbox) : "", "login": login]))
            Terminal.out(L(.cliInitAuditKey, ["path": auditKey ?? AuditKey.defaultPath(forDatabase: database.path)]))
        }
    }
}
