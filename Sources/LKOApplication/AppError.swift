import Foundation
import LKOStore
import LKOWorkflow
import LKOMessages

/// Why a use case refused, in a form both shells can act on: a kind (which the HTTP shell maps
/// to a status and the CLI to an exit code), a stable code for machines, a message in Russian
/// for people, and the request field at fault, when there is one.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No valid session (missing, malformed, expired, revoked).
        case unauthenticated
        /// Known caller, not allowed.
        case forbidden
        /// Nothing there — or nothing the caller may see (never says which).
        case notFound
        /// The request is malformed or breaks a rule; `field` names what to fix.
        case invalid
        /// The state of things forbids it now (case state, an existing login, a started absence).
        case conflict
        /// The account is locked after repeated failed logins.
        case locked
        /// Another process holds the database; try again.
        case busy
    }

    public var kind: Kind
    public var code: String
    /// In Russian: what the HTTP API and the console show.
    public var message: String
    public var field: String?
    /// Extra lines for people (an explanation chain, a list of blockers), in Russian.
    public var details: [String]
    /// The message in the catalog, when it came from there (then the CLI can show it in
    /// English too); nil for a message that came as text (over the API, or from a lower layer).
    public var text: Message?
    /// The detail lines in the catalog, when they came from there (a refused plan's errors);
    /// `details` is their Russian.
    public var detailTexts: [Message] = []
    /// Whether the CLI shows ``detailTexts`` as a list (`  - ` before each: a plan's errors, an
    /// account's blockers) or as lines that carry their own layout (an explanation chain, failed
    /// policy tests, compiler diagnostics).
    public var detailsListed = true

    public init(_ kind: Kind, code: String, message: String, field: String? = nil, details: [String] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    /// An error whose message comes from the catalog.
    public init(_ kind: Kind, code: String, _ text: Message, field: String? = nil, details: [String] = []) {
        self.init(kind, code: code, message: text.render(.ru), field: field, details: details)
        self.text = text
    }

    /// An error whose message and detail lines come from the catalog.
    public init(_ kind: Kind, code: String, _ text: Message, field: String? = nil, detailTexts: [Message]) {
        self.init(kind, code: code, text, field: field, details: detailTexts.map { $0.render(.ru) })
        self.detailTexts = detailTexts
    }

    /// An error whose message and detail lines come from the catalog, the lines shown as they
    /// are (not as a list).
    public init(_ kind: Kind, code: String, _ text: Message, field: String? = nil, detailLines: [Message]) {
        self.init(kind, code: code, text, field: field, detailTexts: detailLines)
        detailsListed = false
    }

    public var description: String { ([message] + details).joined(separator: "\n") }

    /// The message in a language (Russian when the catalog has no English twin for it).
    public func message(in language: Language) -> String {
        text?.render(language) ?? message
    }

    /// The message and the detail lines, in a language (lines from the catalog as a list).
    public func description(in language: Language) -> String {
        let lines = detailTexts.isEmpty ? details : detailTexts.map { (detailsListed ? "  - " : "") + $0.render(language) }
        return ([message(in: language)] + lines).joined(separator: "\n")
    }

    /// A malformed request, written in Russian only (the HTTP shell's own checks of its input:
    /// people never read them in the CLI).
    public static func invalid(_ message: String, field: String? = nil, code: String = "invalid") -> AppError {
        AppError(.invalid, code: code, message: message, field: field)
    }

    /// A malformed request or a broken rule, with the field to fix.
    public static func invalid(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:], field: String? = nil, code: String = "invalid") -> AppError {
        AppError(.invalid, code: code, Message(key, arguments), field: field)
    }

    public static let caseNotFound = AppError(.notFound, code: "case_not_found", Message(.caseNotFound))
    public static let notFound = AppError(.notFound, code: "not_found", Message(.notFound))
    public static let unauthenticated = AppError(.unauthenticated, code: "unauthenticated", Message(.unauthenticated))
}

extension AppError {
    /// Translates an error from the layers below. Anything unexpected becomes a rethrow, so the
    /// shells report it as their own failure (500 / exit 1) and log it.
    public static func from(_ error: any Error) -> (any Error) {
        switch error {
        case let error as AppError: return error
        case let error as StoreError: return from(store: error)
        case let error as WorkflowError: return from(workflow: error)
        case let error as Store.PolicyRefusal:
            return AppError(.invalid, code: "policy_rejected", Message(.policyRejected, ["reason": .message(error.reason)]), detailLines: error.lines)
        default: return error
        }
    }

