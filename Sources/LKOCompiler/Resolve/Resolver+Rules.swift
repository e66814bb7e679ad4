import LKOLanguage
import LKOMessages

extension Resolver {
    mutating func resolveRules(_ declarations: Declarations) {
        for declaration in declarations {
            switch declaration {
            case .autoRule(let rule):
                if let row = resolveRule(rule, isFastTrack: false) { autoRules.append(row) }
            case .fastTrack(let rule):
                if let row = resolveRule(rule, isFastTrack: true) { fastTracks.append(row) }
            default: continue
            }
        }
        autoRules.sort { ($0.priority, $0.id) < ($1.priority, $1.id) }
        fastTracks.sort { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }

    private mutating func resolveRule(_ rule: RuleDeclaration, isFastTrack: Bool) -> RuleRow? {
        let kind = DiagnosticText.ruleKindOf(isFastTrack: isFastTrack)
        let id = rule.id.name
        if let first = (isFastTrack ? spans.fastTracks : spans.autoRules)[id] {
            report(Diagnostic(.duplicateName, Message(isFastTrack ? .diagFastTrackTwice : .diagAutoRuleTwice, ["id": .text(id)]), at: rule.id.span, label: Message(.diagSecondDeclaration), help: Message(.diagRuleTwiceHelp), notes: [.init(Message(.diagFirstDeclaredHere), at: first)]))
            return nil
        }
        if isFastTrack { spans.fastTracks[id] = rule.id.span } else { spans.autoRules[id] = rule.id.span }
        var ok = true
        let priority = rule.priority?.value ?? 0
        if let literal = rule.priority, !Resolver.priorityRange.contains(literal.value) {
            let maximum: Message.Argument = .text("\(Resolver.priorityRange.upperBound)")
            report(Diagnostic(.priorityOutOfRange, Message(.diagPriorityRange, ["priority": .text("\(literal.value)")]), at: literal.span, label: Message(.diagPriorityRangeLabel, ["maximum": maximum]), help: Message(.diagPriorityRangeHelp, ["maximum": maximum])))
            ok = false
        }
        if rule.priority == nil { ok = false }

        var nodes: [String] = []
        var regimes: [String] = []
        var channels: [String] = []
        var sourcesMatched: [String] = []
        var localities: [String] = []
        var seenFields: [String: SourceSpan] = [:]
        var nodeFieldSpan: SourceSpan?
        for condition in rule.conditions {
            let group: String
            switch condition.field {
            case .category, .subcategory, .fact: group = "node"
            default: group = condition.field.rawValue
            }
            if let first = seenFields[group] {
                let field: Message.Argument = .text(condition.field.rawValue)
                let message = group == "node" ? Message(.diagTreeConditionTwice, ["kind": kind]) : Message(.diagConditionTwice, ["field": field])
                let help = group == "node" ? Message(.diagTreeConditionTwiceHelp) : Message(.diagConditionTwiceHelp, ["field": field])
                report(Diagnostic(.duplicateCondition, message, at: condition.fieldSpan, label: Message(.diagSecondCondition), help: help, notes: [.init(Message(.diagFirstGivenHere), at: first)]))
                ok = false
                continue
            }
            seenFields[group] = condition.fieldSpan
            switch condition.field {
            case .category, .subcategory, .fact:
                nodeFieldSpan = condition.span
                let level = NodeDeclaration.Level(rawValue: condition.field.rawValue)!
                for value in condition.values {
                    guard case .path(let path) = value, let index = resolvePath(path, expectedLevel: level) else { ok = false; continue }
                    nodes.append(tree.rows[index].path)
                }
            case .regime:
                for value in condition.values {
                    guard case .name(let name) = value, let regime = regime(name) else { ok = false; continue }
                    regimes.append(regime.rawValue)
                }
            case .channel:
                for value in condition.values {
                    guard case .name(let name) = value else { continue }
                    guard let channel = Channel(rawValue: name.name) else {
                        report(Diagnostic(.unknownChannel, Message(.diagUnknownChannel, ["channel": .text(name.name)]), at: name.span, label: Message(.diagNotAChannel), help: Message(.diagChannelHelp, ["suggestion": DiagnosticText.suggestion(name.name, in: Channel.allCases.map(\.rawValue), kind: .channel)])))
                        ok = false
                        continue
                    }
                    channels.append(channel.rawValue)
                }
            case .source:
                sourcesMatched += condition.values.map(\.text)
            case .locality:
                localities += condition.values.map(\.text)
            }
        }
        var assignee: String?
        switch rule.target {
        case .login(let login): assignee = login.name
        case .coordinator(let span):
            if isFastTrack {
                report(Diagnostic(.missingTarget, Message(.diagFastTrackToCoordinator), at: span, label: Message(.diagFastTrackToCoordinatorLabel), help: Message(.diagFastTrackToCoordinatorHelp)))
                ok = false
            }
        case nil:
            report(Diagnostic(.missingTarget, Message(.diagNoTarget, ["kind": kind, "id": .text(id)]), at: rule.id.span, label: Message(.diagAssignsNobody), help: Message(isFastTrack ? .diagNoTargetHelpFastTrack : .diagNoTargetHelpAutoRule)))
            ok = false
        }
        if isFastTrack {
            if nodeFieldSpan == nil, sourcesMatched.isEmpty {
                report(Diagnostic(.fastTrackWithoutMatch, Message(.diagFastTrackMatchesAll, ["id": .text(id)]), at: rule.id.span, label: Message(.diagFastTrackMatchesAllLabel), help: Message(.diagFastTrackMatchesAllHelp)))
                ok = false
            }
            if rule.term == nil {
                report(Diagnostic(.missingTarget, Message(.diagFastTrackNoTerm, ["id": .text(id)]), at: rule.id.span, label: Message(.diagNoTermLabel), help: Message(.diagFastTrackNoTermHelp)))
                ok = false
            }
        }
        var term: TermValue?
        if let termSyntax = rule.term {
            term = checkedTerm(termSyntax, accelerated: false)
            if term == nil { ok = false }
        }
        guard ok else { return nil }
        return RuleRow(
            id: id, title: rule.title?.value, priority: priority,
            nodes: Array(Set(nodes)).sorted(), regimes: Array(Set(regimes)).sorted(), channels: Array(Set(channels)).sorted(),
            sources: Array(Set(sourcesMatched)).sorted(), localities: Array(Set(localities)).sorted(),
            assignee: assignee, term: term, position: position(rule.span)
        )
    }
}
