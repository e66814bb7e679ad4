import Foundation
import LKOCalendar
import LKOMessages
import LKOWorkflow

/// What people read of an audit entry: a title per kind of event in the order's and ПОС's words
/// («Создание базы данных», «Назначение исполнителя»), and the details with labels. The
/// identifiers (`database.init`, `case.assign`, `sandbox=yes`) stay what JSON and CSV carry.
public enum AuditText {
    /// The title of an event kind; nil for one this version does not know (show the identifier).
    public static func title(_ action: String) -> Message? {
        let keys: [String: MessageKey] = [
            "database.init": .auditEvDatabaseInit, "audit.baseline": .auditEvAuditBaseline,
            "login": .auditEvLogin, "login.failed": .auditEvLoginFailed, "login.refused": .auditEvLoginRefused, "logout": .auditEvLogout,
            "denied": .auditEvDenied,
            "user.add": .auditEvUserAdd, "user.disable": .auditEvUserDisable, "user.enable": .auditEvUserEnable, "user.remove": .auditEvUserRemove,
            "user.unlock": .auditEvUserUnlock, "user.locked": .auditEvUserLocked, "user.passwd": .auditEvUserPasswd, "user.rehash": .auditEvUserRehash,
            "policy.apply": .auditEvPolicyApply, "policy.rollback": .auditEvPolicyRollback, "access.review": .auditEvAccessReview,
            "pos.import": .auditEvPOSImport, "pos.applied": .auditEvPOSApplied,
            "case.import": .auditEvCaseImport, "case.import.batch": .auditEvCaseImportBatch,
            "case.moderate": .auditEvCaseModerate, "case.reject": .auditEvCaseReject, "case.assign": .auditEvCaseAssign, "case.reassign": .auditEvCaseReassign,
            "case.draft": .auditEvCaseDraft, "case.submit": .auditEvCaseSubmit, "case.approve": .auditEvCaseApprove, "case.return": .auditEvCaseReturn,
            "case.redirect": .auditEvCaseRedirect, "case.extend": .auditEvCaseExtend, "case.reopen": .auditEvCaseReopen, "case.reclassify": .auditEvCaseReclassify,
            "case.handover": .auditEvCaseHandover, "case.handback": .auditEvCaseHandback, "case.receive": .auditEvCaseReceive,
            "region.add": .auditEvRegionAdd,
            "absence.add": .auditEvAbsenceAdd, "absence.change": .auditEvAbsenceChange, "absence.cancel": .auditEvAbsenceCancel, "absence.end": .auditEvAbsenceEnd,
            "absence.start": .auditEvAbsenceStart, "absence.finish": .auditEvAbsenceFinish, "absence.past": .auditEvAbsencePast,
        ]
        return keys[action].map { Message($0) }
    }

    /// The label of a detail; nil for one this version does not know (show the key).
    static func label(_ key: String) -> MessageKey? {
        let keys: [String: MessageKey] = [
            "sandbox": .auditDlSandbox, "role": .auditDlRole, "reason": .auditDlReason, "from": .auditDlFrom, "to": .auditDlTo, "assignee": .auditDlAssignee,
            "login": .auditDlLogin, "substitute": .auditDlSubstitute, "until": .auditDlUntil, "absence": .auditDlAbsence, "moved": .auditDlMoved,
            "returned": .auditDlReturned, "last_day": .auditDlLastDay, "was_locked": .auditDlWasLocked, "tombstone": .auditDlTombstone,
            "message": .auditDlMessage, "previous": .auditDlPrevious, "version": .auditDlVersion, "policy": .auditDlPolicy, "day": .auditDlDay,
            "failures": .auditDlFailures, "kind": .auditDlKind, "late_days": .auditDlLateDays, "via": .auditDlVia, "from_node": .auditDlFromNode,
            "to_node": .auditDlToNode, "by": .auditDlBy, "position": .auditDlPosition, "department": .auditDlDepartment, "file": .auditDlFile,
            "rows": .auditDlRows, "inserted": .auditDlInserted, "moderated": .auditDlModerated, "unchanged": .auditDlUnchanged, "bad": .auditDlBad,
            "changed": .auditDlChanged, "before": .auditDlBefore, "after": .auditDlAfter, "action": .auditDlAction, "grants_added": .auditDlGrantsAdded,
            "grants_removed": .auditDlGrantsRemoved, "active": .auditDlActive, "as_of": .auditDlAsOf, "git_commit": .auditDlGitCommit,
            "git_clean": .auditDlGitClean, "batch": .auditDlBatch, "first": .auditDlFirst, "last": .auditDlLast, "lines": .auditDlLines,
        ]
        return keys[key]
    }

    /// The label of a detail of an event: an absence's `from` is its first day, a case's the
    /// state (or holder) before.
    static func label(_ key: String, action: String) -> MessageKey? {
        if key == "from", action.hasPrefix("absence.") { return .auditDlSince }
        return label(key)
    }

    /// Values lko writes in words (`initial administrator`, a refused login's reason).
    static let valueKeys: [String: MessageKey] = [
        "initial administrator": .auditValInitialAdministrator, "unknown login": .auditValUnknownLogin, "removed account": .auditValRemovedAccount,
        "locked": .auditValLocked, "disabled": .auditValDisabled, "no policy applied yet": .auditValNoPolicy, "not_executor": .auditValNotExecutor,
    ]

    /// The details of an entry for people, one message each, in the order of their keys (empty
    /// ones left out): a label and the value, with yes/no, days (DD.MM.YYYY), case states,
    /// absence reasons and the coordinator's queue in words. A lone free text (`{"text": …}`) is
    /// shown as it is.
    public static func details(_ details: [String: String], action: String, names: (String) -> String? = { _ in nil }) -> [Message] {
        if details.count == 1, let text = details["text"] { return [Message(.verbatim, ["text": .text(text)])] }
        return details.keys.sorted().filter { !(details[$0] ?? "").isEmpty }.map { key in
            let label: Message.Argument = label(key, action: action).map { .message(Message($0)) } ?? .text(key)
            return Message(.auditDetailPair, ["label": label, "value": value(details[key] ?? "", key: key, action: action, names: names)])
        }
    }

    static let personKeys: Set<String> = ["login", "substitute", "assignee", "by"]

    static func value(_ value: String, key: String, action: String, names: (String) -> String?) -> Message.Argument {
        switch value {
        case "yes": return .message(Message(.auditYes))
        case "no": return .message(Message(.auditNo))
        case "open-ended": return .message(Message(.openEnded))
        default: break
        }
        if let key = valueKeys[value] { return .message(Message(key)) }
        if let day = CalendarDate(iso: value) { return .text(day.peopleText) }
        // A case's states before and after (`case.*`), its holders (`case.handover`/`handback`).
        if action.hasPrefix("case."), key == "from" || key == "to" {
            if let state = CaseState(rawValue: value), action != "case.handover", action != "case.handback" { return .pair(ru: state.title, en: value) }
            if value == "coordinator" { return .message(Message(.coordinatorQueue)) }
            if let name = names(value) { return .pair(ru: name, en: value) }
        }
        if key == "reason", let reason = Absence.Reason(rawValue: value) { return .pair(ru: RussianText.absenceReason(reason), en: value) }
        if personKeys.contains(key), let name = names(value) { return .pair(ru: name, en: value) }
        // `user.passwd` by the account itself (`by: self`).
        if key == "by", value == "self" { return .pair(ru: "сам сотрудник", en: "self") }
        return .text(value)
    }
}
