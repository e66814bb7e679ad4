import LKOMessages

extension Parser {
    static let organizationKeywords = ["timezone", "term", "deadline", "executor_role", "coordinator_role"]
    static let roleKeywords = ["allow"]
    static let calendarKeywords = ["year", "day_off", "workday"]

    /// `organization "Title" { … }`
    mutating func parseOrganization(_ trivia: Trivia) -> OrganizationDeclaration? {
        let start = advance()
        guard let title = expectString(.catalog(.diagWhatOrganizationTitle)) else { return nil }
        guard let open = expect(.leftBrace, "`{`") else { return nil }
        var settings: [OrganizationSetting] = []
        var trivia = trivia
        let closing = parseBlock(of: .organization, keywords: Parser.organizationKeywords, open: open) { parser, keyword, itemTrivia in
            if let setting = parser.parseOrganizationSetting(keyword, itemTrivia) { settings.append(setting) }
        }
        endStatement(&trivia)
        return OrganizationDeclaration(title: title, settings: settings, trivia: trivia, closingComments: closing, span: span(from: start))
    }

    mutating func parseOrganizationSetting(_ keyword: Token, _ trivia: Trivia) -> OrganizationSetting? {
        advance()
        var trivia = trivia
        let kind: OrganizationSetting.Kind
        switch keyword.text {
        case "timezone":
            guard let zone = expectString(.catalog(.diagWhatTimeZone)) else { return nil }
            kind = .timeZone(zone)
        case "term":
            guard let regime = expectIdentifier(.catalog(.diagWhatRegimeSetting)),
                  let term = parseTerm() else { return nil }
            kind = .term(regime: regime, term)
        case "deadline":
            guard let rule = expectIdentifier(.catalog(.diagWhatDeadlineRule)) else { return nil }
            kind = .deadlineRule(rule)
        default:
            guard let role = expectIdentifier(.catalog(.diagWhatRoleID)) else { return nil }
            kind = .designatedRole(setting: Identifier(keyword.text, span: keyword.span), role: role)
        }
        endStatement(&trivia)
        return OrganizationSetting(kind: kind, trivia: trivia, span: span(from: keyword))
    }

    /// `N calendar days` or `N working days`.
    mutating func parseTerm() -> TermSyntax? {
        guard let days = expectInteger(.catalog(.diagWhatDays)) else { return nil }
        let unitToken = current
        let unit: TermSyntax.Unit
        if matchKeyword("calendar") != nil {
            unit = .calendar
        } else if matchKeyword("working") != nil {
            unit = .working
        } else {
            errorExpected(.catalog(.diagWhatTermUnit), help: Message(.diagHelpTermShape))
            return nil
        }
        if matchKeyword("days") == nil, matchKeyword("day") == nil {
            errorExpected("`days`", help: Message(.diagHelpTermDays, ["days": .text("\(days.value)"), "unit": .text(unit.rawValue)]))
            return nil
        }
        return TermSyntax(days: days, unit: unit, span: SourceSpan(file: fileIndex, start: days.span.start, end: max(unitToken.span.end, previous.span.end)))
    }

    /// `role ID "Title" { allow ACTIONS on SCOPE … }`
    mutating func parseRole(_ trivia: Trivia) -> RoleDeclaration? {
        let start = advance()
        guard let id = expectIdentifier(.catalog(.diagWhatRoleIDExample)),
              let title = expectString(.catalog(.diagWhatRoleTitle)),
              let open = expect(.leftBrace, "`{`") else { return nil }
        var rules: [RoleRule] = []
        var trivia = trivia
        let closing = parseBlock(of: .role, keywords: Parser.roleKeywords, open: open) { parser, keyword, itemTrivia in
            if let rule = parser.parseRoleRule(keyword, itemTrivia) { rules.append(rule) }
        }
        endStatement(&trivia)
        return RoleDeclaration(id: id, title: title, rules: rules, trivia: trivia, closingComments: closing, span: span(from: start))
    }

    mutating func parseRoleRule(_ keyword: Token, _ trivia: Trivia) -> RoleRule? {
        advance()
        var trivia = trivia
        var actions: [Identifier] = []
        repeat {
            guard let action = expectIdentifier(.catalog(.diagWhatAction)) else { return nil }
            actions.append(action)
        } while match(.comma) != nil
        guard expectKeyword("on", help: Message(.diagHelpScopeAfterOn)) != nil,
              let first = expectIdentifier(.catalog(.diagWhatScope)) else { return nil }
        var words = [first]
        if let and = matchKeyword("and") {
            words.append(Identifier(and.text, span: and.span))
            guard let second = expectIdentifier(.catalog(.diagWhatGrantedAfterAnd)) else { return nil }
            words.append(second)
        }
        let scope = ScopeSyntax(words: words, span: first.span.through(words.last!.span))
        endStatement(&trivia)
        return RoleRule(actions: actions, scope: scope, trivia: trivia, span: span(from: keyword))
    }

