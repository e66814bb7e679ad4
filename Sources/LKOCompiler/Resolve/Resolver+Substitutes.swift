import Foundation
import LKOLanguage
import LKOMessages

extension Resolver {
    /// `substitute LOGIN, … for LOGIN|anyone [on PATH, …] [as executor|approver]`
    mutating func resolveSubstitutes(_ declarations: Declarations) {
        var resolved: [(row: SubstituteRow, span: SourceSpan)] = []
        var seen: [SubstituteRow: SourceSpan] = [:]
        for case .substitute(let declaration) in declarations {
            var kind = SubstituteRow.Kind.executor
            if let written = declaration.kind {
                guard let value = SubstituteRow.Kind(rawValue: written.name) else {
                    report(Diagnostic(.invalidSubstitution, Message(.diagSubstituteKind, ["kind": .text(written.name)]), at: written.span, label: Message(.diagUnknownKindLabel), help: Message(.diagSubstituteKindHelp, ["suggestion": DiagnosticText.suggestion(written.name, in: SubstituteRow.Kind.allCases.map(\.rawValue), kind: .substituteKind)])))
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
                    report(Diagnostic(.invalidSubstitution, Message(.diagSubstituteSelf, ["login": .text(substitute.name)]), at: substitute.span, label: Message(.diagSubstituteSelfLabel), help: Message(.diagSubstituteSelfHelp)))
                    continue
                }
                let row = SubstituteRow(substitute: substitute.name, absentee: declaration.absentee?.name, nodes: Array(Set(paths)).sorted(), kind: kind, position: position(declaration.span))
                var key = row
                key.position = ""
                if let first = seen[key] {
                    let absentee: Message.Argument = row.absentee.map { .text($0) } ?? .catalog(.diagAnyone)
                    report(Diagnostic(.invalidSubstitution, Message(.diagSubstituteTwice, ["login": .text(substitute.name), "kind": .text(kind.rawValue), "absentee": absentee]), at: substitute.span, label: Message(.diagDeclaredAgain), help: Message(.diagKeepOneDeclaration), notes: [.init(Message(.diagFirstDeclaredHere), at: first)]))
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
    mutating func resolveAcceptances(_ declarations: Declarations) {
        var resolved: [(row: AcceptanceRow, span: SourceSpan)] = []
        let acceptable = DiagnosticCode.allCases.filter { $0.defaultSeverity == .warning && $0 != .unusedAcceptance }.map(\.rawValue)
        for case .accept(let declaration) in declarations {
            guard acceptable.contains(declaration.code.name) else {
                let help = DiagnosticCode(rawValue: declaration.code.name).map { $0.defaultSeverity == .error ? Message(.diagAcceptErrorHelp, ["code": .text($0.rawValue)]) : Message(.diagAcceptUnusedHelp) }
                    ?? Suggestions.message(for: declaration.code.name, in: acceptable, kind: .warningCode)
                report(Diagnostic(.invalidAcceptance, Message(.diagNotAcceptable, ["code": .text(declaration.code.name)]), at: declaration.code.span, label: Message(.diagNotAcceptableLabel), help: help))
                continue
            }
            if declaration.reason.value.trimmingCharacters(in: .whitespaces).isEmpty {
                report(Diagnostic(.invalidAcceptance, Message(.diagAcceptNoReason, ["code": .text(declaration.code.name)]), at: declaration.reason.span, label: Message(.diagEmptyReason), help: Message(.diagAcceptNoReasonHelp)))
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
