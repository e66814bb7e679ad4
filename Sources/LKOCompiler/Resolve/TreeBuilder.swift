import LKOLanguage
import LKOMessages

/// Builds the category → subcategory → fact tree in canonical (sorted, depth-first) order.
struct TreeBuilder {
    final class Node {
        let declaration: NodeDeclaration
        let path: String
        var children: [Node] = []
        var ownTerm: [Regime: TermValue] = [:]
        var generalTerm: TermValue?
        var accelerated = false
        var acceleratedSpan: SourceSpan?
        var termSpan: SourceSpan?
        /// Where each regime's own term (or the general one) is written.
        var ownTermSpans: [Regime: SourceSpan] = [:]
        var generalTermSpan: SourceSpan?

        init(declaration: NodeDeclaration, path: String) {
            self.declaration = declaration
            self.path = path
        }
    }

    var roots: [Node] = []
    /// Path → row index, filled by `flatten`.
    var indexByPath: [String: Int] = [:]
    var rows: [NodeRow] = []
    var childNames: [String: [String]] = [:]
}

extension Resolver {
    mutating func resolveTree(_ declarations: Declarations) {
        var rootsByID: [String: TreeBuilder.Node] = [:]
        for case .category(let declaration) in declarations {
            if let first = rootsByID[declaration.id.name] {
                report(Diagnostic(.duplicateName, Message(.diagCategoryTwice, ["id": .text(declaration.id.name)]), at: declaration.id.span, label: Message(.diagSecondDeclaration), help: Message(.diagCategoryTwiceHelp), notes: [.init(Message(.diagFirstDeclaredHere), at: first.declaration.id.span)]))
                continue
            }
            let node = buildNode(declaration, parentPath: nil)
            rootsByID[declaration.id.name] = node
        }
        tree.roots = rootsByID.values.sorted { $0.path < $1.path }
        // Without an organization (already an error) the defaults still apply, so every path
        // resolves and the user is not buried under follow-on "unknown category" errors.
        let defaults: [Regime: TermValue] = [
            .appeal: organization?.appealTerm ?? TermValue(days: 30, unit: .calendar),
            .message: organization?.messageTerm ?? TermValue(days: 30, unit: .calendar),
        ]
        for root in tree.roots {
            flatten(root, parent: nil, inherited: defaults, inheritedAccelerated: false, inheritedFrom: nil)
        }
    }

    private mutating func buildNode(_ declaration: NodeDeclaration, parentPath: String?) -> TreeBuilder.Node {
        let path = parentPath.map { "\($0).\(declaration.id.name)" } ?? declaration.id.name
        let node = TreeBuilder.Node(declaration: declaration, path: path)
        spans.nodes[path] = declaration.id.span
        var childrenByID: [String: TreeBuilder.Node] = [:]
        for item in declaration.items {
            switch item.kind {
            case .term(let regimeName, let term):
                var regime: Regime?
                if let regimeName {
                    guard let resolved = self.regime(regimeName) else { continue }
                    regime = resolved
                }
                guard let value = checkedTerm(term, accelerated: false) else { continue }
                if let regime {
                    if node.ownTerm[regime] != nil {
                        report(Diagnostic(.duplicateName, Message(.diagTermRegimeTwice, ["regime": .text(regime.rawValue), "path": .text(path)]), at: item.span, label: Message(.diagTermTwiceLabel), help: Message(.diagKeepOneTerm)))
                    }
                    node.ownTerm[regime] = value
                    node.ownTermSpans[regime] = term.span
                } else {
                    if node.generalTerm != nil {
                        report(Diagnostic(.duplicateName, Message(.diagTermTwiceOnNode, ["path": .text(path)]), at: item.span, label: Message(.diagTermTwiceLabel), help: Message(.diagKeepOneTerm)))
                    }
                    node.generalTerm = value
                    node.generalTermSpan = term.span
                }
                node.termSpan = node.termSpan ?? term.span
            case .accelerated:
                node.accelerated = true
                node.acceleratedSpan = item.span
                spans.accelerated[path] = item.span
            case .child(let child):
                if let first = childrenByID[child.id.name] {
                    report(Diagnostic(.duplicateName, Message(child.level == .fact ? .diagFactTwice : .diagSubcategoryTwice, ["path": .text("\(path).\(child.id.name)")]), at: child.id.span, label: Message(.diagSecondDeclaration), help: Message(.diagChildTwiceHelp, ["parent": .text(path)]), notes: [.init(Message(.diagFirstDeclaredHere), at: first.declaration.id.span)]))
                    continue
                }
                childrenByID[child.id.name] = buildNode(child, parentPath: path)
            }
        }
        node.children = childrenByID.values.sorted { $0.path < $1.path }
        tree.childNames[path] = node.children.map(\.declaration.id.name)
        return node
    }

