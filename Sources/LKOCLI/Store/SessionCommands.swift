import ArgumentParser
import Foundation
import LKOApplication
import LKOStore

struct LoginCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in; the session lasts 8 hours idle, 12 hours at most.",
        discussion: """
        The session token is stored with mode 0600 under ~/.config/lko/sessions/ (one per \
        database, or one per server with --server) and used by every later command; \
        `--print-token` prints it instead, for LKO_TOKEN. Five wrong passwords in a row lock \
        the account for 15 minutes.
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Your login.")
    var login: String

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Flag(help: "Print the token to standard output instead of saving it.")
    var printToken = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let password = try PasswordInput.read(prompt: "Password for \(login): ", fromStandardInput: passwordStdin)
            let session = try backend.login(login, password: password)
            if printToken {
                Terminal.out(session.token)
            } else {
                try backend.session.save(session.token)
                Terminal.err("logged in as \(session.me.login)" + (backend.session.isRemote ? " at \(backend.location)" : ""))
            }
        }
    }
}

struct LogoutCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "End the current session.")

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
            Terminal.err("logged out")
        }
    }
}

struct WhoamiCommand: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show the logged-in account.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "JSON output: login, names, roles held today and what they allow.")
    var json = false

    func run() throws {
        try runBackendCommand {
            let me = try database.backend().me()
            if json { try Terminal.json(me) } else { Terminal.out(AdminRender.whoami(me)) }
        }
    }
}