    static func from(store error: StoreError) -> AppError {
        switch error {
        case .wrongPassword: AppError(.unauthenticated, code: "wrong_password", Message(.wrongPassword))
        case .currentPasswordWrong: AppError(.invalid, code: "current_password_wrong", Message(.currentPasswordWrong), field: "current_password")
        case .accountLocked(let until): AppError(.locked, code: "account_locked", Message(.accountLocked, ["until": .text(RussianText.time(until))]))
        case .accountDisabled: AppError(.forbidden, code: "account_disabled", Message(.accountDisabled))
        case .accountRemoved(let login): AppError(.conflict, code: "account_removed", Message(.accountRemoved, ["login": .text(login)]), field: "login")
        case .notLoggedIn: unauthenticated
        case .sessionInvalid: AppError(.unauthenticated, code: "session_invalid", Message(.sessionInvalid))
        case .denied(_, let explanation): AppError(.forbidden, code: "forbidden", Message(.forbidden), detailLines: explanation)
        case .unknownLogin(let login): AppError(.notFound, code: "unknown_login", Message(.unknownLogin, ["login": .text(login)]), field: "login")
        case .loginTaken(let login): AppError(.conflict, code: "login_taken", Message(.loginTaken, ["login": .text(login)]), field: "login")
        case .invalidLogin: AppError(.invalid, code: "invalid_login", Message(.invalidLogin), field: "login")
        case .invalidField(let field, let reason):
            AppError(.invalid, code: "invalid_field", Message(.invalidField, ["field": .message(RussianText.fieldMessage(field)), "reason": .message(reason)]), field: apiFieldName(field))
        case .weakPassword(let reasons):
            AppError(.invalid, code: "weak_password", Message(.weakPassword, ["reasons": .messages(reasons.map(RussianText.passwordRuleMessage), separator: "; ")]), field: "new_password")
        case .blocked(let login, let blockers): AppError(.conflict, code: "blocked", Message(.blocked, ["login": .text(login)]), detailTexts: blockers)
        case .lastAdministrator: AppError(.conflict, code: "last_administrator", Message(.lastAdministrator))
        case .policyRejected(let reason): AppError(.invalid, code: "policy_rejected", Message(.policyRejected, ["reason": .text(reason)]))
        case .policyLockout: AppError(.invalid, code: "policy_lockout", Message(.policyLockout))
        case .unknownVersion(let version): AppError(.notFound, code: "unknown_version", Message(.unknownVersion, ["version": .text(version)]), field: "version")
        case .ambiguousVersion(let version, let count):
            AppError(.notFound, code: "unknown_version", Message(.errVersionAmbiguous, ["version": .text(version), "count": .text("\(count)")]), field: "version")
        case .versionAlreadyActive(let version): AppError(.conflict, code: "nothing_to_roll_back", Message(.errVersionAlreadyActive, ["version": .text(version)]), field: "version")
        case .noActivePolicy: AppError(.conflict, code: "no_active_policy", Message(.noActivePolicy))
        case .nothingToRollBack: AppError(.conflict, code: "nothing_to_roll_back", Message(.nothingToRollBack))
        case .busy: AppError(.busy, code: "busy", Message(.busy))
        case .commitOutcomeUnknown(let address):
            AppError(.busy, code: "commit_outcome_unknown", Message(.errCommitOutcomeUnknown, ["address": .text(address)]))
        case .databaseUnavailable(let address, let reason):
            AppError(.busy, code: "database_unavailable", Message(.errDatabaseUnavailable, ["address": .text(address), "reason": .text(reason)]))
        // The database file itself: one code, a message per cause.
        case .databaseMissing(let path): AppError(.conflict, code: "database", Message(.errDatabaseMissing, ["path": .text(path)]))
        case .databaseExists(let path): AppError(.conflict, code: "database", Message(.errDatabaseExists, ["path": .text(path)]))
        case .notAnLKODatabase(let path): AppError(.conflict, code: "database", Message(.errNotAnLKODatabase, ["path": .text(path)]))
        case .schemaTooNew(let path): AppError(.conflict, code: "database", Message(.errSchemaTooNew, ["path": .text(path)]))
        case .clockOverrideRefused: AppError(.conflict, code: "database", Message(.errClockOverrideRefused))
        case .tampered(let path): AppError(.conflict, code: "database", Message(.errSandboxTampered, ["path": .text(path)]))
        }
    }

    /// The request field a store field name stands for.
    static func apiFieldName(_ field: String) -> String {
        switch field {
        case "full name": "full_name"
        case "e-mail": "email"
        default: field.replacingOccurrences(of: " ", with: "_")
        }
    }

    /// The same error, naming another request field (a rule shared by several forms).
    public func naming(_ field: String) -> AppError {
        var copy = self
        copy.field = field
        return copy
    }

    static func from(workflow error: WorkflowError) -> AppError {
        switch error {
        case .noActivePolicy: AppError(.conflict, code: "no_active_policy", Message(.noActivePolicy))
        case .unknownCase: caseNotFound
        case .denied(_, let explanation): AppError(.forbidden, code: "forbidden", Message(.forbidden), detailLines: explanation)
        case .stateForbids(let action, let state, _):
            AppError(.conflict, code: "state_forbids", Message(.stateForbids, ["action": .pair(ru: RussianText.action(action), en: action), "state": .pair(ru: state.title, en: state.rawValue)]))
        case .separationOfDuties:
            AppError(.forbidden, code: "separation_of_duties", Message(.separationOfDuties))
        // Whether it does not exist or is someone else's, the caller learns the same.
        case .absenceNotFound: AppError(.notFound, code: "absence_not_found", Message(.absenceNotFound))
        case .invalid(_, let message): AppError(.invalid, code: "invalid", message)
        case .planRefused:
            AppError(.invalid, code: "invalid", error.message ?? Message(.absErrNotRecorded), detailTexts: error.planErrors)
        case .notExecutor(let login, let node, let day):
            AppError(.invalid, code: "not_executor", Message(.notExecutor, ["login": .text(login), "node": .text(node), "day": .text(RussianText.date(iso: day))]), field: "to")
        case .calendar(let message): AppError(.conflict, code: "calendar", message)
        }
    }
}
