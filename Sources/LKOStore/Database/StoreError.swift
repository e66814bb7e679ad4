import Foundation
import LKOMessages

/// Everything that can go wrong in the store, each with a message that says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case databaseMissing(path: String)
    case databaseExists(path: String)
    case notAnLKODatabase(path: String)
    case schemaTooNew(path: String)
    case busy(path: String)
    /// The database server cannot be reached or dropped the connection; the transaction did not commit.
    case databaseUnavailable(address: String, reason: String)
    /// The connection broke while the change was being committed and the server could not be
    /// asked afterwards whether it was: the history of the case shows it.
    case commitOutcomeUnknown(address: String)
    case unknownLogin(String)
    case loginTaken(String)
    case invalidLogin(String)
    /// A field (`full name`, `e-mail`, `--db`, …) and what is wrong with it, from the catalog.
    case invalidField(field: String, reason: Message)
    case weakPassword([String])
    case wrongPassword
    case currentPasswordWrong
    case accountLocked(until: Date)
    case accountDisabled(String)
    case accountRemoved(String)
    case notLoggedIn
    case sessionInvalid(String)
    /// Not allowed: the action (in English, for logs) and why, as messages of the catalog (the
    /// explanation `lko explain` gives, or why nobody but the first account may act yet).
    case denied(action: String, explanation: [Message])
    /// What keeps the account from being disabled or removed (the blockers' messages).
    case blocked(login: String, blockers: [Message])
    case policyRejected(String)
    case policyLockout
    case unknownVersion(String)
    /// More than one stored version starts with the reference.
    case ambiguousVersion(String, count: Int)
    /// A rollback to the version that is active already.
    case versionAlreadyActive(String)
    /// No policy has been applied yet (`lko show-policy` without a version).
    case noActivePolicy
    case nothingToRollBack
    case clockOverrideRefused
    case lastAdministrator(String)
    /// The sandbox flag of the database at `path` was changed outside lko.
    case tampered(path: String)

    public var description: String {
        switch self {
        case .databaseMissing(let path): "no lko database at \(path); create one with `lko init --db \(path)` or point --db / LKO_DB at an existing one"
        case .databaseExists(let path): "\(path) already exists; `lko init` never touches an existing database (choose another --db path, or remove the file if it is truly unwanted)"
        case .notAnLKODatabase(let path): "\(path) is not an lko database (another program's file, or not SQLite at all); check --db / LKO_DB"
        case .schemaTooNew(let path): "\(path) was written by a newer lko (its schema has migrations this binary does not know); upgrade lko to open it"
        case .busy(let path): "\(path) is locked by another lko process; try again when it finishes"
        case .databaseUnavailable(let address, let reason): "the database \(address) is unavailable (\(reason)); nothing was changed, try again later"
        case .commitOutcomeUnknown(let address): "the connection to \(address) broke while the change was being committed, and whether it was could not be checked; look at the case's history before repeating it"
        case .unknownLogin(let login): "no account `\(login)`; `lko user list` shows the accounts"
        case .loginTaken(let login): "an account `\(login)` exists already"
        case .invalidLogin(let login): "`\(login)` is not a valid login: use 1–64 ASCII letters, digits, `_`, `-`, starting with a letter (the same logins as in the policy's grants)"
        case .invalidField(let field, let reason): "invalid \(field): \(reason.render(.en))"
        case .weakPassword(let reasons): "the password is not accepted: " + reasons.joined(separator: "; ")
        case .wrongPassword: "wrong login or password"
        case .currentPasswordWrong: "the current password is wrong; nothing was changed"
        case .accountLocked(let until): "the account is locked after repeated failed logins until \(StoreClock.format(until)) UTC; try again later or ask an administrator"
        case .accountDisabled(let login): "the account `\(login)` is disabled; an administrator can enable it with `lko user enable \(login)`"
        case .accountRemoved(let login): "the account `\(login)` was removed: it is kept as a tombstone so that its name stays in the history, it can never sign in, be enabled or changed, and the login `\(login)` is never given to anyone else (choose another login)"
        case .notLoggedIn: "not logged in; run `lko login` (or set LKO_TOKEN)"
        case .sessionInvalid(let reason): "the session is not valid (\(reason)); run `lko login` again"
        case .denied(let action, let explanation): "not allowed to \(action)\n" + explanation.map { $0.render(.en) }.joined(separator: "\n")
        case .blocked(let login, let blockers): "`\(login)` cannot be removed or disabled while:\n" + blockers.map { "  - " + $0.render(.en) }.joined(separator: "\n")
        case .policyRejected(let reason): "the policy is not applied: \(reason)"
        case .policyLockout: "the policy is not applied: it leaves no active account able to `manage_policy` (that would lock everyone out of policy changes); grant a role with `allow manage_policy on any` to an active account"
        case .unknownVersion(let version): "no policy version `\(version)`; `lko history` lists them"
        case .ambiguousVersion(let version, let count): "`\(version)` is ambiguous: \(count) policy versions start with it; give more characters"
        case .versionAlreadyActive(let version): "\(version) is the active version already; nothing to roll back"
        case .noActivePolicy: "no policy is applied yet; apply one with `lko apply`"
        case .nothingToRollBack: "there is no earlier activation to roll back to"
        case .clockOverrideRefused: "LKO_NOW is set, but this is a production database: moving the clock is allowed only in a database created with `lko init --sandbox`"
        case .tampered(let path): "the sandbox setting of \(path) was changed outside lko (it no longer matches the audit chain); the database is not opened — restore it from a backup"
        case .lastAdministrator(let login): "`\(login)` is the only account that may change the policy; grant manage_policy to another active account first"
        }
    }

    public var errorDescription: String? { description }
}
