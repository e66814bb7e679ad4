import Foundation
import LKOMessages

/// Prints a ``PolicyDiff`` for people (terminal text, or Markdown for a pull-request comment), in
/// a language: Russian by default (what the API and the console show), English for `LKO_LANG=en`.
/// JSON is the ``PolicyDiff`` itself, encoded with its snake_case keys, sorted; it is the same in
/// every language (schema in `docs/schemas/diff.schema.json`).
///
/// The policy's identifiers stay as the policy writes them: actions and rules in backticks
/// (`` `approve on granted` ``), roles as `` `executor` «Исполнитель» ``, logins and node paths
/// plain. Dates are DD.MM.YYYY.
public struct DiffRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public var useColor = false
    /// The language of text and Markdown.
    public var language: Language

    public init(useColor: Bool = false, language: Language = .ru) {
        self.useColor = useColor
        self.language = language
    }

    public func render(_ diff: PolicyDiff, format: Format) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(diff)) ?? Data(), as: UTF8.self) + "\n"
        case .markdown:
            return markdown(diff)
        case .text:
            return text(diff)
        }
    }

    /// One line: what changed and what is risky.
    public func summary(_ diff: PolicyDiff) -> String {
        guard diff.hasEffectiveChange else { return t(.diffNoEffectiveChange) }
        let gained = diff.access.filter { $0.change == "gained" }.count
        let lost = diff.access.count - gained
        var parts: [String] = []
        if !diff.access.isEmpty {
            parts.append(t(.diffSummaryAccess, ["logins": counted(Set(diff.access.map(\.login)).count, .diffNounLogin), "gained": "\(gained)", "lost": "\(lost)"]))
        }
        if !diff.roles.isEmpty { parts.append(t(.diffSummaryRoles, ["count": "\(diff.roles.count)"])) }
        if !diff.tree.isEmpty { parts.append(t(.diffSummaryTree, ["count": "\(diff.tree.count)"])) }
        if !diff.routing.isEmpty { parts.append(t(.diffSummaryRouting, ["count": "\(diff.routing.count)"])) }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            parts.append(t(.diffSummaryFindings, ["new": "\(diff.findingsIntroduced.count)", "resolved": "\(diff.findingsResolved.count)"]))
        }
        if !diff.substitutes.isEmpty { parts.append(t(.diffSummarySubstitutes, ["count": "\(diff.substitutes.count)"])) }
        if !diff.acceptances.isEmpty { parts.append(t(.diffSummaryAcceptances, ["count": "\(diff.acceptances.count)"])) }
        let risks = Dictionary(grouping: diff.risks, by: \.kind).sorted { $0.key < $1.key }.map { t(.diffRiskCount, ["kind": riskKind($0.key), "count": "\($0.value.count)"]) }
        if !risks.isEmpty { parts.append(t(.diffSummaryRisks, ["risks": risks.joined(separator: ", ")])) }
        return parts.joined(separator: "; ")
    }

    // MARK: text

    private func text(_ diff: PolicyDiff) -> String {
        let titles = roleTitles(diff)
        var out = t(.diffTitle, ["old": diff.old.label, "new": diff.new.label]) + "\n"
        out += "  \(diff.old.version.prefix(19))… → \(diff.new.version.prefix(19))…\n"
        out += summary(diff) + "\n"
        guard diff.hasEffectiveChange || !diff.risks.isEmpty else { return out }
        if !diff.risks.isEmpty {
            out += "\n" + paint(t(.diffSectionRisks), "31;1") + "\n"
            for risk in diff.risks { out += "  " + paint("[\(riskKind(risk.kind))]", "31") + " \(riskText(risk, titles: titles))\n" }
        }
        if !diff.access.isEmpty {
            out += "\n" + t(.diffSectionAccess) + "\n"
            for (login, changes) in Dictionary(grouping: diff.access, by: \.login).sorted(by: { $0.key < $1.key }) {
                out += "  \(login)\n"
                for change in changes {
                    let sign = change.change == "gained" ? paint("+", "32") : paint("-", "31")
                    out += "    \(sign) \(accessLine(change))  (\(causeText(change, titles: titles)))\n"
                }
            }
        }
        if !diff.roles.isEmpty {
            out += "\n" + t(.diffSectionRoles) + "\n"
            for role in diff.roles {
                let note = roleNote(role)
                out += "  \(roleName(role.role, titles)) (\(t(.diffHolders, ["count": "\(role.holders)"])))" + (note.isEmpty ? "" : ": \(note)") + "\n"
                for added in role.added { out += "    " + paint("+", "32") + " `\(added)`\n" }
                for removed in role.removed { out += "    " + paint("-", "31") + " `\(removed)`\n" }
            }
        }
        if !diff.tree.isEmpty {
            out += "\n" + t(.diffSectionTree) + "\n"
            let width = ["added", "removed", "renamed", "moved", "term", "accelerated"].map { treeKind($0).count }.max() ?? 0
            for change in diff.tree {
                out += "  \(treeKind(change.kind).padding(toLength: max(width, treeKind(change.kind).count), withPad: " ", startingAt: 0)) \(change.node): \(treeDetail(change))\n"
            }
        }
        if !diff.routing.isEmpty {
            out += "\n" + t(.diffSectionRouting) + "\n"
            for change in diff.routing { out += "  \(routingCases(change.cases)): \(routingOutcome(change.old)) → \(routingOutcome(change.new))\n" }
        }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            out += "\n" + t(.diffSectionFindings) + "\n"
            let new = t(.diffFindingNew), resolved = t(.diffFindingResolved)
            let width = max(new.count, resolved.count)
            for finding in diff.findingsIntroduced { out += "  " + paint(new, "33") + String(repeating: " ", count: width - new.count + 1) + "\(finding.code) \(finding.message(in: language))\n" }
            for finding in diff.findingsResolved { out += "  " + paint(resolved, "32") + String(repeating: " ", count: width - resolved.count + 1) + "\(finding.code) \(finding.message(in: language))\n" }
        }
        if !diff.substitutes.isEmpty {
            out += "\n" + t(.diffSectionSubstitutes) + "\n"
            for change in diff.substitutes {
                let sign = change.change == "added" ? paint("+", "32") : paint("-", "31")
                let passes = change.actions.isEmpty ? "" : "; " + t(.diffPassesOn, ["actions": change.actions.map { "`\($0)`" }.joined(separator: ", ")])
                out += "    \(sign) \(eligibilityStatement(change))\(passes)  (\(change.position))\n"
            }
        }
        if !diff.acceptances.isEmpty {
            out += "\n" + t(.diffSectionAcceptances) + "\n"
            for change in diff.acceptances {
                let sign = change.change == "added" ? paint("+", "32") : paint("-", "31")
                out += "    \(sign) \(t(.diffAcceptance, ["statement": acceptanceStatement(change), "reason": change.reason]))  (\(change.position))\n"
            }
        }
        return out
    }

    // MARK: Markdown

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func markdown(_ diff: PolicyDiff) -> String {
        let titles = roleTitles(diff)
        var out = "### " + t(.diffMarkdownTitle, ["summary": summary(diff)]) + "\n\n"
        out += "`\(diff.old.label)` (`\(diff.old.version.prefix(19))…`) → `\(diff.new.label)` (`\(diff.new.version.prefix(19))…`)\n"
        guard diff.hasEffectiveChange || !diff.risks.isEmpty else { return out }
        if !diff.risks.isEmpty {
            out += "\n#### ⚠️ \(t(.diffSectionRisks))\n\n\(t(.diffTableRisks))\n| --- | --- |\n"
            for risk in diff.risks { out += "| \(riskKind(risk.kind)) | \(cell(riskText(risk, titles: titles))) |\n" }
        }
        if !diff.access.isEmpty {
            out += "\n#### \(t(.diffSectionAccess))\n\n\(t(.diffTableAccess))\n| --- | --- | --- | --- |\n"
            for change in diff.access.sorted(by: { ($0.login, $0.change) < ($1.login, $1.change) }) {
                let cause = change.causeRole == nil ? "`\(change.cause)`" : causeText(change, titles: titles, codePosition: true)
                out += "| \(change.login) | \(t(change.change == "gained" ? .diffGained : .diffLost)) | \(cell(accessLine(change))) | \(cell(cause)) |\n"
            }
        }
        if !diff.roles.isEmpty {
            out += "\n#### \(t(.diffSectionRoles))\n\n\(t(.diffTableRoles))\n| --- | --- | --- | --- | --- |\n"
            for role in diff.roles {
                let added = role.added.map { "`\($0)`" }.joined(separator: "; "), removed = role.removed.map { "`\($0)`" }.joined(separator: "; ")
                out += "| \(cell(roleName(role.role, titles))) | \(role.holders) | \(cell(added)) | \(cell(removed)) | \(cell(roleNote(role))) |\n"
            }
        }
        if !diff.tree.isEmpty {
            out += "\n#### \(t(.diffSectionTree))\n\n\(t(.diffTableTree))\n| --- | --- | --- |\n"
            for change in diff.tree { out += "| \(treeKind(change.kind)) | `\(change.node)` | \(cell(treeDetail(change))) |\n" }
        }
        if !diff.routing.isEmpty {
            out += "\n#### \(t(.diffSectionRouting))\n\n\(t(.diffTableRouting))\n| --- | --- | --- |\n"
            for change in diff.routing { out += "| \(cell(routingCases(change.cases))) | \(cell(routingOutcome(change.old))) | \(cell(routingOutcome(change.new))) |\n" }
        }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            out += "\n#### \(t(.diffSectionFindings))\n\n\(t(.diffTableFindings))\n| --- | --- | --- |\n"
            for finding in diff.findingsIntroduced { out += "| \(t(.diffFindingNew)) | \(finding.code) | \(cell(finding.message(in: language))) |\n" }
            for finding in diff.findingsResolved { out += "| \(t(.diffFindingResolved)) | \(finding.code) | \(cell(finding.message(in: language))) |\n" }
        }
        if !diff.substitutes.isEmpty {
            out += "\n#### \(t(.diffSectionSubstitutes))\n\n\(t(.diffTableSubstitutes))\n| --- | --- | --- | --- |\n"
            for change in diff.substitutes {
                out += "| \(t(change.change == "added" ? .diffAdded : .diffRemoved)) | \(cell(eligibilityStatement(change))) | \(cell(change.actions.map { "`\($0)`" }.joined(separator: ", "))) | `\(change.position)` |\n"
            }
        }
        if !diff.acceptances.isEmpty {
            out += "\n#### \(t(.diffSectionAcceptances))\n\n\(t(.diffTableAcceptances))\n| --- | --- | --- | --- | --- |\n"
            for change in diff.acceptances {
                out += "| \(t(change.change == "added" ? .diffAdded : .diffRemoved)) | \(change.code) | \(cell(change.subjects.joined(separator: ", "))) | \(cell(change.reason)) | `\(change.position)` |\n"
            }
        }
        return out
    }

    // MARK: pieces

    private func t(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
        Messages.text(key, arguments, in: language)
    }

    /// "4 логина" / "4 logins": the key's template holds the noun's forms, `|`-separated
    /// (Russian: one, few, many; English: one, other).
    private func counted(_ count: Int, _ key: MessageKey) -> String {
        let forms = t(key).split(separator: "|").map(String.init)
        guard let first = forms.first else { return "\(count)" }
        let form: String
        switch language {
        case .ru: form = RussianPlural.form(count, first, forms.count > 1 ? forms[1] : first, forms.count > 2 ? forms[2] : forms.last!)
        case .en: form = count == 1 || forms.count < 2 ? first : forms[1]
        }
        return "\(count) \(form)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A role's title by id, from the roles the diff reports.
    private func roleTitles(_ diff: PolicyDiff) -> [String: String] {
        Dictionary(diff.roles.map { ($0.role, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    private func roleName(_ id: String, _ titles: [String: String]) -> String {
        guard let title = titles[id], !title.isEmpty else { return "`\(id)`" }
        return "`\(id)` «\(title)»"
    }

    private func date(_ iso: String) -> String { ReviewText.date(iso: iso) }

    /// `` `approve on assigned and granted` in roads from 11.01.2027 until 05.02.2027 ``
    func accessLine(_ change: PolicyDiff.AccessChange) -> String {
        var line = "`\(change.action) on \(change.scope)`"
        if change.nodes != ["*"] { line += t(.diffInNodes, ["nodes": change.nodes.joined(separator: ", ")]) }
        if let from = change.from { line += t(.diffFrom, ["from": date(from)]) }
        if let until = change.until { line += t(.diffUntil, ["until": date(until)]) }
        return line
    }

    /// The grant's position, or the role whose rules changed.
    func causeText(_ change: PolicyDiff.AccessChange, titles: [String: String], codePosition: Bool = false) -> String {
        guard let role = change.causeRole else { return change.cause }
        if role.isEmpty { return t(.diffCauseRoleUnknown) }
        return t(.diffCauseRole, ["role": roleName(role, titles), "position": codePosition ? "`\(change.cause)`" : change.cause])
    }

    private func roleNote(_ role: PolicyDiff.RoleChange) -> String {
        switch role.change {
        case "added": return t(.diffRoleNew)
        case "removed": return t(.diffRoleRemoved)
        default: return role.oldTitle.map { t(.diffRoleRenamed, ["old": $0, "new": role.title]) } ?? ""
        }
    }

    /// The eligibility as the policy declares it.
    private func eligibilityStatement(_ change: PolicyDiff.SubstituteChange) -> String {
        "`substitute \(change.substitute) for \(change.absentee ?? "anyone")" + (change.nodes.isEmpty ? "" : " on " + change.nodes.joined(separator: ", ")) + " as \(change.kind)`"
    }

    private func acceptanceStatement(_ change: PolicyDiff.AcceptanceChange) -> String {
        "`accept \(change.code) for \(change.subjects.joined(separator: ", "))`"
    }

    func riskKind(_ kind: String) -> String {
        switch kind {
        case "escalation": t(.diffRiskKindEscalation)
        case "coverage": t(.diffRiskKindCoverage)
        case "lost_access": t(.diffRiskKindLostAccess)
        case "lockout": t(.diffRiskKindLockout)
        default: kind
        }
    }

    func riskText(_ risk: PolicyDiff.Risk, titles: [String: String] = [:]) -> String {
        switch risk.kind {
        case "escalation":
            if let access = risk.access {
                return t(.diffRiskGains, ["login": access.login, "permission": accessLine(access), "cause": causeText(access, titles: titles)])
            }
            if let eligibility = risk.eligibility {
                return t(.diffRiskStandIn, [
                    "substitute": eligibility.substitute, "absentee": eligibility.absentee ?? t(.diffAnyone),
                    "nodes": eligibility.nodes.isEmpty ? "" : t(.diffInNodes, ["nodes": eligibility.nodes.joined(separator: ", ")]),
                    "actions": (risk.actions ?? eligibility.actions).map { "`\($0)`" }.joined(separator: ", "), "position": eligibility.position,
                ])
            }
        case "coverage":
            return t(.diffRiskCoverage, ["node": risk.node ?? ""])
        case "lost_access":
            return t(.diffRiskLostAccess, ["login": risk.login ?? "", "case": risk.caseNumber ?? "", "node": risk.node ?? "", "action": (risk.actions ?? []).joined(separator: ", ")])
        case "lockout":
            return t(.diffRiskLockout)
        default:
            break
        }
        return risk.kind
    }

    func treeKind(_ kind: String) -> String {
        switch kind {
        case "added": t(.diffTreeAdded)
        case "removed": t(.diffTreeRemoved)
        case "renamed": t(.diffTreeRenamed)
        case "moved": t(.diffTreeMoved)
        case "term": t(.diffTreeTermKind)
        case "accelerated": t(.diffTreeAccelerated)
        default: kind
        }
    }

    func treeDetail(_ change: PolicyDiff.TreeChange) -> String {
        switch change.kind {
        case "added", "removed":
            return "«\(change.title ?? "")»" + (change.with.map { t(.diffTreeWith, ["nodes": $0.joined(separator: ", ")]) } ?? "")
        case "moved":
            return t(.diffTreeMovedFrom, ["from": change.from ?? ""])
        case "renamed":
            return "«\(change.oldTitle ?? "")» → «\(change.title ?? "")»"
        case "term":
            let regime = t(change.regime == Regime.appeal.rawValue ? .diffTermOfAppeal : .diffTermOfMessage)
            return t(.diffTreeTerm, ["regime": regime, "old": change.oldTerm.map(term) ?? "", "new": change.newTerm.map(term) ?? ""])
        case "accelerated":
            return t(change.accelerated == true ? .diffTreeNowAccelerated : .diffTreeNoLongerAccelerated)
        default:
            return ""
        }
    }

    /// "10 календарных дней" / "10 calendar days".
    func term(_ value: TermValue) -> String {
        counted(value.days, value.unit == .calendar ? .diffNounCalendarDay : .diffNounWorkingDay)
    }

    // MARK: routing rows

    /// An outcome of the routing comparison (`roads_specialist (auto-rule a, 10 calendar days)`,
    /// `coordinator (no rule, 30 calendar days)`, `not in the tree`) in the renderer's language;
    /// anything else as it is.
    func routingOutcome(_ outcome: String) -> String {
        if outcome == "not in the tree" { return t(.diffRoutingNotInTree) }
        guard outcome.hasSuffix(")"), let open = outcome.range(of: " (", options: .backwards) else { return outcome }
        let target = String(outcome[..<open.lowerBound])
        let inner = outcome[open.upperBound..<outcome.index(before: outcome.endIndex)]
        guard let comma = inner.range(of: ", ", options: .backwards) else { return outcome }
        let rule = String(inner[..<comma.lowerBound]), termText = String(inner[comma.upperBound...])
        let ruleText: String
        if rule == "no rule" {
            ruleText = t(.diffRoutingNoRule)
        } else if rule.hasPrefix("auto-rule ") {
            ruleText = t(.diffRoutingAutoRule, ["id": String(rule.dropFirst("auto-rule ".count))])
        } else if rule.hasPrefix("fast-track ") {
            ruleText = t(.diffRoutingFastTrack, ["id": String(rule.dropFirst("fast-track ".count))])
        } else {
            return outcome
        }
        return t(.diffRoutingOutcome, ["target": target == "coordinator" ? t(.coordinatorQueue) : target, "rule": ruleText, "term": termWords(termText)])
    }

    /// `30 calendar days`, `1 working day` → the same in the renderer's language.
    private func termWords(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count == 3, let days = Int(words[0]), ["calendar", "working"].contains(words[1]) else { return text }
        return term(TermValue(days: days, unit: words[1] == "calendar" ? .calendar : .working))
    }

    /// The cases of a routing row (`improvement.lighting, improvement.yards, locality Луковниково`)
    /// in the renderer's language.
    func routingCases(_ cases: String) -> String {
        var parts: [String] = []
        var inDimensions = false
        for token in cases.components(separatedBy: ", ") {
            if let (key, values) = dimension(token) {
                inDimensions = true
                parts.append(t(key, ["values": values]))
            } else if token.hasPrefix("cases ") {
                inDimensions = true
                parts.append(t(.diffRoutingCombinations, ["list": combinations(String(token.dropFirst("cases ".count)))]))
            } else if inDimensions, !parts.isEmpty {
                // A name with ", " in it: it belongs to the dimension before.
                parts[parts.count - 1] += ", " + token
            } else if let more = token.range(of: " and "), token.hasSuffix(" more"), let count = Int(token[more.upperBound...].dropLast(" more".count)) {
                parts.append(t(.diffRoutingMore, ["node": String(token[..<more.lowerBound]), "count": "\(count)"]))
            } else {
                parts.append(token)
            }
        }
        return parts.joined(separator: ", ")
    }

    private func dimension(_ token: String) -> (MessageKey, String)? {
        for (prefix, key) in [("regime ", MessageKey.diffRoutingRegime), ("channel ", .diffRoutingChannel), ("source ", .diffRoutingSource), ("locality ", .diffRoutingLocality)] where token.hasPrefix(prefix) {
            let values = token.dropFirst(prefix.count).components(separatedBy: "/").map { value in
                key == .diffRoutingRegime ? regimeWord(value) : value == "any other" ? t(.diffRoutingAnyOther) : value
            }
            return (key, values.joined(separator: "/"))
        }
        return nil
    }

    private func regimeWord(_ value: String) -> String {
        switch value {
        case Regime.appeal.rawValue: t(.diffRegimeAppeal)
        case Regime.message.rawValue: t(.diffRegimeMessage)
        default: value
        }
    }

    /// `appeal/widget/any other/any other; …; … (12 combinations)`.
    private func combinations(_ list: String) -> String {
        list.components(separatedBy: "; ").map { item in
            if item.hasPrefix("… ("), item.hasSuffix(" combinations)"), let count = Int(item.dropFirst("… (".count).dropLast(" combinations)".count)) {
                return t(.diffRoutingCombinationCount, ["count": "\(count)"])
            }
            let values = item.components(separatedBy: "/")
            guard values.count == 4 else { return item }
            return [regimeWord(values[0]), values[1], values[2] == "any other" ? t(.diffRoutingAnyOther) : values[2], values[3] == "any other" ? t(.diffRoutingAnyOther) : values[3]].joined(separator: "/")
        }.joined(separator: "; ")
    }
}

extension PolicyDiff.Risk {
    /// The risk in Russian, for people (the console lists them); ``DiffRenderer`` renders it in
    /// any language. Not part of the JSON.
    public var message: String { DiffRenderer(language: .ru).riskText(self) }

    /// The kind in Russian («повышение прав» for `escalation`, …).
    public var kindTitle: String { DiffRenderer(language: .ru).riskKind(kind) }
}

extension PolicyDiff.TreeChange {
    /// What changed on the node, in Russian; ``DiffRenderer`` renders it in any language.
    public var detail: String { DiffRenderer(language: .ru).treeDetail(self) }
}
