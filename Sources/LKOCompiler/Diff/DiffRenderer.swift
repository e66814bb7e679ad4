import Foundation

/// Prints a ``PolicyDiff`` for people (terminal text, or Markdown for a pull-request comment).
/// JSON is the ``PolicyDiff`` itself, encoded with sorted keys (schema in `docs/review.md`).
public struct DiffRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public var useColor = false

    public init(useColor: Bool = false) {
        self.useColor = useColor
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
        guard diff.hasEffectiveChange else { return "no effective change" }
        let gained = diff.access.filter { $0.change == "gained" }.count
        let lost = diff.access.count - gained
        var parts: [String] = []
        if !diff.access.isEmpty { parts.append("\(Set(diff.access.map(\.login)).count) login(s): +\(gained) −\(lost) permissions") }
        if !diff.roles.isEmpty { parts.append("\(diff.roles.count) role(s) changed") }
        if !diff.tree.isEmpty { parts.append("\(diff.tree.count) tree/term change(s)") }
        if !diff.routing.isEmpty { parts.append("\(diff.routing.count) routing change(s)") }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            parts.append("findings +\(diff.findingsIntroduced.count) −\(diff.findingsResolved.count)")
        }
        if !diff.substitutes.isEmpty { parts.append("\(diff.substitutes.count) eligibility change(s)") }
        if !diff.acceptances.isEmpty { parts.append("\(diff.acceptances.count) acceptance change(s)") }
        let risks = Dictionary(grouping: diff.risks, by: \.kind).map { "\($0.value.count) \($0.key)" }.sorted()
        return parts.joined(separator: "; ") + (risks.isEmpty ? "" : "; RISK: " + risks.joined(separator: ", "))
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func accessLine(_ change: PolicyDiff.AccessChange) -> String {
        "\(change.action) on \(change.scope)" + PolicyDiff.nodesText(change.nodes)
            + PolicyDiff.validityText(change.from, change.until)
    }

    private func eligibilityLine(_ change: PolicyDiff.SubstituteChange) -> String {
        "substitute \(change.substitute) for \(change.absentee ?? "anyone")" + (change.nodes.isEmpty ? "" : " on " + change.nodes.joined(separator: ", ")) + " as \(change.kind)"
    }

    private func text(_ diff: PolicyDiff) -> String {
        var out = "policy diff \(diff.old.label) → \(diff.new.label)\n"
        out += "  \(diff.old.version.prefix(19))… → \(diff.new.version.prefix(19))…\n"
        out += summary(diff) + "\n"
        guard diff.hasEffectiveChange || !diff.risks.isEmpty else { return out }
        if !diff.risks.isEmpty {
            out += "\n" + paint("Risks", "31;1") + "\n"
            for risk in diff.risks { out += "  " + paint("[\(risk.kind)]", "31") + " \(risk.message)\n" }
        }
        if !diff.access.isEmpty {
            out += "\nAccess\n"
            for (login, changes) in Dictionary(grouping: diff.access, by: \.login).sorted(by: { $0.key < $1.key }) {
                out += "  \(login)\n"
                for change in changes {
                    let sign = change.change == "gained" ? paint("+", "32") : paint("-", "31")
                    out += "    \(sign) \(accessLine(change))  (\(change.cause))\n"
                }
            }
        }
        if !diff.roles.isEmpty {
            out += "\nRoles\n"
            for role in diff.roles {
                out += "  \(role.role) (\(role.holders) holder\(role.holders == 1 ? "" : "s"))" + (role.titleChange.map { ": \($0)" } ?? "") + "\n"
                for added in role.added { out += "    " + paint("+", "32") + " \(added)\n" }
                for removed in role.removed { out += "    " + paint("-", "31") + " \(removed)\n" }
            }
        }
        if !diff.tree.isEmpty {
            out += "\nTree and terms\n"
            for change in diff.tree { out += "  \(change.kind.padding(toLength: 11, withPad: " ", startingAt: 0)) \(change.node): \(change.detail)\n" }
        }
        if !diff.routing.isEmpty {
            out += "\nRouting\n"
            for change in diff.routing { out += "  \(change.cases): \(change.old) → \(change.new)\n" }
        }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            out += "\nFindings\n"
            for finding in diff.findingsIntroduced { out += "  " + paint("new", "33") + "      \(finding.code) \(finding.message)\n" }
            for finding in diff.findingsResolved { out += "  " + paint("resolved", "32") + " \(finding.code) \(finding.message)\n" }
        }
        if !diff.substitutes.isEmpty {
            out += "\nSubstitute eligibility\n"
            for change in diff.substitutes {
                let sign = change.change == "added" ? paint("+", "32") : paint("-", "31")
                out += "    \(sign) \(eligibilityLine(change))  (\(change.position))\n"
            }
        }
        if !diff.acceptances.isEmpty {
            out += "\nAccepted findings\n"
            for change in diff.acceptances {
                let sign = change.change == "added" ? paint("+", "32") : paint("-", "31")
                out += "    \(sign) \(change.code) for \(change.subjects.joined(separator: ", ")): \(change.reason)  (\(change.position))\n"
            }
        }
        return out
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func markdown(_ diff: PolicyDiff) -> String {
        var out = "### Policy change: \(diff.hasEffectiveChange ? summary(diff) : "no effective change")\n\n"
        out += "`\(diff.old.label)` (`\(diff.old.version.prefix(19))…`) → `\(diff.new.label)` (`\(diff.new.version.prefix(19))…`)\n"
        guard diff.hasEffectiveChange || !diff.risks.isEmpty else { return out }
        if !diff.risks.isEmpty {
            out += "\n#### ⚠️ Risks\n\n| kind | what |\n| --- | --- |\n"
            for risk in diff.risks { out += "| \(risk.kind) | \(cell(risk.message)) |\n" }
        }
        if !diff.access.isEmpty {
            out += "\n#### Access\n\n| login | change | permission | because of |\n| --- | --- | --- | --- |\n"
            for change in diff.access.sorted(by: { ($0.login, $0.change) < ($1.login, $1.change) }) {
                out += "| \(change.login) | \(change.change == "gained" ? "➕ gained" : "➖ lost") | \(cell(accessLine(change))) | `\(change.cause)` |\n"
            }
        }
        if !diff.roles.isEmpty {
            out += "\n#### Roles\n\n| role | holders | added | removed | note |\n| --- | --- | --- | --- | --- |\n"
            for role in diff.roles {
                out += "| \(role.role) | \(role.holders) | \(cell(role.added.joined(separator: "; "))) | \(cell(role.removed.joined(separator: "; "))) | \(cell(role.titleChange ?? "")) |\n"
            }
        }
        if !diff.tree.isEmpty {
            out += "\n#### Tree and terms\n\n| change | node | detail |\n| --- | --- | --- |\n"
            for change in diff.tree { out += "| \(change.kind) | `\(change.node)` | \(cell(change.detail)) |\n" }
        }
        if !diff.routing.isEmpty {
            out += "\n#### Routing\n\n| cases | before | after |\n| --- | --- | --- |\n"
            for change in diff.routing { out += "| \(cell(change.cases)) | \(cell(change.old)) | \(cell(change.new)) |\n" }
        }
        if !diff.findingsIntroduced.isEmpty || !diff.findingsResolved.isEmpty {
            out += "\n#### Findings\n\n| | code | finding |\n| --- | --- | --- |\n"
            for finding in diff.findingsIntroduced { out += "| new | \(finding.code) | \(cell(finding.message)) |\n" }
            for finding in diff.findingsResolved { out += "| resolved | \(finding.code) | \(cell(finding.message)) |\n" }
        }
        if !diff.substitutes.isEmpty {
            out += "\n#### Substitute eligibility\n\n| change | eligibility | passes on | declared at |\n| --- | --- | --- | --- |\n"
            for change in diff.substitutes { out += "| \(change.change == "added" ? "➕ added" : "➖ removed") | \(cell(eligibilityLine(change))) | \(cell(change.actions.joined(separator: ", "))) | `\(change.position)` |\n" }
        }
        if !diff.acceptances.isEmpty {
            out += "\n#### Accepted findings\n\n| change | code | for | reason | declared at |\n| --- | --- | --- | --- | --- |\n"
            for change in diff.acceptances { out += "| \(change.change == "added" ? "➕ added" : "➖ removed") | \(change.code) | \(cell(change.subjects.joined(separator: ", "))) | \(cell(change.reason)) | `\(change.position)` |\n" }
        }
        return out
    }
}
