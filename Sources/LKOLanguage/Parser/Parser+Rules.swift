extension Parser {
    static let autoRuleKeywords = ["when", "assign", "leave"]
    static let fastTrackKeywords = ["when", "assign", "leave", "term"]

    /// `autorule ID priority N { … }` / `fasttrack ID ["Title"] priority N { … }`
    mutating func parseRule(isFastTrack: Bool, _ trivia: Trivia) -> RuleDeclaration? {
        let start = advance()
        let kind = isFastTrack ? "fast-track" : "auto-rule"
        var trivia = trivia
        guard let id = expectIdentifier("the \(kind)'s id") else { return nil }
        var title: StringLiteral?
        if check(.string) { title = StringLiteral(advance().text, span: previous.span) }
        var priority: IntegerLiteral?
        if matchKeyword("priority") != nil {
            guard let value = expectInteger("a priority number (1 is tried first)") else { return nil }
            priority = value
        } else {
            errorExpected("`priority N`", help: "rules are tried from the lowest priority number up; write e.g. `\(start.text) \(id.name) priority 10 { … }`")
        }
        guard let open = expect(.leftBrace, "`{`") else { return nil }
        var conditions: [MatchCondition] = []
        var target: RuleTarget?
        var term: TermSyntax?
        var targetTrivia = Trivia()
        var termTrivia = Trivia()
        let closing = parseBlock(of: kind, keywords: isFastTrack ? Parser.fastTrackKeywords : Parser.autoRuleKeywords, open: open) { parser, keyword, statementTrivia in
            var statementTrivia = statementTrivia
            switch keyword.text {
            case "when":
                guard var condition = parser.parseCondition() else { return }
                parser.endStatement(&statementTrivia)
                condition.trivia = statementTrivia
                conditions.append(condition)
            case "assign":
                parser.advance()
                guard let login = parser.expectIdentifier("the login of an executor") else { return }
                if target != nil { parser.error(.duplicateCondition, "the \(kind) has a target already", at: keyword.span, label: "second target", help: "keep one `assign` (or `leave to coordinator`)") }
                target = .login(login)
                parser.endStatement(&statementTrivia)
                targetTrivia = statementTrivia
            case "leave":
                parser.advance()
                guard parser.expectKeyword("to", help: "write `leave to coordinator`") != nil,
                      let word = parser.expectKeyword("coordinator", help: "write `leave to coordinator`") else { return }
                if target != nil { parser.error(.duplicateCondition, "the \(kind) has a target already", at: keyword.span, label: "second target", help: "keep one `assign` (or `leave to coordinator`)") }
                target = .coordinator(keyword.span.through(word.span))
                parser.endStatement(&statementTrivia)
                targetTrivia = statementTrivia
            default:
                parser.advance()
                guard let value = parser.parseTerm() else { return }
                if term != nil { parser.error(.duplicateCondition, "the fast-track has a term already", at: keyword.span, label: "second term", help: "keep one `term`") }
                term = value
                parser.endStatement(&statementTrivia)
                termTrivia = statementTrivia
            }
        }
        endStatement(&trivia)
        return RuleDeclaration(id: id, title: title, priority: priority, conditions: conditions, target: target, term: term, trivia: trivia, targetTrivia: targetTrivia, termTrivia: termTrivia, closingComments: closing, span: span(from: start))
    }

    /// `when FIELD VALUE, …`
    mutating func parseCondition() -> MatchCondition? {
        let start = advance()
        let fieldToken = current
        guard let fieldName = expectIdentifier("what to match: " + MatchCondition.Field.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")) else { return nil }
        guard let field = MatchCondition.Field(rawValue: fieldName.name) else {
            let help = Suggestions.closest(to: fieldName.name, in: MatchCondition.Field.allCases.map(\.rawValue)).map { "did you mean `\($0)`?" }
                ?? "a rule can match on " + MatchCondition.Field.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            error(.unknownStatement, "cannot match on `\(fieldName.name)`", at: fieldName.span, label: "unknown field", help: help)
            return nil
        }
        var values: [MatchValue] = []
        repeat {
            switch field {
            case .category, .subcategory, .fact:
                guard let path = parseNodePath("a \(field.rawValue) path") else { return nil }
                values.append(.path(path))
            case .regime, .channel:
                guard let name = expectIdentifier(field == .regime ? "`appeal` or `message`" : "`widget`, `epgu_account` or `mobile_app`") else { return nil }
                values.append(.name(name))
            case .source, .locality:
                if check(.string) {
                    let token = advance()
                    values.append(.text(StringLiteral(token.text, span: token.span)))
                } else {
                    guard let name = expectIdentifier("a \(field.rawValue) (a name or a string in quotes)") else { return nil }
                    values.append(.name(name))
                }
            }
        } while match(.comma) != nil
        return MatchCondition(field: field, fieldSpan: fieldToken.span, values: values, trivia: Trivia(), span: span(from: start))
    }
}
