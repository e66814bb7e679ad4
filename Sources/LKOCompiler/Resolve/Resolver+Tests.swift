import LKOLanguage
import LKOCalendar
import LKOMessages

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
    mutating func resolveTests(_ declarations: Declarations) {
        var names: [String: SourceSpan] = [:]
        for case .test(let test) in declarations {
            if let first = names[test.name.value] {
                report(Diagnostic(.duplicateName, Message(.diagTestTwice, ["name": .text(test.name.value)]), at: test.name.span, label: Message(.diagSecondDeclaration), help: Message(.diagTestTwiceHelp), notes: [.init(Message(.diagFirstDeclaredHere), at: first)]))
            }
            names[test.name.value] = test.name.span
            var resolved = ResolvedTest(name: test.name.value, span: test.span, at: test.at.flatMap(calendarDate), expectations: [])
            for expectation in test.expectations {
                let text = sources.file(of: expectation.span)?.text(of: expectation.span) ?? ""
                switch expectation.kind {
                case .decision(let allow, let login, let actionName, let description):
                    guard let action = Action(name: actionName.name) else {
                        report(Diagnostic(.unknownAction, Message(.diagUnknownAction, ["action": .text(actionName.name)]), at: actionName.span, label: Message(.diagNotAnAction), help: Suggestions.message(for: actionName.name, in: Action.allCases.map(\.rawValue), kind: .action)))
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
                            report(Diagnostic(.invalidCaseDescription, Message(.diagViaNotRuleKind, ["kind": .text(via.kind.name)]), at: via.kind.span, label: Message(.diagViaNotRuleKindLabel), help: Message(.diagViaNotRuleKindHelp)))
                            continue
                        }
                        let declared = via.kind.name == "autorule" ? spans.autoRules : spans.fastTracks
                        guard declared[via.id.name] != nil else {
                            let isAutorule = via.kind.name == "autorule"
                            report(Diagnostic(.invalidCaseDescription, Message(isAutorule ? .diagNoAutorule : .diagNoFasttrack, ["id": .text(via.id.name)]), at: via.id.span, label: Message(.diagNotDeclared), help: Suggestions.message(for: via.id.name, in: Array(declared.keys), kind: isAutorule ? .autorule : .fasttrack)))
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
                report(Diagnostic(.invalidCaseDescription, Message(.diagCaseFieldTwice, ["field": .text(field.key.name)]), at: field.key.span, label: Message(.diagSecondValue), help: Message(.diagCaseFieldTwiceHelp)))
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
                    report(Diagnostic(.unknownChannel, Message(.diagUnknownChannel, ["channel": .text(name.name)]), at: name.span, label: Message(.diagNotAChannel), help: Suggestions.message(for: name.name, in: Channel.allCases.map(\.rawValue), kind: .channel)))
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
let choices: Message.Argument = children.count > 1 ? .catalog(.diagOneOf, ["list": .text(children.prefix(6).joined(separator: ", ") + (children.count > 6 ? ", …" : ""))]) : .text("")
            report(Diagnostic(.invalidCaseDescription, Message(.diagCaseOnCategory, ["path": .text(path)]), at: nodeSpan ?? description.span, label: Message(.diagCaseOnCategoryLabel), help: Message(.diagCaseOnCategoryHelp, ["first": .text(children.first ?? path + ".…"), "choices": choices])))
            ok = false
        }
        if attributes.node == nil {
            report(Diagnostic(.invalidCaseDescription, Message(.diagCaseNoCategory), at: description.span, label: Message(.diagNoSubcategoryLabel), help: Message(.diagCaseNoCategoryHelp)))
            ok = false
        }
        return ok ? (attributes, at) : nil
    }
}
