import Foundation
import LKOCalendar
import LKOMessages

/// The access views for people, from the catalog: a right as «approve: сообщения и обращения в
/// roads с 10.03.2026 по 20.03.2026», where it comes from, statuses in words, days DD.MM.YYYY,
/// people by full name where known. The data (``AccessRight``, ``PersonAccess``,
/// ``AccessReview``) stays language-neutral.
public enum AccessText {
    /// An account's status (`active`, `disabled`, `removed`, `no account`) in words.
    public static func status(_ status: String) -> Message {
        switch status {
        case "active": Message(.accessStatusActive)
        case "disabled": Message(.accessStatusDisabled)
        case "removed": Message(.accessStatusRemoved)
        case "no account": Message(.accessStatusNoAccount)
        default: Message(.verbatim, ["text": .text(status)])
        }
    }

    /// An absence's status (`planned`, `in_progress`, `ended`, `cancelled`) in words.
    public static func absenceStatus(_ status: String) -> Message {
        switch status {
        case "planned": Message(.absStatusPlanned)
        case "in_progress": Message(.absStatusInProgress)
        case "ended": Message(.absStatusEnded)
        case "cancelled": Message(.absStatusCancelled)
        default: Message(.verbatim, ["text": .text(status)])
        }
    }

    /// `Иванова Мария Петровна (roads_specialist)`, or the login alone when no name is known.
    public static func person(_ login: String, _ name: String?) -> String {
        guard let name, !name.isEmpty, name != login else { return login }
        return "\(name) (\(login))"
    }

    /// A day as people read it (ISO 8601 in, DD.MM.YYYY out; anything else as it is).
    public static func day(_ iso: String) -> String {
        CalendarDate(iso: iso)?.peopleText ?? iso
    }

    /// Node paths for people: `roads, housing`, or the whole tree.
    static func nodes(_ nodes: [String]) -> Message.Argument {
        nodes.isEmpty || nodes == ["*"] ? .message(Message(.explainWholeTree)) : .text(nodes.joined(separator: ", "))
    }

    /// Which cases a right reaches: «любые сообщения и обращения», «назначенные ему … в roads».
    public static func reach(scope: String, nodes: [String]) -> Message {
        switch scope {
        case "any": Message(.accessReachAny)
        case "assigned": Message(.accessReachAssigned)
        case "assigned and granted": Message(.accessReachAssignedAndGranted, ["nodes": Self.nodes(nodes)])
        default: Message(.accessReachGranted, ["nodes": Self.nodes(nodes)])
        }
    }

    /// ` с 10.03.2026 по 20.03.2026` (each part only when there is one).
    public static func period(from: String?, until: String?) -> Message.Argument {
        let parts = [from.map { Message(.accessFrom, ["day": .text(day($0))]) }, until.map { Message(.accessUntil, ["day": .text(day($0))]) }].compactMap { $0 }
        return .messages(parts, separator: "")
    }

    /// `approve: сообщения и обращения в roads с 10.03.2026 по 20.03.2026`.
    public static func right(_ right: AccessRight) -> Message {
        Message(.accessRightLine, [
            "action": .text(right.action), "reach": .message(reach(scope: right.scope, nodes: right.nodes)), "period": period(from: right.from, until: right.until),
        ])
    }

    /// A role with its title: «Руководитель» (manager).
    public static func role(_ role: String, title: String?) -> Message.Argument {
        guard let title, !title.isEmpty else { return .text(role) }
        return .message(Message(.accessRoleNamed, ["role": .text(role), "title": .text(title)]))
    }

    /// Where a right comes from: the grant of a role (and where it is written), or an absence the
    /// person stands in for under an eligibility.
    public static func source(_ right: AccessRight) -> Message {
        guard right.kind == "absence", let absence = right.absence, let absentee = right.absentee else {
            guard let position = right.position else { return Message(.verbatim, ["text": .text(right.source)]) }
            return Message(.accessSourceGrant, ["role": role(right.role, title: right.roleTitle), "position": .text(position)])
        }
        return Message(.accessSourceAbsence, [
            "absence": .text("\(absence)"), "person": .text(person(absentee, right.absenteeName)), "position": .text(right.position ?? ""),
        ])
    }

    /// A right with the role it comes with (what a review's change names).
    public static func rightWithOrigin(_ right: AccessRight) -> Message {
        if right.kind == "absence", let absence = right.absence, let absentee = right.absentee {
            return Message(.accessViaAbsence, [
                "right": .message(Self.right(right)), "role": role(right.role, title: right.roleTitle), "absence": .text("\(absence)"),
                "person": .text(person(absentee, right.absenteeName)),
            ])
        }
        return Message(.accessViaGrant, ["right": .message(Self.right(right)), "role": role(right.role, title: right.roleTitle)])
    }
}
