import Foundation
import LKOApplication
import LKOMessages

/// Accounts, sessions, policy versions and the audit log.
enum AdminRender {
    static func whoami(_ me: Me) -> String {
        "\(me.login) — \(me.fullName)" + (me.position.isEmpty ? "" : ", \(me.position)") + (me.sandbox ? " [" + L(.sandbox) + "]" : "")
    }

    static func statusText(_ user: UserView) -> String {
        var parts = [Language.current == .ru ? user.statusTitle : user.status]
        if user.locked { parts.append(L(.lockedUntil, ["until": user.lockedUntilText ?? "?"])) }
        return parts.joined(separator: ", ")
    }

    static func users(_ users: [UserView], format: OutputFormat, dialect: CSVDialect) throws {
        let columns: [Column<UserView>] = [
            Column(key: "login", title: L(.columnLogin)) { $0.login },
            Column(key: "full_name", title: L(.columnFullName)) { $0.fullName },
            Column(key: "position", title: L(.columnPosition)) { $0.position },
            Column(key: "status", title: L(.columnStatus)) { format == .csv && dialect == .rfc4180 ? $0.status : statusText($0) },
        ]
        try RowReport(title: L(.titleUsers), columns: columns, rows: users, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(users, key: "users")
        }
    }

    static func user(_ user: UserView) -> String {
        let rows: [(MessageKey, String)] = [
            (.columnLogin, user.login), (.columnFullName, user.fullName), (.columnPosition, user.position),
            (.fieldDepartment, user.department), (.fieldEmail, user.email), (.columnStatus, statusText(user)),
        ]
        let labels = rows.map { L($0.0) }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, rows).map { $0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $1.1 }.joined(separator: "\n")
    }

    static func versions(_ history: [PolicyVersionView], format: OutputFormat, dialect: CSVDialect) throws {
        if history.isEmpty, format == .text { Terminal.out(L(.noPolicyYet)); return }
        let machine = format == .csv && dialect == .rfc4180
        let columns: [Column<PolicyVersionView>] = [
            Column(key: "activation", title: "#") { "\($0.activation)" + ($0.isActive ? " *" : "") },
            Column(key: "at", title: L(.columnWhen)) { machine ? $0.at : $0.atText },
            Column(key: "kind", title: L(.columnKind)) { machine ? $0.kind : L($0.kind == "rollback" ? .historyKindRollback : .historyKindApply) },
            Column(key: "version", title: L(.columnVersion)) { "v\($0.versionID) \($0.version.prefix(19))…" },
            Column(key: "actor", title: L(.columnWho)) { machine ? $0.actor : CaseRender.name($0.actor, $0.actorName) },
            Column(key: "message", title: L(.columnComment)) { $0.message },
            Column(key: "git_commit", title: "git") { entry in entry.gitCommit.map { String($0.prefix(12)) + (entry.gitClean == false ? (machine ? " (dirty)" : L(.historyUncommitted)) : "") } ?? "" },
        ]
        try RowReport(title: L(.titleHistory), columns: columns, rows: history, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(history, key: "versions")
        }
    }

    static func audit(_ entries: [AuditEntryView], format: OutputFormat, dialect: CSVDialect) throws {
        let machine = format == .csv && dialect == .rfc4180
        let language = Language.current
        func title(_ entry: AuditEntryView) -> String { AuditText.title(entry.action)?.render(language) ?? entry.action }
        var columns: [Column<AuditEntryView>] = [
            Column(key: "seq", title: "#") { "\($0.seq)" },
            Column(key: "at", title: L(.columnWhen)) { machine ? $0.at : $0.atText },
            Column(key: "actor", title: L(.columnWho)) { machine ? $0.actor : actorName($0) },
        ]
        if format == .csv {
            // CSV keeps the event's identifier, and its title beside it.
            columns.append(Column(key: "action", title: L(.columnEventCode)) { $0.action })
            columns.append(Column(key: "action_title", title: L(.columnEvent)) { title($0) })
        } else {
            columns.append(Column(key: "action", title: L(.columnEvent)) { title($0) })
        }
        columns.append(Column(key: "object", title: L(.columnObject)) { $0.object })
        columns.append(Column(key: "details", title: L(.columnDetails)) { entry in
            machine ? details(entry.details) : AuditText.details(entry.details, action: entry.action).map { $0.render(language) }.joined(separator: language == .ru ? "; " : " ")
        })
        try RowReport(title: L(.titleAudit), columns: columns, rows: entries, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(entries, key: "entries")
        }
    }

    /// Who did it, for people: the full name where known; the system in the reader's language.
    static func actorName(_ entry: AuditEntryView) -> String {
        entry.actor == "system" ? L(.actorSystem) : CaseRender.name(entry.actor, entry.actorName)
    }

    /// One audit entry as a line (the deprecated `--json` prints JSON Lines instead).
    static func auditLine(_ entry: AuditEntryView) -> String {
        // Every field may hold outside text (a login typed at the login form): escaped, so an
        // entry can never print as two lines.
        ["\(entry.seq)", entry.atText, entry.actor, entry.action, entry.object, details(entry.details)].map { Terminal.visible($0) }.joined(separator: "\t")
    }

    /// The details as `key=value` pairs (a lone text as it is).
    static func details(_ details: [String: String]) -> String {
        if details.count == 1, let text = details["text"] { return text }
        return details.keys.sorted().map { "\($0)=\(details[$0]!)" }.joined(separator: " ")
    }
}
