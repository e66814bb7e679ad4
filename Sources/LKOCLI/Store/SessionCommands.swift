import ArgumentParser
import Foundation
import LKOApplication
import LKOStore

struct LoginCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: L(.helpLoginAbstract),
        discussion: L(.helpLoginDiscussion)
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp(L(.optLoginYours)))
    var login: String

    @Flag(help: ArgumentHelp(L(.flagPasswordStdin)))
    var passwordStdin = false

    @Flag(help: ArgumentHelp(L(.flagPrintToken)))
    var printToken = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let password = try PasswordInput.read(prompt: L(.promptPassword, ["login": login]), fromStandardInput: passwordStdin)
            let session = try backend.login(login, password: password)
            if printToken {
                Terminal.out(session.token)
            } else {
                try backend.session.save(session.token)
                Terminal.err(L(.loggedIn, ["name": CaseRender.name(session.me.login, session.me.fullName), "login": session.me.login])
                             + (backend.session.isRemote ? L(.atServer, ["server": backend.location]) : ""))
            }
        }
    }
}

struct LogoutCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: L(.helpLogoutAbstract))

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            do {
                try backend.logout()
            } catch let error as AppError where error.kind == .unauthenticated {
                // Already ended (expired, revoked): forgetting the token is all that is left.
            }
            backend.session.remove()
            Terminal.err(L(.loggedOut))
        }
    }
}

struct WhoamiCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: L(.helpWhoamiAbstract))

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let me = try database.backend().me()
            if format == .json { try Terminal.document(me) } else { Terminal.out(AdminRender.whoami(me)) }
        }
    }
}
