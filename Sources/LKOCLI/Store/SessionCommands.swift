import ArgumentParser
import Foundation
import LKOStore

struct LoginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in; the session lasts 8 hours idle, 12 hours at most.",
        discussion: """
        The session token is stored with mode 0600 under ~/.config/lko/sessions/ (one per \
        database) and used by every later command; `--print-token` prints it instead, for \
        LKO_TOKEN. Five wrong passwords in a row lock the account for 15 minutes.
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
        try runStoreCommand {
            let store = try database.open()
            let password = try PasswordInput.read(prompt: "Password for \(login): ", fromStandardInput: passwordStdin)
            let token = try store.login(login, password: password)
            if printToken {
                Terminal.out(token.text)
            } else {
                try SessionFile.save(token.text, forDatabase: database.path)
                Terminal.err("logged in as \(login)")
            }
        }
    }
}

struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "End the current session.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            if let token = SessionFile.load(forDatabase: database.path) { try store.logout(token: token) }
            SessionFile.remove(forDatabase: database.path)
            Terminal.err("logged out")
        }
    }
}

struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show the logged-in account.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "JSON output.")
    var json = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let account = try database.actor(in: store)
            if json { try Terminal.json(account) } else {
                Terminal.out("\(account.login) — \(account.fullName)" + (account.position.isEmpty ? "" : ", \(account.position)") + (store.isSandbox ? " [sandbox]" : ""))
            }
        }
    }
}
