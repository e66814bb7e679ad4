import ArgumentParser
import Foundation
import LKOApplication
import LKOStore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: L(.optUserAbstract),
        subcommands: [UserAdd.self, UserList.self, UserShow.self, UserDisable.self, UserEnable.self, UserUnlock.self, UserPasswd.self, UserRemove.self]
    )
}

struct UserAdd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "add", abstract: L(.optUserAddAbstract))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLoginForGrants))) var login: String
    @Option(help: ArgumentHelp(L(.optFullName))) var fullName: String
    @Option(help: ArgumentHelp(L(.optPosition))) var position: String = ""
    @Option(help: ArgumentHelp(L(.optDepartment))) var department: String = ""
    @Option(help: ArgumentHelp(L(.optEmail))) var email: String = ""
    @Flag(help: ArgumentHelp(L(.flagNewPasswordStdin))) var passwordStdin = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let password = try PasswordInput.read(prompt: L(.promptPassword, ["login": login]), fromStandardInput: passwordStdin, confirm: true)
            _ = try backend.addUser(NewUserInput(login: login, fullName: fullName, position: position, department: department, email: email, password: password))
            Terminal.out(L(.userAdded, ["login": login]))
        }
    }
}

struct UserList: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "list", abstract: L(.optUserListAbstract))

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            let users = try database.backend().users()
            try AdminRender.users(users, format: format, dialect: output.dialect)
        }
    }
}

struct UserShow: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "show", abstract: L(.optUserShowAbstract))

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLogin))) var login: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve([.text, .json])
            let json = format == .json
            let backend = try database.backend()
            // Over a local file: roles, grants, derived rights, absences and open cases too.
            if let local = backend as? LocalBackend {
                let access = try local.service.userAccess(try local.caller(), login: login)
                let user = try? backend.user(login)
                if json { try Terminal.document(UserShowJSON(user: user, access: access)); return }
                if let user { Terminal.out(AdminRender.user(user)) }
                Terminal.out(AccessRender.person(access))
                return
            }
            let user = try backend.user(login)
            if json { try Terminal.document(user); return }
            Terminal.out(AdminRender.user(user))
        }
    }
}

struct UserDisable: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: L(.optUserDisableAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLogin))) var login: String
    @Option(help: ArgumentHelp(L(.optHandoverTo), valueName: "login"))
    var handoverTo: String?

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            if let target = handoverTo {
                guard let local = backend as? LocalBackend else { throw CommandFailure(message: L(.cliHandoverLocalOnly), exitCode: .usage) }
                let moved = try local.service.disableWithHandover(try local.caller(), login: login, to: target)
                for posNumber in moved { Terminal.out(L(.handedOver, ["number": posNumber, "login": target])) }
                Terminal.out(L(.userDisabled, ["login": login]))
                return
            }
            _ = try backend.setUserEnabled(login, enabled: false)
            Terminal.out(L(.userDisabled, ["login": login]))
        }
    }
}

struct UserEnable: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: L(.optUserEnableAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLogin))) var login: String

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let view = try backend.setUserEnabled(login, enabled: true)
            guard view.locked else { Terminal.out(L(.userEnabled, ["login": login])); return }
            // A locked account: enabling it unlocks it too, or says that it did not.
            let after = try backend.unlockUser(login)
            if after.locked {
                Terminal.out(L(.userEnabledStillLocked, ["login": login, "until": after.lockedUntilText ?? "?"]))
            } else {
                Terminal.out(L(.userEnabledUnlocked, ["login": login]))
            }
        }
    }
}

struct UserUnlock: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: L(.optUserUnlockAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLogin))) var login: String

    func run() throws {
        try runBackendCommand {
            _ = try database.backend().unlockUser(login)
            Terminal.out(L(.userUnlocked, ["login": login]))
        }
    }
}

struct UserPasswd: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: L(.helpUserPasswdAbstract),
        discussion: L(.helpUserPasswdDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLoginDefaultYours))) var login: String?
    @Flag(help: ArgumentHelp(L(.flagPasswordsStdin))) var passwordStdin = false

    func run() throws {
        try runBackendCommand {
            let backend = try database.backend()
            let me = try backend.me()
            let target = login ?? me.login
            if target == me.login {
                let current = try PasswordInput.read(prompt: L(.promptCurrentPassword, ["login": target]), fromStandardInput: passwordStdin)
                let new = try PasswordInput.read(prompt: L(.promptNewPassword, ["login": target]), fromStandardInput: passwordStdin, confirm: true)
                let session = try backend.changeOwnPassword(current: current, new: new)
                if ProcessInfo.processInfo.environment["LKO_TOKEN"]?.isEmpty ?? true {
                    try backend.session.save(session.token)
                } else {
                    Terminal.warning(L(.tokenSessionEnded))
                }
                Terminal.out(L(.passwordChangedOwn, ["login": target]))
            } else {
                let password = try PasswordInput.read(prompt: L(.promptNewPassword, ["login": target]), fromStandardInput: passwordStdin, confirm: true)
                try backend.resetPassword(of: target, to: password)
                Terminal.out(L(.passwordChangedOther, ["login": target]))
            }
        }
    }
}

struct UserRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: L(.optUserRemoveAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argLogin))) var login: String

    func run() throws {
        try runStoreCommand {
            let store = try database.open()
            try store.removeUser(login, by: try database.actor(in: store))
            Terminal.out(L(.userRemoved, ["login": login]))
        }
    }
}

struct UserShowJSON: Encodable {
    var user: UserView?
    var access: PersonAccess
}
