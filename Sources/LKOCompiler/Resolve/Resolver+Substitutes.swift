import Foundation
import LKOLanguage

extension Resolver {
    /// `substitute LOGIN, … for LOGIN|anyone [on PATH, …] [as executor|approver]`
    mutating func resolveSubstitutes(_ declarations: [Declaration]) {
        var resolved: [(row: SubstituteRow, span: SourceSpan)] = []
        var seen: [SubstituteRow: SourceSpan] = [:]
        for case .substitute(let declaration) in declarations {
            var kind = SubstituteRow.Kind.executor
            if let written = declaration.kind {
                guard let value = SubstituteRow.Kind(rawValue: written.name) else {
                    report(Diagnostic(.invalidSubstitution, "a substitute stands in `as executor` or `as approver`, not `as \(written.name)`", at: written.span, label: "unknown kind", help: Suggestions.help(for: written.name, in: SubstituteRow.Kind.allCases.map(\.rawValue), kind: "kind") + " (`executor`: the Исполнитель's cases, order item 9; `approver`: the Руководитель's approvals, order item 12)"))
                    continue
                }
                kind = value
            }
            var paths: [String] = []
            var pathsOK = true
            for path in declaration.nodes {
                if let index = resolvePath(path) { paths.append(tree.rows[index].path) } else { pathsOK = false }
            }
            guard pathsOK else { continue }
            for substitute in declaration.substitutes {
                if let absentee = declaration.absentee, absentee.name == substitute.name {
                    report(Diagnostic(.invalidSubstitution, "`\(substitute.name)` cannot stand in for themselves", at: substitute.span, label: "same person as the absentee", help: "name another person, or `anyone` for a pool"))
                    continue
                }
                let row = SubstituteRow(substitute: substitute.name, absentee: declaration.absentee?.name, nodes: Array(Set(paths)).sorted(), kind: kind, position: position(declaration.span))
                var key = row
                key.position = ""
                if let first = seen[key] {
                    report(Diagnostic(.invalidSubstitution, "`\(substitute.name)` is declared twice as \(kind.rawValue) substitute for \(row.absentee ?? "anyone")", at: substitute.span, label: "declared again", help: "keep one declaration", notes: [.init("first declared here", at: first)]))
                    continue
                }
                seen[key] = substitute.span
                resolved.append((row, substitute.span))
            }
        }
        resolved.sort { lhs, rhs in
            let l = lhs.row, r = rhs.row
            return (l.substitute, l.absentee ?? "", l.kind.rawValue, l.nodes.joined(separator: ","), l.position) < (r.substitute, r.absentee ?? "", r.kind.rawValue, r.nodes.joined(separator: ","), r.position)
        }
        substituteRows = resolved.map(\.row)
        spans.substitutes = resolved.map(\.span)
    }

    /// `accept CODE for SUBJECT, … because "reason"`
    mutating func resolveAcceptances(_ declarations: [Declaration]) {
        var resolved: [(row: AcceptanceRow, span: SourceSpan)] = []
        let acceptable = DiagnosticCode.allCases.filter { $0.defaultSeverity == .warning && $0 != .unusedAcceptance }.map(\.rawValue)
        for case .accept(let declaration) in declarations {
            guard acceptable.contains(declaration.code.name) else {
                let help = DiagnosticCode(rawValue: declaration.code.name).map { $0.defaultSeverity == .error ? "`\($0.rawValue)` is an error: fix it, errors cannot be accepted" : "an unused acceptance is removed, not accepted" }
                    ?? Suggestions.help(for: declaration.code.name, in: acceptable, kind: "warning code")
                report(Diagnostic(.invalidAcceptance, "`\(declaration.code.name)` is not a warning that can be accepted", at: declaration.code.span, label: "not an acceptable warning", help: help))
                continue
            }
            if declaration.reason.value.trimmingCharacters(in: .whitespaces).isEmpty {
                report(Diagnostic(.invalidAcceptance, "the acceptance of \(declaration.code.name) gives no reason", at: declaration.reason.span, label: "empty reason", help: "say why the finding is intended; reviewers read it"))
                continue
            }
            let row = AcceptanceRow(code: declaration.code.name, subjects: Array(Set(declaration.subjects.map(\.description))).sorted(), reason: declaration.reason.value, position: position(declaration.span))
            resolved.append((row, declaration.span))
        }
        resolved.sort { ($0.row.code, $0.row.subjects.joined(separator: ","), $0.row.position) < ($1.row.code, $1.row.subjects.joined(separator: ","), $1.row.position) }
        acceptanceRows = resolved.map(\.row)
        spans.acceptances = resolved.map(\.span)
    }
}