    /// Appends the node and its subtree in depth-first order, resolving inherited terms and the
    /// accelerated flag, and checks the 10-day bound where acceleration applies. `inheritedFrom`:
    /// the path whose term the node inherits, nil for the organization's default.
    private mutating func flatten(_ node: TreeBuilder.Node, parent: Int?, inherited: [Regime: TermValue], inheritedAccelerated: Bool, inheritedFrom: String?) {
        let index = tree.rows.count
        var effective = inherited
        for regime in Regime.allCases {
            if let own = node.ownTerm[regime] ?? node.generalTerm { effective[regime] = own }
        }
        let accelerated = node.accelerated || inheritedAccelerated
        if accelerated {
            for regime in Regime.allCases {
                guard let term = effective[regime] else { continue }
                let isOwn = node.ownTerm[regime] != nil || node.generalTerm != nil
                // Report once: where the offending term is written, or where acceleration starts.
                guard isOwn || node.accelerated else { continue }
                if term.unit == .working || term.days > Resolver.maximumAcceleratedDays {
                    let written = node.ownTerm[regime] != nil ? node.ownTermSpans[regime] : node.generalTermSpan
                    let at = isOwn ? (written ?? node.termSpan ?? node.declaration.id.span) : (node.acceleratedSpan ?? node.declaration.id.span)
                    let source: Message.Argument = inheritedFrom.map { .text("`\($0)`") } ?? .catalog(.diagOrganizationDefault)
                    let origin: Message.Argument = isOwn ? .text("") : .catalog(.diagInheritedFrom, ["from": source])
                    let path: Message.Argument = .text(node.path)
                    report(Diagnostic(
                        .acceleratedTermTooLong,
                        Message(.diagAcceleratedTerm, ["path": path, "regime": .catalog(regime == .appeal ? .diagRegimeAppealOf : .diagRegimeMessageOf), "term": DiagnosticText.term(term), "origin": origin]),
                        at: at, label: Message(.diagOver10Days), help: Message(.diagAcceleratedTermHelp, ["path": path])
                    ))
                    break
                }
            }
        }
        tree.indexByPath[node.path] = index
        tree.rows.append(NodeRow(
            index: index, path: node.path, level: node.declaration.level.rawValue, title: node.declaration.title.value,
            parent: parent, subtreeEnd: index + 1,
            ownAppealTerm: node.ownTerm[.appeal] ?? node.generalTerm, ownMessageTerm: node.ownTerm[.message] ?? node.generalTerm,
            appealTerm: effective[.appeal]!, messageTerm: effective[.message]!,
            accelerated: accelerated, position: position(node.declaration.span)
        ))
        let from = (node.generalTerm != nil || !node.ownTerm.isEmpty) ? node.path : inheritedFrom
        for child in node.children {
            flatten(child, parent: index, inherited: effective, inheritedAccelerated: accelerated, inheritedFrom: from)
        }
        tree.rows[index].subtreeEnd = tree.rows.count
    }

    /// Resolves a written path to a node index, with "did you mean" on a miss.
    mutating func resolvePath(_ path: NodePath, expectedLevel: NodeDeclaration.Level? = nil) -> Int? {
        let text = path.description
        if let index = tree.indexByPath[text] {
            if let expectedLevel, tree.rows[index].level != expectedLevel.rawValue {
                let actual = tree.rows[index].level
                let help: MessageKey = switch expectedLevel {
                case .category: .diagWrongLevelHelpCategory
                case .subcategory: .diagWrongLevelHelpSubcategory
                case .fact: .diagWrongLevelHelpFact
                }
                report(Diagnostic(
                    .wrongNodeLevel, Message(.diagWrongLevel, ["path": .text(text), "actual": DiagnosticText.level(actual), "expected": expectedLevel.noun]),
                    at: path.span, label: Message(.diagWrongLevelLabel, ["actual": DiagnosticText.level(actual)]), help: Message(help, ["keyword": .text(actual), "path": .text(text)])
                ))
                return nil
            }
            return index
        }
        // Find the deepest existing prefix to make the message precise.
        var prefix: [String] = []
        for segment in path.segments {
            let candidate = (prefix + [segment.name]).joined(separator: ".")
            if tree.indexByPath[candidate] == nil {
                let siblings = prefix.isEmpty ? tree.roots.map(\.declaration.id.name) : (tree.childNames[prefix.joined(separator: ".")] ?? [])
                let parent: Message.Argument = prefix.isEmpty ? .text("") : .catalog(.diagInParent, ["parent": .text(prefix.joined(separator: "."))])
                let (key, kind): (MessageKey, Suggestions.Kind) = [(.diagUnknownCategory, .category), (.diagUnknownSubcategory, .subcategory), (.diagUnknownFact, .fact)][min(prefix.count, 2)]
                report(Diagnostic(.unknownNode, Message(key, ["name": .text(segment.name), "parent": parent]), at: segment.span, label: Message(.diagNotInTree), help: Suggestions.message(for: segment.name, in: siblings, kind: kind)))
                return nil
            }
            prefix.append(segment.name)
        }
        return nil
    }
}
