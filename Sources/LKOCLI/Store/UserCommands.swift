import ArgumentParser
import Foundation
import LKOApplication
import LKOStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts (needs manage_users).",
        subcommands: [UserAdd.self, UserList.self, UserShow.self, UserDisable.self, UserEnable.self, UserUnlock.self, UserPasswd.self, UserRemove.self]
    )
}

struct UserAdd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login (as used in the policy's grants).") var login: String
    @Option(help: "Full name.") var fullName: String
    @Option(help: "Position.") var position: String = ""
    @Option(help: "Department.") var department: String = ""
    @Option(help: "E-mail.") var email: String = ""
    @Flag(help: "Read the new password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let password = try PasswordInput.read(prompt: "Password for \(login): ", fromStandardInput: passwordStdin, confirm: true)
            _ = try backend.addUser(NewUserInput(login: login, fullName: fullName, position: position, department: department, email: email, password: password))
            Terminal.out("added \(login)")
        }
    }
}

struct UserList: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runBackendCommand {
            let users = try database.backend().users()
            if json { try Terminal.json(users); return }
            for user in users { Terminal.out(AdminRender.userLine(user)) }
        }
    }
}

struct UserShow: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runBackendCommand {
            let user = try database.backend().user(login)
            if json { try Terminal.json(user); return }
            Terminal.out(AdminRender.user(user))
        }
    }
}

struct UserDisable: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account (its sessions end at once).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runBackendCommand {
            _ = try database.backend().setUserEnabled(login, enabled: false)
            Terminal.out("disabled \(login)")
        }
    }
}

struct UserEnable: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runBackendCommand {
            _ = try database.backend().setUserEnabled(login, enabled: true)
            Terminal.out("enabled \(login)")
        }
    }
}

struct UserUnlock: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Lift the lock after repeated failed logins.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runBackendCommand {
            _ = try database.backend().unlockUser(login)
            Terminal.out("unlocked \(login)")
        }
    }
}

struct UserPasswd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Change your own password (asks for the current one), or set anyone's with manage_users.",
        discussion: """
        Your own: the current password, then the new one; every session of yours ends and this         one is replaced. With --password-stdin the first line is the current password and the         second the new one. Someone else's (`lko user passwd LOGIN`): only the new password;         their sessions end.
        """
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login (default: yours).") var login: String?
    @Flag(help: "Read the passwords from standard input, one a line (your own: current, then new).") var passwordStdin = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let me = try backend.me()
            let target = login ?? me.login
            if target == me.login {
                let current = try PasswordInput.read(prompt: "Current password for \(target): ", fromStandardInput: passwordStdin)
                let new = try PasswordInput.read(prompt: "New password for \(target): ", fromStandardInput: passwordStdin, confirm: true)
                let session = try backend.changeOwnPassword(current: current, new: new)
                if ProcessInfo.processInfo.environment["LKO_TOKEN"]?.isEmpty ?? true {
                    try backend.session.save(session.token)
                } else {
                    Terminal.warning("the session in LKO_TOKEN has ended with the change; log in again")
                }
                Terminal.out("password changed for \(target); your other sessions have ended")
            } else {
                let password = try PasswordInput.read(prompt: "New password for \(target): ", fromStandardInput: passwordStdin, confirm: true)
                try backend.resetPassword(of: target, to: password)
                Terminal.out("password changed for \(target); its sessions have ended")
            }
        }
    }
}

struct UserRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account (refused while it holds open cases or is a pending substitute).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.removeUser(login, by: try database.actor(in: store))
            Terminal.out("removed \(login)")
        }
    }
}