    /// `grant ROLE to LOGIN [on PATH, …] [from DATE] [until DATE]`
    mutating func parseGrant(_ trivia: Trivia) -> GrantDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let role = expectIdentifier(.catalog(.diagWhatRoleAfterGrant)),
              expectKeyword("to", help: Message(.diagHelpGrantTo)) != nil,
              let login = expectIdentifier(.catalog(.diagWhatLoginAfterTo)) else { return nil }
        var nodes: [NodePath] = []
        var from: DateLiteral?
        var until: DateLiteral?
        var seen: Set<String> = []
        while let clause = matchKeyword("on") ?? matchKeyword("from") ?? matchKeyword("until") {
            if !seen.insert(clause.text).inserted {
                error(.expectedToken, Message(.diagClauseTwiceGrant, ["clause": .text(clause.text)]), at: clause.span, label: Message(.diagClauseTwiceLabel, ["clause": .text(clause.text)]), help: Message(.diagClauseTwiceGrantHelp))
            }
            switch clause.text {
            case "on":
                repeat {
                    guard let path = parseNodePath(.catalog(.diagWhatCategoryPath)) else { return nil }
                    nodes.append(path)
                } while match(.comma) != nil
            case "from":
                guard let date = expectDate(.catalog(.diagWhatDateAfter, ["keyword": "from"])) else { return nil }
                from = date
            default:
                guard let date = expectDate(.catalog(.diagWhatDateAfter, ["keyword": "until"])) else { return nil }
                until = date
            }
        }
        if !current.startsLine, !atEnd {
            errorExpected(.catalog(.diagWhatGrantContinuation), help: Message(.diagHelpGrantShape))
            return nil
        }
        endStatement(&trivia)
        return GrantDeclaration(role: role, login: login, nodes: nodes, from: from, until: until, trivia: trivia, span: span(from: start))
    }

    /// `a`, `a.b`, `a.b.c`
    mutating func parseNodePath(_ what: @autoclosure () -> Message.Argument) -> NodePath? {
        guard let first = expectIdentifier(what()) else { return nil }
        var segments = [first]
        while check(.dot) {
            advance()
            guard let next = expectIdentifier(.catalog(.diagWhatNameAfterDot)) else { return nil }
            segments.append(next)
        }
        if segments.count > 3 {
            error(.expectedToken, Message(.diagPathTooDeep), at: first.span.through(segments.last!.span), label: Message(.diagPathTooDeepLabel), help: Message(.diagPathTooDeepHelp))
        }
        return NodePath(segments: segments, span: first.span.through(segments.last!.span))
    }

    /// `calendar { year 2028 "source"  day_off 2028-01-09 "source"  workday 2028-… "source" }`
    mutating func parseCalendar(_ trivia: Trivia) -> CalendarDeclaration? {
        let start = advance()
        guard let open = expect(.leftBrace, "`{`") else { return nil }
        var entries: [CalendarEntry] = []
        var trivia = trivia
        let closing = parseBlock(of: .calendar, keywords: Parser.calendarKeywords, open: open) { parser, keyword, itemTrivia in
            if let entry = parser.parseCalendarEntry(keyword, itemTrivia) { entries.append(entry) }
        }
        endStatement(&trivia)
        return CalendarDeclaration(entries: entries, trivia: trivia, closingComments: closing, span: span(from: start))
    }

    mutating func parseCalendarEntry(_ keyword: Token, _ trivia: Trivia) -> CalendarEntry? {
        advance()
        var trivia = trivia
        let kind: CalendarEntry.Kind
        switch keyword.text {
        case "year":
            guard let year = expectInteger(.catalog(.diagWhatYear)) else { return nil }
            kind = .year(year)
        case "day_off":
            guard let date = expectDate(.catalog(.diagWhatDate)) else { return nil }
            kind = .dayOff(date)
        default:
            guard let date = expectDate(.catalog(.diagWhatDate)) else { return nil }
            kind = .workday(date)
        }
        guard let source = expectString(.catalog(.diagWhatLegalSource)) else { return nil }
        endStatement(&trivia)
        return CalendarEntry(kind: kind, source: source, trivia: trivia, span: span(from: keyword))
    }
}
