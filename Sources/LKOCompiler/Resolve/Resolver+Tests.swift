import LKOLanguage
import LKOCalendar

/// A policy test after name resolution, ready for ``PolicyTestRunner``.
public struct ResolvedTest: Sendable {
    public var name: String
    public var span: SourceSpan
    public var at: CalendarDate?
    public var expectations: [ResolvedExpectation]
}

public struct ResolvedExpectation: Sendable {
    public enum Kind: Sendable {
        case decision(allow: Bool, login: String, action: Action)
        /// `target` nil means the coordinator.
        case route(target: String?, viaKind: String?, viaID: String?)
    }

    public var kind: Kind
    public var attributes: CaseAttributes
    /// The case's own `at`, overriding the test's.
    public var at: CalendarDate?
    public var span: SourceSpan
    /// The expectation as written, for reports.
    public var text: String
}

extension Resolver {
    mutating func resolveTests(_ declarations: [Declaration]) {
        var names: [String: SourceSpan] = [:]
        for case .test(let test) in declarations {
            if let first = names[test.name.value] {
                report(Diagnostic(.duplicateName, "test \"\(test.name.value)\" is declared twice", at: test.name.span, label: "second declaration", help: "give every test its own name", notes: [.init("first declared here", at: first)]))
            }
            names[test.name.value] = test.name.span
            var resolved = ResolvedTest(name: test.name.value, span: test.span, at: test.at.flatMap(calendarDate), expectations: [])
            for expectation in test.expectations {
                let text = sources.file(of: expectation.span)?.text(of: expectation.span) ?? ""
                switch expectation.kind {
                case .decision(let allow, let login, let actionName, let description):
                    guard let action = Action(name: actionName.name) else {
                        report(Diagnostic(.unknownAction, "unknown action `\(actionName.name)`", at: actionName.span, label: "not an action", help: Suggestions.help(for: actionName.name, in: Action.allCases.map(\.rawValue), kind: "action")))
                        continue
                    }
                    guard let (attributes, at) = resolveCase(description) else { continue }
                    resolved.expectations.append(ResolvedExpectation(kind: .decision(allow: allow, login: login.name, action: action), attributes: attributes, at: at, span: expectation.span, text: text))
                case .route(let description, let target, let via):
                    guard let (attributes, at) = resolveCase(description) else { continue }
                    var viaKind: String?
                    var viaID: String?
                    if let via {
                        guard ["autorule", "fasttrack"].contains(via.kind.name) else {
                            report(Diagnostic(.invalidCaseDescription, "`via \(via.kind.name)` is not a kind of rule", at: via.kind.span, label: "expected `autorule` or `fasttrack`", help: "write `via autorule ID` or `via fasttrack ID`"))
                            continue
                        }
                        let declared = via.kind.name == "autorule" ? spans.autoRules : spans.fastTracks
                        guard declared[via.id.name] != nil else {
                            report(Diagnostic(.invalidCaseDescription, "no \(via.kind.name) `\(via.id.name)` is declared", at: via.id.span, label: "not declared", help: Suggestions.help(for: via.id.name, in: Array(declared.keys), kind: via.kind.name)))
                            continue
                        }
                        viaKind = via.kind.name
                        viaID = via.id.name
                    }
                    var targetLogin: String?
                    if case .login(let login) = target { targetLogin = login.name }
                    resolved.expectations.append(ResolvedExpectation(kind: .route(target: targetLogin, viaKind: viaKind, viaID: viaID), attributes: attributes, at: at, span: expectation.span, text: text))
                }
            }
            tests.append(resolved)
        }
    }

    func calendarDate(_ literal: DateLiteral) -> CalendarDate? {
        CalendarDate(year: literal.year, month: literal.month, day: literal.day)
    }

    private mutating func resolveCase(_ description: CaseDescription) -> (CaseAttributes, CalendarDate?)? {
        var attributes = CaseAttributes()
        var at: CalendarDate?
        var ok = true
        var nodeSpan: SourceSpan?
        var seen: Set<String> = []
        for field in description.fields {
            if !seen.insert(field.key.name).inserted {
                report(Diagnostic(.invalidCaseDescription, "case field `\(field.key.name)` is given twice", at: field.key.span, label: "second value", help: "give each field once"))
                ok = false
                continue
            }
            switch field.key.name {
            case "category", "subcategory", "fact":
                guard case .path(let path) = field.value,
                      let index = resolvePath(path, expectedLevel: NodeDeclaration.Level(rawValue: field.key.name)) else { ok = false; continue }
                let nodePath = tree.rows[index].path
                // The deepest level given wins: `fact` refines `subcategory` refines `category`.
                if let existing = attributes.node, existing.split(separator: ".").count > nodePath.split(separator: ".").count { continue }
                attributes.node = nodePath
                nodeSpan = path.span
            case "regime":
                guard case .name(let name) = field.value, let regime = regime(name) else { ok = false; continue }
                attributes.regime = regime
            case "channel":
                guard case .name(let name) = field.value else { continue }
                guard let channel = Channel(rawValue: name.name) else {
                    report(Diagnostic(.unknownChannel, "unknown channel `\(name.name)`", at: name.span, label: "not a channel", help: Suggestions.help(for: name.name, in: Channel.allCases.map(\.rawValue), kind: "channel")))
                    ok = false
                    continue
                }
                attributes.channel = channel
            case "source": attributes.source = field.value.text
            case "locality": attributes.locality = field.value.text
            case "assignee":
                let name = field.value.text
                attributes.assignee = name == "none" ? nil : name
            case "at":
                at = field.date.flatMap(calendarDate)
            default: ok = false
            }
        }
        if let path = attributes.node, let index = tree.indexByPath[path], tree.rows[index].level == "category", tree.rows[index].subtreeEnd > index + 1 {
            let children = tree.rows[(index + 1)..<tree.rows[index].subtreeEnd].filter { $0.parent == index }.map(\.path)
            report(Diagnostic(.invalidCaseDescription, "no case can sit on `\(path)`: the category has subcategories", at: nodeSpan ?? description.span, label: "a category with subcategories", help: "name a subcategory, e.g. `subcategory \(children.first ?? path + ".…")`" + (children.count > 1 ? " (one of \(children.prefix(6).joined(separator: ", "))\(children.count > 6 ? ", …" : ""))" : "") + "; the importer refuses a case on a category that has subcategories"))
            ok = false
        }
        if attributes.node == nil {
            report(Diagnostic(.invalidCaseDescription, "the case names no category", at: description.span, label: "no `subcategory`", help: "add `subcategory CATEGORY.SUBCATEGORY` (or `category`, `fact`) to the case"))
            ok = false
        }
        return ok ? (attributes, at) : nil
    }
}
