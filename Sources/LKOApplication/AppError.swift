import Foundation
import LKOStore
import LKOWorkflow

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
    public var message: String
    public var field: String?
    /// Extra lines for people (an explanation chain, a list of blockers).
    public var details: [String]

    public init(_ kind: Kind, code: String, message: String, field: String? = nil, details: [String] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
        self.details = details
    }

    public var description: String { ([message] + details).joined(separator: "\n") }

    public static func invalid(_ message: String, field: String? = nil, code: String = "invalid") -> AppError {
        AppError(.invalid, code: code, message: message, field: field)
    }

    public static let caseNotFound = AppError(.notFound, code: "case_not_found", message: "Сообщение или обращение не найдено.")
    public static let notFound = AppError(.notFound, code: "not_found", message: "Не найдено.")
    public static let unauthenticated = AppError(.unauthenticated, code: "unauthenticated", message: "Требуется вход в систему.")
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
            return AppError(.invalid, code: "policy_rejected", message: "Политика не применена: \(RussianText.policyReason(error.reason)).", details: error.details.isEmpty ? [] : error.details.components(separatedBy: "\n"))
        default: return error
        }
    }

    static func from(store error: StoreError) -> AppError {
        switch error {
        case .wrongPassword: AppError(.unauthenticated, code: "wrong_password", message: "Неверное имя пользователя или пароль.")
        case .currentPasswordWrong: AppError(.invalid, code: "current_password_wrong", message: "Текущий пароль указан неверно; пароль не изменён.", field: "current_password")
        case .accountLocked(let until): AppError(.locked, code: "account_locked", message: "Учётная запись заблокирована после нескольких неудачных попыток входа до \(RussianText.time(until)). Попробуйте позже или обратитесь к администратору.")
        case .accountDisabled: AppError(.forbidden, code: "account_disabled", message: "Учётная запись отключена; обратитесь к администратору ЛКО.")
        case .accountRemoved(let login): AppError(.conflict, code: "account_removed", message: "Учётная запись «\(login)» удалена: она хранится только для истории, войти в неё, включить или изменить её нельзя, а логин не выдаётся повторно.", field: "login")
        case .notLoggedIn: unauthenticated
        case .sessionInvalid: AppError(.unauthenticated, code: "session_invalid", message: "Сеанс завершён или недействителен; войдите снова.")
        case .denied(_, let explanation): AppError(.forbidden, code: "forbidden", message: "Недостаточно прав для этого действия.", details: explanation)
        case .unknownLogin(let login): AppError(.notFound, code: "unknown_login", message: "Нет учётной записи «\(login)».", field: "login")
        case .loginTaken(let login): AppError(.conflict, code: "login_taken", message: "Учётная запись «\(login)» уже существует.", field: "login")
        case .invalidLogin: AppError(.invalid, code: "invalid_login", message: "Логин: 1–64 латинские буквы, цифры, «_» или «-», начиная с буквы.", field: "login")
        case .invalidField(let field, let reason): AppError(.invalid, code: "invalid_field", message: "Поле «\(RussianText.fieldName(field))»: \(reason).", field: apiFieldName(field))
        case .weakPassword(let reasons): AppError(.invalid, code: "weak_password", message: "Пароль не принят: " + reasons.map(RussianText.passwordRule).joined(separator: "; ") + ".", field: "new_password")
        case .blocked(let login, let blockers): AppError(.conflict, code: "blocked", message: "Учётную запись «\(login)» нельзя отключить или удалить, пока:", details: blockers)
        case .lastAdministrator: AppError(.conflict, code: "last_administrator", message: "Это единственная учётная запись, которая может менять политику; сначала дайте право manage_policy другой.")
        case .policyRejected(let reason): AppError(.invalid, code: "policy_rejected", message: "Политика не применена: \(reason).")
        case .policyLockout: AppError(.invalid, code: "policy_lockout", message: "Политика не применена: после неё ни одна активная учётная запись не сможет менять политику (manage_policy).")
        case .unknownVersion(let version): AppError(.notFound, code: "unknown_version", message: "Нет версии политики «\(version)».", field: "version")
        case .nothingToRollBack: AppError(.conflict, code: "nothing_to_roll_back", message: "Нет более ранней версии политики, к которой можно вернуться.")
        case .busy: AppError(.busy, code: "busy", message: "База данных занята другим процессом; повторите запрос.")
        case .databaseMissing, .databaseExists, .notAnLKODatabase, .schemaTooNew, .clockOverrideRefused, .tampered:
            AppError(.conflict, code: "database", message: error.description)
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
        case .noActivePolicy: AppError(.conflict, code: "no_active_policy", message: "В базе нет действующей политики; администратор ЛКО применяет её командой `lko apply`.")
        case .unknownCase: caseNotFound
        case .denied(_, let explanation): AppError(.forbidden, code: "forbidden", message: "Недостаточно прав для этого действия.", details: explanation)
        case .stateForbids(let action, let state, _):
            AppError(.conflict, code: "state_forbids", message: "Действие «\(RussianText.action(action))» невозможно: сообщение в статусе «\(state.title)».")
        case .separationOfDuties:
            AppError(.forbidden, code: "separation_of_duties", message: "Разделение обязанностей (п. 12 распоряжения): тот, кто подготовил или направил ответ на утверждение, не может сам его утвердить или вернуть — это делает другой Руководитель или Куратор.")
        case .invalid(let message) where message.hasPrefix("no absence #"):
            AppError(.notFound, code: "absence_not_found", message: "Такого отсутствия нет.")
        case .invalid(let message): AppError(.invalid, code: "invalid", message: RussianText.workflowMessage(message))
        case .notExecutor(let login, let node, let day):
            AppError(.invalid, code: "not_executor", message: "«\(login)» не является исполнителем по «\(node)» на \(RussianText.date(iso: day)); назначать можно только исполнителей (п. 9 распоряжения).", field: "to")
        case .calendar(let message): AppError(.conflict, code: "calendar", message: message)
        }
    }
}
