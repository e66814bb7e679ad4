import Foundation
import LKOAccounts
import LKOStore
import LKOMessages

/// An account as the administrator sees it.
public struct UserView: Sendable, Codable, Equatable {
    public var login: String
    public var fullName: String
    public var position: String
    public var department: String
    public var email: String
    public var status: String
    public var statusTitle: String
    public var locked: Bool
    public var lockedUntilText: String?
    public var failedLogins: Int

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case position, department, email, status
        case statusTitle = "status_title"
        case locked
        case lockedUntilText = "locked_until_text"
        case failedLogins = "failed_logins"
    }
}

public struct NewUserInput: Sendable, Equatable {
    public var login: String
    public var fullName: String
    public var position: String
    public var department: String
    public var email: String
    public var password: String

    public init(login: String, fullName: String, position: String = "", department: String = "", email: String = "", password: String) {
        self.login = login
        self.fullName = fullName
        self.position = position
        self.department = department
        self.email = email
        self.password = password
    }
}

extension LKOService {
    /// Every account (`manage_users`).
    public func users(_ caller: Caller) throws -> [UserView] {
        try run { try store.users(by: caller.account).map(userView).sorted { $0.fullName < $1.fullName } }
    }

    public func user(_ caller: Caller, login: String) throws -> UserView {
        try run { userView(try store.user(login, by: caller.account)) }
    }

    public func addUser(_ caller: Caller, _ input: NewUserInput) throws -> UserView {
        try run {
            guard !input.password.isEmpty else { throw AppError.invalid(.errSetInitialPassword, field: "password") }
            try Self.namingPassword { try store.addUser(by: caller.account, NewAccount(login: input.login, fullName: input.fullName, position: input.position, department: input.department, email: input.email), password: input.password) }
            return userView(try store.user(input.login, by: caller.account))
        }
    }

    public func setUserEnabled(_ caller: Caller, login: String, enabled: Bool) throws -> UserView {
        try run {
            try store.setStatus(login, to: enabled ? .active : .disabled, by: caller.account)
            return userView(try store.user(login, by: caller.account))
        }
    }

    public func unlockUser(_ caller: Caller, login: String) throws -> UserView {
        try run {
            try store.unlock(login, by: caller.account)
            return userView(try store.user(login, by: caller.account))
        }
    }

    /// Sets someone else's password (`manage_users`); their sessions end.
    public func resetPassword(_ caller: Caller, login: String, password: String) throws {
        try run {
            guard login != caller.login else {
                throw AppError.invalid(.errOwnPasswordElsewhere, field: "login")
            }
            guard !password.isEmpty else { throw AppError.invalid(.errSetNewPassword, field: "password") }
            try Self.namingPassword { try store.changePassword(of: login, to: password, by: caller.account) }
        }
    }

    /// A weak password here is the form's `password` field (not `new_password`).
    static func namingPassword(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            guard case .weakPassword = error else { throw error }
            throw AppError.from(store: error).naming("password")
        }
    }

    func userView(_ account: Account) -> UserView {
        let now = store.clock.now()
        let until = account.lockedUntil.flatMap(StoreClock.parse).flatMap { $0 > now ? $0 : nil }
        return UserView(
            login: account.login, fullName: account.fullName, position: account.position, department: account.department, email: account.email,
            status: account.status.rawValue, statusTitle: account.status == .active ? "активна" : "отключена",
            locked: until != nil, lockedUntilText: until.map { RussianText.time($0, zone: timeZone) }, failedLogins: account.failedLogins
        )
    }
}
