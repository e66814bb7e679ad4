import ArgumentParser
import Foundation
import LKOStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts (needs manage_users).",
        subcommands: [UserAdd.self, UserList.self, UserShow.self, UserDisable.self, UserEnable.self, UserPasswd.self, UserRemove.self]
    )
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login (as used in the policy's grants).") var login: String
    @Option(help: "Full name.") var fullName: String
    @Option(help: "Position.") var position: String = ""
    @Option(help: "Department.") var department: String = ""
    @Option(help: "E-mail.") var email: String = ""
    @Flag(help: "Read the new password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let actor = try database.actor(in: store)
            let password = try PasswordInput.read(prompt: "Password for \(login): ", fromStandardInput: passwordStdin, confirm: true)
            try store.addUser(by: actor, NewAccount(login: login, fullName: fullName, position: position, department: department, email: email), password: password)
            Terminal.out("added \(login)")
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let accounts = try store.users(by: try database.actor(in: store))
            if json { try Terminal.json(accounts); return }
            for account in accounts {
                let flags = [account.status == .disabled ? "disabled" : nil, account.lockedUntil != nil ? "locked until \(account.lockedUntil!)" : nil].compactMap { $0 }
                Terminal.out("\(account.login)\t\(account.fullName)\t\(account.position)" + (flags.isEmpty ? "" : "\t[\(flags.joined(separator: ", "))]"))
            }
        }
    }
}

struct UserShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one account.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let account = try store.user(login, by: try database.actor(in: store))
            if json { try Terminal.json(account); return }
            Terminal.out("""
            login       \(account.login)
            full name   \(account.fullName)
            position    \(account.position)
            department  \(account.department)
            e-mail      \(account.email)
            status      \(account.status.rawValue)\(account.lockedUntil.map { ", locked until \($0)" } ?? "")
            created     \(account.createdAt)
            """)
        }
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account (its sessions end at once).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.setStatus(login, to: .disabled, by: try database.actor(in: store))
            Terminal.out("disabled \(login)")
        }
    }
}

struct UserEnable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account.")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login.") var login: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.setStatus(login, to: .active, by: try database.actor(in: store))
            Terminal.out("enabled \(login)")
        }
    }
}

struct UserPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Change a password (your own, or anyone's with manage_users).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The login (default: yours).") var login: String?
    @Flag(help: "Read the new password from the first line of standard input.") var passwordStdin = false

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            let actor = try database.actor(in: store)
            let target = login ?? actor.login
            let password = try PasswordInput.read(prompt: "New password for \(target): ", fromStandardInput: passwordStdin, confirm: true)
            try store.changePassword(of: target, to: password, by: actor)
            Terminal.out("password changed for \(target); its sessions have ended")
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
