import Foundation
import LKOApplication
import LKOServer
import LKOWorkflow
import LKOMessages

/// How cases are printed, from the use cases' types: the same text whether they came from the
/// local file or a server.
enum CaseRender {
    static func name(_ login: String?, _ name: String?) -> String {
        guard let login else { return L(.coordinatorQueue) }
        guard let name, !name.isEmpty, name != login else { return login }
        return name
    }

    /// `case list` as a table.
    static func list(_ cases: [CaseSummary], format: OutputFormat, dialect: CSVDialect) throws {
        let machine = format == .csv && dialect == .rfc4180
        let columns: [Column<CaseSummary>] = [
            Column(key: "pos_number", title: L(.columnNumber)) { $0.posNumber },
            Column(key: "state", title: L(.columnState)) { stateText($0.state, title: $0.stateTitle) },
            Column(key: "node", title: L(.columnSubcategory)) { $0.node },
            Column(key: "regime", title: L(.columnRegime)) { machine ? $0.regime : regimeText($0.regime) },
            Column(key: "assignee", title: L(.columnExecutor)) { machine ? ($0.assignee ?? "") : name($0.assignee, $0.assigneeName) },
            Column(key: "deadline", title: L(.columnDeadline)) { machine ? ($0.deadline ?? "") : ($0.deadline == nil ? "—" : $0.deadlineText) },
            Column(key: "flag", title: L(.columnFlag)) { $0.overdue ? L(.flagOverdue) : ($0.atRisk ? L(.flagAtRisk) : "") },
        ]
        try RowReport(title: L(.titleCaseList), columns: columns, rows: cases,
                      footer: Messages.count(cases.count, .case, in: Language.current)).print(format, dialect: dialect) {
            try Terminal.document(cases, key: "cases")
        }
    }

    static func regimeText(_ regime: String) -> String {
        L(regime == "appeal" ? .regimeAppeal : .regimeMessage)
    }

    /// `case show`.
    static func detail(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        // The node's own title: the last step of the category path.
        let title = summary.subcategoryTitle.isEmpty ? summary.categoryTitle : (summary.subcategoryTitle.components(separatedBy: " / ").last ?? summary.subcategoryTitle)
        var rows: [(MessageKey, String)] = [
            (.fieldState, "\(summary.state) — \(summary.stateTitle)"),
            (.fieldCategory, "\(summary.node) «\(title)»"),
            (.fieldRegime, regimeText(summary.regime) + (summary.fastTrack ? ", " + L(.fastTrack) : "")),
            (.fieldChannel, (detail.channel ?? "—") + (detail.source.map { ", " + L(.sourceNamed, ["source": $0]) } ?? "")),
            (.fieldLocality, "\(detail.locality ?? "—")  \(detail.address)"),
            (.fieldReceived, L(.receivedLine, ["received": textDate(summary.receivedOn), "moderation": textDate(detail.moderationOn)])),
            (.fieldTerm, detail.term + (detail.extensionDays > 0 ? " + " + L(.extensionDays, ["days": "\(detail.extensionDays)"]) : "")),
            (.fieldDeadline, summary.deadline == nil ? "—" : summary.deadlineText),
            (.fieldAssignee, name(summary.assignee, summary.assigneeName) + (summary.originalAssignee.map { " (" + L(.actingForName, ["name": name($0, summary.originalAssigneeName)]) + ")" } ?? "")),
            (.fieldRoutedBy, detail.routedBy),
            (.fieldApplicant, "\(detail.applicantName) \(detail.applicantContacts)"),
            (.fieldDescription, detail.description),
        ]
        if let answer = detail.answer { rows.append((.fieldAnswer, answer)) }
        let labels = rows.map { L($0.0) }
        let width = labels.map(\.count).max() ?? 0
        let header = L(.caseHeading, ["number": summary.posNumber]) + (summary.epguNumber.map { " (ЕПГУ \($0))" } ?? "")
        let indent = String(repeating: " ", count: width + 4)
        return ([Terminal.visible(header)] + zip(labels, rows).map {
            "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Terminal.visible($1.1, keepingLines: true, indent: indent)
        }).joined(separator: "\n")
    }

    /// `case history` as a table.
    static func history(_ events: [HistoryLine], number: String, format: OutputFormat, dialect: CSVDialect) throws {
        let machine = format == .csv && dialect == .rfc4180
        let columns: [Column<HistoryLine>] = [
            Column(key: "at", title: L(.columnWhen)) { machine ? $0.at : $0.atText },
            Column(key: "actor", title: L(.columnWho)) { event in
                (machine ? event.actor : name(event.actor, event.actorName))
                    + (event.actingFor.map { " (" + L(.actingForName, ["name": machine ? $0 : name($0, event.actingForName)]) + ")" } ?? "")
            },
            Column(key: "event", title: L(.columnEvent)) { Language.current == .ru ? $0.eventTitle : $0.action },
            Column(key: "to_state", title: L(.columnState)) { event in
                machine ? event.toState : (Language.current == .ru ? event.toStateTitle : (event.fromState.map { "\($0) → " } ?? "") + event.toState)
            },
            Column(key: "assignee_after", title: L(.columnExecutor)) { event in
                event.assigneeAfter != event.assigneeBefore ? (machine ? (event.assigneeAfter ?? "") : name(event.assigneeAfter, event.assigneeAfterName)) : ""
            },
            Column(key: "comment", title: L(.columnComment)) { $0.comment },
        ]
        try RowReport(title: L(.titleCaseHistory, ["number": number]), columns: columns, rows: events, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(events, key: "history")
        }
    }

