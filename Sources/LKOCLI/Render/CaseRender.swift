import Foundation
import LKOApplication
import LKOWorkflow

/// How cases are printed, from the use cases' types: the same text whether they came from the
/// local file or a server.
enum CaseRender {
    /// One line of `case list`.
    static func line(_ summary: CaseSummary) -> String {
        "\(summary.posNumber)\t\(summary.state)\t\(summary.node)\t\(summary.regime)\t\(summary.assignee ?? "coordinator")\tdeadline \(summary.deadline ?? "-")"
    }

    /// `case show`.
    static func detail(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        // The node's own title: the last step of the category path.
        let title = summary.subcategoryTitle.isEmpty ? summary.categoryTitle : (summary.subcategoryTitle.components(separatedBy: " / ").last ?? summary.subcategoryTitle)
        return """
        case \(summary.posNumber)\(summary.epguNumber.map { " (ЕПГУ \($0))" } ?? "")
          state        \(summary.state) — \(summary.stateTitle)
          category     \(summary.node) «\(title)»
          regime       \(summary.regime == "appeal" ? "appeal (обращение, 59-ФЗ)" : "message (сообщение)")\(summary.fastTrack ? ", fast-track" : "")
          channel      \(detail.channel ?? "-")\(detail.source.map { ", source \($0)" } ?? "")
          locality     \(detail.locality ?? "-")  \(detail.address)
          received     \(summary.receivedOn); moderation entry \(detail.moderationOn)
          term         \(detail.term)\(detail.extensionDays > 0 ? " + \(detail.extensionDays) days extension" : "")
          deadline     \(summary.deadline ?? "-")
          assignee     \(summary.assignee ?? "coordinator")\(summary.originalAssignee.map { " (for \($0))" } ?? "")
          routed by    \(detail.routedBy)
          applicant    \(detail.applicantName) \(detail.applicantContacts)
          description  \(detail.description)
        """ + (detail.answer.map { "\n  answer       \($0)" } ?? "")
    }

    /// One line of `case history`.
    static func history(_ event: HistoryLine) -> String {
        let who = event.actor + (event.actingFor.map { " (for \($0))" } ?? "")
        return "\(event.at)  \(who)  \(event.action)  \(event.fromState ?? "-") → \(event.toState)"
            + (event.assigneeAfter != event.assigneeBefore ? "  assignee \(event.assigneeBefore ?? "-") → \(event.assigneeAfter ?? "-")" : "")
            + (event.comment.isEmpty ? "" : "  — \(event.comment)")
    }

    /// What an action verb prints: the case's state after it.
    static func afterAction(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        return "case \(summary.posNumber): \(summary.state) — \(summary.stateTitle)" + (summary.assignee.map { ", assignee \($0)" } ?? "") + (summary.deadline.map { ", deadline \($0)" } ?? "")
    }

    static func importSummary(_ report: CaseImporter.Report) -> String {
        "imported \(report.inserted) new, \(report.moderated) moderated, \(report.unchanged) unchanged, \(report.bad.count) bad line(s)"
            + (report.policyVersion.isEmpty ? "" : "; routed by policy \(report.policyVersion.prefix(19))")
            + (report.policyActiveAtEnd.map { " (replaced during the run by \($0.prefix(19)))" } ?? "")
    }
}

/// Absences and substitutions.
enum AbsenceRender {
    static func plan(_ plan: DelegationPlan) -> [String] {
        var lines = ["absence of \(plan.login) \(plan.from) – \(plan.until ?? "open-ended"), substitute \(plan.substitute)"]
        if plan.moves.isEmpty { lines.append("cases that will move: none") } else {
            lines.append("cases that will move (\(plan.moves.count)):")
            for move in plan.moves {
                let target = move.to ?? (move.outcome == .notCovered ? "NOT COVERED" : "coordinator")
                lines.append("  \(move.posNumber)\t\(move.node)\t\(move.state)\tdeadline \(move.deadline ?? "-")\t→ \(target)" + (move.dueDuringAbsence ? "\tDUE DURING ABSENCE" : ""))
            }
        }
        for route in plan.routes {
            lines.append("route: \(route.kind) \(route.rule) [\(route.nodes.joined(separator: ", "))] \(route.from) – \(route.until ?? "open-ended") → \(route.resolvesTo ?? (route.outcome == .notCovered ? "NOT COVERED" : "coordinator"))")
        }
        lines.append("substitute's open cases: \(plan.substituteLoadNow) now, \(plan.substituteLoadAfter) after")
        for warning in plan.warnings { lines.append("warning: \(warning)") }
        for error in plan.errors { lines.append("error: \(error)") }
        return lines
    }

    static func recorded(_ absence: AbsenceView) -> String {
        "recorded absence #\(absence.id)" + (absence.status == "in_progress" ? "; cases handed over" : "; cases move on \(absence.startsOn)")
    }

    static func line(_ absence: AbsenceView) -> String {
        let state = absence.status == "in_progress" ? "in progress" : absence.status
        return "#\(absence.id)\t\(absence.login)\t\(absence.startsOn) – \(absence.endsOn ?? "open-ended")\t\(absence.reason ?? "-")\tsubstitute \(absence.substitute)\t\(state)"
    }

    static func ended(_ absence: AbsenceView) -> String {
        "absence #\(absence.id) of \(absence.login) ends on \(absence.endsOn ?? "-")" + (absence.status == "ended" ? "; processed" : "")
    }

    static func findings(_ findings: [Workflow.DelegationFinding]) -> [String] {
        findings.map { $0.posNumber != nil ? "\($0.severity): case \($0.posNumber!): \($0.message)" : "\($0.severity): absence #\($0.absence) (\($0.login)): \($0.message)" }
            + ["\(findings.filter { $0.severity == "error" }.count) error(s), \(findings.filter { $0.severity == "warning" }.count) warning(s)"]
    }
}
