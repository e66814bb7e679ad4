import LKOLanguage

extension Resolver {
    mutating func resolveRules(_ declarations: [Declaration]) {
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
        let kind = isFastTrack ? "fast-track" : "auto-rule"
        let id = rule.id.name
        if let first = (isFastTrack ? spans.fastTracks : spans.autoRules)[id] {
            report(Diagnostic(.duplicateName, "\(kind) `\(id)` is declared twice", at: rule.id.span, label: "second declaration", help: "rename one of them", notes: [.init("first declared here", at: first)]))
            return nil
        }
        if isFastTrack { spans.fastTracks[id] = rule.id.span } else { spans.autoRules[id] = rule.id.span }
        var ok = true
        let priority = rule.priority?.value ?? 0
        if let literal = rule.priority, !Resolver.priorityRange.contains(literal.value) {
            report(Diagnostic(.priorityOutOfRange, "priority \(literal.value) is out of range", at: literal.span, label: "must be 0…\(Resolver.priorityRange.upperBound)", help: "use a number from 0 to \(Resolver.priorityRange.upperBound); lower numbers are tried first"))
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
                let message = group == "node"
                    ? "the \(kind) matches on the category tree twice"
                    : "`when \(condition.field.rawValue)` is given twice"
                report(Diagnostic(.duplicateCondition, message, at: condition.fieldSpan, label: "second condition", help: group == "node" ? "list every category, subcategory and fact in one `when` line of one kind, or split the rule" : "list all values in one line: `when \(condition.field.rawValue) A, B`", notes: [.init("first given here", at: first)]))
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
                        report(Diagnostic(.unknownChannel, "unknown channel `\(name.name)`", at: name.span, label: "not a channel", help: Suggestions.help(for: name.name, in: Channel.allCases.map(\.rawValue), kind: "channel") + " (service-page codes such as MED_DOC_EPGU are matched with `when source`)"))
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
                report(Diagnostic(.missingTarget, "a fast-track must assign an executor", at: span, label: "a fast-track skips the coordinator", help: "write `assign LOGIN`, or make this an `autorule` if the coordinator should decide"))
                ok = false
            }
        case nil:
            report(Diagnostic(.missingTarget, "the \(kind) `\(id)` has no target", at: rule.id.span, label: "assigns nobody", help: isFastTrack ? "add `assign LOGIN`" : "add `assign LOGIN` or `leave to coordinator`"))
            ok = false
        }
        if isFastTrack {
            if nodeFieldSpan == nil, sourcesMatched.isEmpty {
                report(Diagnostic(.fastTrackWithoutMatch, "fast-track `\(id)` matches neither a source nor a subcategory", at: rule.id.span, label: "would take every case", help: "add `when source \"CODE\"` and/or `when subcategory CATEGORY.SUBCATEGORY`"))
                ok = false
            }
            if rule.term == nil {
                report(Diagnostic(.missingTarget, "fast-track `\(id)` has no term", at: rule.id.span, label: "no `term`", help: "add its own term, e.g. `term 10 calendar days`"))
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
