import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

/// The words staff read: the order's and ПОС's terms, dates as DD.MM.YYYY, times in the
/// organization's time zone.
public enum RussianText {
    /// The verb of a case action, as the console's buttons and messages say it.
    public static func action(_ action: String) -> String {
        switch action {
        case "moderate": "модерация"
        case "reject": "отклонение модератором"
        case "route", "admit": "поступление"
        case "assign": "назначить исполнителя"
        case "reassign": "переназначить"
        case "draft": "сохранить черновик ответа"
        case "submit": "направить на утверждение"
        case "approve": "утвердить"
        case "return": "вернуть на доработку"
        case "redirect": "перенаправить"
        case "extend": "продлить срок"
        case "reopen": "повторное рассмотрение"
        case "reclassify": "изменить категорию"
        case "handover": "передача замещающему"
        case "handback": "возврат после отсутствия"
        default: action
        }
    }

    /// A history line's event, in ПОС's wording (what happened, not the button).
    public static func event(_ action: String, toState: String) -> String {
        switch action {
        case "moderate": "Прошло модерацию"
        case "reject": "Отклонено модератором"
        case "route", "admit", "import": CaseState(rawValue: toState)?.title ?? "Поступило"
        case "assign": "Назначен исполнитель"
        case "reassign": "Исполнитель изменён"
        case "draft": "Подготовлен черновик ответа"
        case "submit": "Направлено на утверждение"
        case "approve": "Ответ утверждён и направлен заявителю"
        case "return": "Возвращено на доработку"
        case "redirect": "Перенаправлено"
        case "redirect_in": "Поступило по перенаправлению из другой ЛКО региона"
        case "extend": "Срок рассмотрения продлён"
        case "reopen": "Повторное рассмотрение"
        case "reclassify": "Категория изменена Координатором"
        case "handover": "Передано замещающему сотруднику"
        case "handback": "Возвращено после отсутствия"
        default: CaseState(rawValue: toState)?.title ?? action
        }
    }

    public static func answerKind(_ kind: String) -> String {
        switch kind {
        case "draft": "черновик"
        case "submitted": "направлен на утверждение"
        case "returned": "возвращён на доработку"
        case "approved": "утверждён и направлен заявителю"
        default: kind
        }
    }

    public static func violationKind(_ kind: String) -> String {
        switch kind {
        case "late_answer": "ответ направлен с нарушением срока"
        case "late_redirect": "перенаправление позже 7 дней (ч. 3 ст. 8 59-ФЗ)"
        case "late_extension": "продление после истечения срока"
        case "overdue_now": "просрочено сейчас"
        default: kind
        }
    }

    public static func regime(_ regime: Regime) -> String {
        regime == .appeal ? "Обращение (59-ФЗ)" : "Сообщение"
    }

    public static func absenceReason(_ reason: Absence.Reason) -> String {
        switch reason {
        case .vacation: "отпуск"
        case .sick: "больничный"
        case .businessTrip: "командировка"
        case .study: "учёба"
        case .other: "иное"
        }
    }

    /// `2026-03-06` → `06.03.2026`; anything unreadable is returned as it is.
    public static func date(iso: String?) -> String {
        guard let iso, let day = CalendarDate(iso: iso) else { return iso ?? "" }
        return date(day)
    }

    public static func date(_ day: CalendarDate) -> String {
        let parts = day.description.split(separator: "-")
        guard parts.count == 3 else { return day.description }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// `DD.MM.YYYY HH:MM` in `zone` (the organization's; Moscow when unknown).
    public static func time(_ date: Date, zone: String = "Europe/Moscow") -> String {
        let timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "Europe/Moscow")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(pad(c.day)).\(pad(c.month)).\(c.year ?? 0) \(pad(c.hour)):\(pad(c.minute))"
    }

    /// A stored UTC timestamp (`2026-03-02T09:00:00Z`) in the organization's zone.
    public static func time(stored: String, zone: String) -> String {
        StoreClock.parse(stored).map { time($0, zone: zone) } ?? stored
    }

    /// "3 рабочих дня" with the right form of the noun.
    public static func workingDays(_ count: Int) -> String {
        "\(count) \(plural(count, "рабочий день", "рабочих дня", "рабочих дней"))"
    }

    public static func plural(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        RussianPlural.form(count, one, few, many)
    }

    static func fieldName(_ field: String) -> String {
        fieldMessage(field).render(.ru)
    }

    /// A store field's name for people.
    static func fieldMessage(_ field: String) -> Message {
        switch field {
        case "full name": Message(.fieldFullName)
        case "position": Message(.fieldPosition)
        case "department": Message(.fieldDepartment)
        case "e-mail": Message(.fieldEmail)
        case "audit key": Message(.fieldNameAuditKey)
        case "audit": Message(.fieldNameAudit)
        case "checkpoint": Message(.fieldNameCheckpoint)
        case "backup": Message(.fieldNameBackup)
        default: Message(.verbatim, ["text": .text(field)])
        }
    }

    static func passwordRule(_ text: String) -> String {
        passwordRuleMessage(text).render(.ru)
    }

    /// One of the password rules (LKOAccounts writes them in English).
    static func passwordRuleMessage(_ text: String) -> Message {
        if text.hasPrefix("The password has"), text.contains("at least") {
            let digits = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
            return Message(.passwordTooShort, ["minimum": .text("\(digits.last ?? 12)")])
        }
        if text.hasPrefix("The password has") { return Message(.passwordTooLong) }
        if text.contains("contains the login") { return Message(.passwordContainsLogin) }
        if text.contains("same as the current") { return Message(.passwordSameAsCurrent) }
        return Message(.verbatim, ["text": .text(text)])
    }
}
