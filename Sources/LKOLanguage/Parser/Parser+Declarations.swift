extension Parser {
    static let organizationKeywords = ["timezone", "term", "deadline", "executor_role", "coordinator_role"]
    static let roleKeywords = ["allow"]
    static let calendarKeywords = ["year", "day_off", "workday"]

    /// `organization "Title" { … }`
    mutating func parseOrganization(_ trivia: Trivia) -> OrganizationDeclaration? {
        let start = advance()
        guard let title = expectString("the organization's title in quotes") else { return nil }
        guard let open = expect(.leftBrace, "`{`") else { return nil }
        var settings: [OrganizationSetting] = []
        var trivia = trivia
        let closing = parseBlock(of: "organization", keywords: Parser.organizationKeywords, open: open) { parser, keyword, itemTrivia in
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
            guard let zone = expectString("a time zone in quotes, e.g. \"Europe/Moscow\"") else { return nil }
            kind = .timeZone(zone)
        case "term":
            guard let regime = expectIdentifier("a regime (`appeal` or `message`)"),
                  let term = parseTerm() else { return nil }
            kind = .term(regime: regime, term)
        case "deadline":
            guard let rule = expectIdentifier("`preceding_working_day` or `next_working_day`") else { return nil }
            kind = .deadlineRule(rule)
        default:
            guard let role = expectIdentifier("a role id") else { return nil }
            kind = .designatedRole(setting: Identifier(keyword.text, span: keyword.span), role: role)
        }
        endStatement(&trivia)
        return OrganizationSetting(kind: kind, trivia: trivia, span: span(from: keyword))
    }

    /// `N calendar days` or `N working days`.
    mutating func parseTerm() -> TermSyntax? {
        guard let days = expectInteger("a number of days") else { return nil }
        let unitToken = current
        let unit: TermSyntax.Unit
        if matchKeyword("calendar") != nil {
            unit = .calendar
        } else if matchKeyword("working") != nil {
            unit = .working
        } else {
            errorExpected("`calendar` or `working`", help: "write a term as `30 calendar days` or `20 working days`")
            return nil
        }
        if matchKeyword("days") == nil, matchKeyword("day") == nil {
            errorExpected("`days`", help: "write a term as `\(days.value) \(unit.rawValue) days`")
            return nil
        }
        return TermSyntax(days: days, unit: unit, span: SourceSpan(file: fileIndex, start: days.span.start, end: max(unitToken.span.end, previous.span.end)))
    }

    /// `role ID "Title" { allow ACTIONS on SCOPE … }`
    mutating func parseRole(_ trivia: Trivia) -> RoleDeclaration? {
        let start = advance()
        guard let id = expectIdentifier("a role id, e.g. `executor`"),
              let title = expectString("the role's title in quotes, e.g. \"Исполнитель\""),
              let open = expect(.leftBrace, "`{`") else { return nil }
        var rules: [RoleRule] = []
        var trivia = trivia
        let closing = parseBlock(of: "role", keywords: Parser.roleKeywords, open: open) { parser, keyword, itemTrivia in
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
            guard let action = expectIdentifier("an action, e.g. `view`") else { return nil }
            actions.append(action)
        } while match(.comma) != nil
        guard expectKeyword("on", help: "finish the rule with a scope: `on any`, `on granted`, `on assigned` or `on assigned and granted`") != nil,
              let first = expectIdentifier("a scope: `any`, `granted`, `assigned` or `assigned and granted`") else { return nil }
        var words = [first]
        if let and = matchKeyword("and") {
            words.append(Identifier(and.text, span: and.span))
            guard let second = expectIdentifier("`granted` after `assigned and`") else { return nil }
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
        guard let role = expectIdentifier("a role id after `grant`"),
              expectKeyword("to", help: "write `grant ROLE to LOGIN`") != nil,
              let login = expectIdentifier("a login after `to`") else { return nil }
        var nodes: [NodePath] = []
        var from: DateLiteral?
        var until: DateLiteral?
        var seen: Set<String> = []
        while let clause = matchKeyword("on") ?? matchKeyword("from") ?? matchKeyword("until") {
            if !seen.insert(clause.text).inserted {
                error(.expectedToken, "`\(clause.text)` given twice in one grant", at: clause.span, label: "second `\(clause.text)`", help: "give each of `on`, `from` and `until` at most once")
            }
            switch clause.text {
            case "on":
                repeat {
                    guard let path = parseNodePath("a category path, e.g. `roads` or `roads.potholes`") else { return nil }
                    nodes.append(path)
                } while match(.comma) != nil
            case "from":
                guard let date = expectDate("a date after `from`") else { return nil }
                from = date
            default:
                guard let date = expectDate("a date after `until`") else { return nil }
                until = date
            }
        }
        if !current.startsLine, !atEnd {
            errorExpected("`on`, `from`, `until` or a new line", help: "a grant reads `grant ROLE to LOGIN on PATH, … from DATE until DATE`")
            return nil
        }
        endStatement(&trivia)
        return GrantDeclaration(role: role, login: login, nodes: nodes, from: from, until: until, trivia: trivia, span: span(from: start))
    }

    /// `a`, `a.b`, `a.b.c`
    mutating func parseNodePath(_ what: String) -> NodePath? {
        guard let first = expectIdentifier(what) else { return nil }
        var segments = [first]
        while check(.dot) {
            advance()
            guard let next = expectIdentifier("a name after `.`") else { return nil }
            segments.append(next)
        }
        if segments.count > 3 {
            error(.expectedToken, "a path has at most three parts (category.subcategory.fact)", at: first.span.through(segments.last!.span), label: "too deep", help: "remove the extra parts")
        }
        return NodePath(segments: segments, span: first.span.through(segments.last!.span))
    }

    /// `calendar { year 2028 "source"  day_off 2028-01-09 "source"  workday 2028-… "source" }`
    mutating func parseCalendar(_ trivia: Trivia) -> CalendarDeclaration? {
        let start = advance()
        guard let open = expect(.leftBrace, "`{`") else { return nil }
        var entries: [CalendarEntry] = []
        var trivia = trivia
        let closing = parseBlock(of: "calendar", keywords: Parser.calendarKeywords, open: open) { parser, keyword, itemTrivia in
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
            guard let year = expectInteger("a year, e.g. 2028") else { return nil }
            kind = .year(year)
        case "day_off":
            guard let date = expectDate("a date") else { return nil }
            kind = .dayOff(date)
        default:
            guard let date = expectDate("a date") else { return nil }
            kind = .workday(date)
        }
        guard let source = expectString("the legal source in quotes, e.g. \"ПП РФ от … № …\"") else { return nil }
        endStatement(&trivia)
        return CalendarEntry(kind: kind, source: source, trivia: trivia, span: span(from: keyword))
    }
}