    /// What an action verb prints: the case's state after it.
    static func afterAction(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        return L(.afterAction, ["number": summary.posNumber, "state": "\(summary.state) — \(summary.stateTitle)"])
            + (summary.assignee.map { ", " + L(.assigneeNamed, ["name": name($0, summary.assigneeName)]) } ?? "")
            + (summary.deadline.map { _ in ", " + L(.deadlineOn, ["date": summary.deadlineText]) } ?? "")
    }

    static func importSummary(_ report: CaseImporter.Report) -> String {
        L(.importSummary, ["inserted": "\(report.inserted)", "moderated": "\(report.moderated)", "unchanged": "\(report.unchanged)",
                           "bad": "\(report.bad.count)"])
            + (report.policyVersion.isEmpty ? "" : L(.importRoutedBy, ["version": String(report.policyVersion.prefix(19))]))
            + (report.policyActiveAtEnd.map { L(.importReplaced, ["version": String($0.prefix(19))]) } ?? "")
    }
}

/// Absences and substitutions.
enum AbsenceRender {
    /// A plan's error or warning in the language of the reader.
    static func issue(_ issue: DelegationPlan.Issue) -> String {
        issue.text(Language.current)
    }

    static func plan(_ plan: DelegationPlan) -> [String] {
        let target = { (to: String?, outcome: DelegationPlan.Outcome) in to ?? (outcome == .notCovered ? L(.notCovered) : L(.coordinatorQueue)) }
        var lines = [L(.absenceOf, ["login": plan.login, "from": textDate(plan.from), "until": plan.until.map(textDate) ?? L(.openEnded), "substitute": plan.substitute])]
        if plan.moves.isEmpty { lines.append(L(.movesNone)) } else {
            lines.append(L(.movesHeading, ["count": "\(plan.moves.count)"]))
            let table = TextTable(title: nil, headers: [L(.columnNumber), L(.columnSubcategory), L(.columnState), L(.columnDeadline), L(.columnTo), L(.columnFlag)],
                                  rows: plan.moves.map { move in
                                      [move.posNumber, move.node, move.state, move.deadline.map(textDate) ?? "—", target(move.to, move.outcome),
                                       move.dueDuringAbsence ? L(.flagDueDuringAbsence) : ""]
                                  })
            lines.append(contentsOf: table.render().split(separator: "\n").map { "  " + $0 })
        }
        for route in plan.routes {
            lines.append(L(.routeLine, ["kind": route.kind, "rule": route.rule, "nodes": route.nodes.joined(separator: ", "), "from": textDate(route.from),
                                        "until": route.until.map(textDate) ?? L(.openEnded), "to": route.resolvesTo ?? target(nil, route.outcome)]))
        }
        lines.append(L(.substituteLoad, ["now": "\(plan.substituteLoadNow)", "after": "\(plan.substituteLoadAfter)"]))
        for warning in plan.warnings { lines.append(L(.prefixWarning) + issue(warning)) }
        for error in plan.errors { lines.append(L(.prefixError) + issue(error)) }
        for paste in plan.suggestion where !plan.errors.isEmpty { lines.append(L(.prefixNote) + L(.planSuggestion, ["paste": paste])) }
        return lines
    }

    static func recorded(_ absence: AbsenceView) -> String {
        absence.status == "in_progress" ? L(.absenceRecordedHandedOver, ["id": "\(absence.id)"])
            : L(.absenceRecordedLater, ["id": "\(absence.id)", "date": textDate(absence.startsOn)])
    }

    static func list(_ absences: [AbsenceView], format: OutputFormat, dialect: CSVDialect) throws {
        let machine = format == .csv && dialect == .rfc4180
        let columns: [Column<AbsenceView>] = [
            Column(key: "id", title: "№") { "\($0.id)" },
            Column(key: "login", title: L(.columnWho)) { machine ? $0.login : CaseRender.name($0.login, $0.name) },
            Column(key: "starts_on", title: L(.columnFrom)) { machine ? $0.startsOn : textDate($0.startsOn) },
            Column(key: "ends_on", title: L(.columnUntil)) { machine ? ($0.endsOn ?? "") : ($0.endsOn.map(textDate) ?? L(.openEnded)) },
            Column(key: "reason", title: L(.columnReason)) { machine ? ($0.reason ?? "") : (Language.current == .ru ? ($0.reasonTitle ?? "—") : ($0.reason ?? "—")) },
            Column(key: "substitute", title: L(.columnSubstitute)) { machine ? $0.substitute : CaseRender.name($0.substitute, $0.substituteName) },
            Column(key: "status", title: L(.columnStatus)) { machine ? $0.status : (Language.current == .ru ? $0.statusTitle : $0.status.replacingOccurrences(of: "_", with: " ")) },
        ]
        try RowReport(title: L(.titleAbsences), columns: columns, rows: absences, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(absences, key: "absences")
        }
    }

    static func ended(_ absence: AbsenceView) -> String {
        L(.absenceEnds, ["id": "\(absence.id)", "name": CaseRender.name(absence.login, absence.name), "date": absence.endsOn.map(textDate) ?? "—"])
            + (absence.status == "ended" ? L(.absenceProcessed) : "")
    }

    static func findings(_ findings: [Workflow.DelegationFinding]) -> [String] {
        findings.map { finding in
            let prefix = finding.severity == "error" ? L(.prefixError) : L(.prefixWarning)
            let subject = finding.posNumber.map { L(.caseNamed, ["number": $0]) } ?? L(.absenceNamed, ["id": "\(finding.absence)", "login": finding.login])
            return prefix + subject + ": " + finding.message.render(Language.current)
        } + [L(.findingsSummary, ["errors": Messages.count(findings.filter { $0.severity == "error" }.count, .error, in: Language.current),
                                   "warnings": Messages.count(findings.filter { $0.severity == "warning" }.count, .warning, in: Language.current)])]
    }
}
