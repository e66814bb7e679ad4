import Foundation
import LKOAccounts
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

/// The authenticated person a request acts as.
public struct Caller: Sendable, Equatable {
    public var account: Account
    public var login: String { account.login }

    public init(account: Account) {
        self.account = account
    }
}

/// A new session: the token is shown once (a cookie or a bearer token); only its hash is stored.
public struct NewSession: Sendable {
    public var token: String
    public var me: Me
}

/// The caller as the console and `whoami` show them: who they are and which parts of the
/// order they work in today.
public struct Me: Sendable, Codable, Equatable {
    public var login: String
    public var fullName: String
    public var position: String
    public var department: String
    public var sandbox: Bool
    /// The policy's roles the person holds today (`executor`, `coordinator`, …).
    public var roles: [String]
    /// What the person may do anywhere today: the console shows the matching pages.
    public var can: Capabilities

    public struct Capabilities: Sendable, Codable, Equatable {
        public var draft: Bool
        public var approve: Bool
        public var assign: Bool
        public var report: Bool
        public var manageUsers: Bool
        public var managePolicy: Bool
        public var manageDelegations: Bool
        public var viewAudit: Bool

        enum CodingKeys: String, CodingKey {
            case draft, approve, assign, report
            case manageUsers = "manage_users"
            case managePolicy = "manage_policy"
            case manageDelegations = "manage_delegations"
            case viewAudit = "view_audit"
        }
    }

    enum CodingKeys: String, CodingKey {
        case login
        case fullName = "full_name"
        case position, department, sandbox, roles, can
    }
}

extension LKOService {
    /// Checks the password (with the lockout) and opens a session.
    public func login(_ login: String, password: String) throws -> NewSession {
        try run {
            guard !login.isEmpty, login.utf8.count <= 256 else { throw AppError.invalid(.errEnterLogin, field: "login") }
            guard !password.isEmpty, password.utf8.count <= 4096 else { throw AppError.invalid(.errEnterPassword, field: "password") }
            let token = try store.login(login, password: password)
            let account = try store.authenticate(token: token.text)
            return NewSession(token: token.text, me: try me(Caller(account: account)))
        }
    }

    /// The caller behind a session token (cookie or bearer).
    public func authenticate(token: String) throws -> Caller {
        try run {
            guard !token.isEmpty, token.utf8.count <= 512 else { throw AppError.unauthenticated }
            return Caller(account: try store.authenticate(token: token))
        }
    }

    public func logout(token: String) throws {
        try run { try store.logout(token: token) }
    }

    /// Changing one's own password needs the current one. Every session of the account ends;
    /// the returned one replaces the caller's.
    public func changeOwnPassword(_ caller: Caller, current: String, new: String) throws -> NewSession {
        try run {
            guard !current.isEmpty else { throw AppError.invalid(.errEnterCurrentPassword, field: "current_password") }
            guard !new.isEmpty else { throw AppError.invalid(.errEnterNewPassword, field: "new_password") }
            let token = try store.changeOwnPassword(caller.account, current: current, new: new)
            let account = try store.authenticate(token: token.text)
            return NewSession(token: token.text, me: try me(Caller(account: account)))
        }
    }

    /// Who the caller is and what they may do today.
    public func me(_ caller: Caller) throws -> Me {
        try run {
            let active = try store.activePolicy()
            let day = store.today(policy: active?.policy)
            func can(_ action: Action) -> Bool {
                guard let policy = active?.policy else { return caller.account.isBootstrap && action.isAdministrative }
                return policy.holds(caller.login, action, on: day)
            }
            let roles = active.map { active in
                Array(Set(active.policy.tables.grants.filter { $0.login == caller.login && PolicyFacts.valid(from: $0.from, until: $0.until, on: day) }.map(\.role))).sorted()
            } ?? []
            let account = caller.account
            return Me(
                login: account.login, fullName: account.fullName, position: account.position, department: account.department,
                sandbox: store.isSandbox, roles: roles,
                can: .init(draft: can(.draft), approve: can(.approve), assign: can(.assign), report: can(.report), manageUsers: can(.manageUsers),
                           managePolicy: can(.managePolicy), manageDelegations: can(.manageDelegations), viewAudit: can(.viewAudit))
            )
        }
    }
}
