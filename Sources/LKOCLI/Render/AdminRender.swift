import Foundation
import LKOApplication

/// Accounts, sessions, policy versions and the audit log.
enum AdminRender {
    static func whoami(_ me: Me) -> String {
        "\(me.login) — \(me.fullName)" + (me.position.isEmpty ? "" : ", \(me.position)") + (me.sandbox ? " [sandbox]" : "")
    }

    static func userLine(_ user: UserView) -> String {
        let flags = [user.status == "disabled" ? "disabled" : nil, user.locked ? "locked until \(user.lockedUntilText ?? "?")" : nil].compactMap { $0 }
        return "\(user.login)\t\(user.fullName)\t\(user.position)" + (flags.isEmpty ? "" : "\t[\(flags.joined(separator: ", "))]")
    }

    static func user(_ user: UserView) -> String {
        """
        login       \(user.login)
        full name   \(user.fullName)
        position    \(user.position)
        department  \(user.department)
        e-mail      \(user.email)
        status      \(user.status)\(user.lockedUntilText.map { ", locked until \($0)" } ?? "")
        """
    }

    static func version(_ entry: PolicyVersionView) -> String {
        "#\(entry.activation)\(entry.isActive ? " *" : "  ") \(entry.at)  \(entry.kind.padding(toLength: 8, withPad: " ", startingAt: 0)) v\(entry.versionID) \(entry.version.prefix(19))…  \(entry.actor)"
            + (entry.message.isEmpty ? "" : "  \"\(entry.message)\"")
            + (entry.gitCommit.map { "  git \($0.prefix(12))" + (entry.gitClean == false ? " (dirty)" : "") } ?? "")
    }

    /// One audit entry; the details as the compact JSON object they were stored as.
    static func auditLine(_ entry: AuditEntryView) -> String {
        "\(entry.seq)\t\(entry.at)\t\(entry.actor)\t\(entry.action)\t\(entry.object)\t\(details(entry.details))"
    }

    static func details(_ details: [String: String]) -> String {
        if details.count == 1, let text = details["text"] { return text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
