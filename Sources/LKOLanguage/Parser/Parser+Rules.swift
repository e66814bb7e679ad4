import LKOMessages

extension Parser {
    static let autoRuleKeywords = ["when", "assign", "leave"]
    static let fastTrackKeywords = ["when", "assign", "leave", "term"]

    /// `autorule ID priority N { … }` / `fasttrack ID ["Title"] priority N { … }`
    mutating func parseRule(isFastTrack: Bool, _ trivia: Trivia) -> RuleDeclaration? {
        let start = advance()
        let kind = Block(isFastTrack: isFastTrack)
        var trivia = trivia
        guard let id = expectIdentifier(.catalog(.diagWhatRuleID, ["kind": kind.noun])) else { return nil }
        var title: StringLiteral?
        if check(.string) { title = StringLiteral(advance().text, span: previous.span) }
        var priority: IntegerLiteral?
        if matchKeyword("priority") != nil {
            guard let value = expectInteger(.catalog(.diagWhatPriority)) else { return nil }
            priority = value
        } else {
            errorExpected("`priority N`", help: Message(.diagHelpPriority, ["keyword": .text(start.text), "id": .text(id.name)]))
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
                guard let login = parser.expectIdentifier(.catalog(.diagWhatExecutorLogin)) else { return }
                if target != nil { parser.error(.duplicateCondition, Message(.diagTargetTwice, ["kind": kind.noun]), at: keyword.span, label: Message(.diagTargetTwiceLabel), help: Message(.diagTargetTwiceHelp)) }
                target = .login(login)
                parser.endStatement(&statementTrivia)
                targetTrivia = statementTrivia
            case "leave":
                parser.advance()
                guard parser.expectKeyword("to", help: Message(.diagHelpLeaveTo)) != nil,
                      let word = parser.expectKeyword("coordinator", help: Message(.diagHelpLeaveTo)) else { return }
                if target != nil { parser.error(.duplicateCondition, Message(.diagTargetTwice, ["kind": kind.noun]), at: keyword.span, label: Message(.diagTargetTwiceLabel), help: Message(.diagTargetTwiceHelp)) }
                target = .coordinator(keyword.span.through(word.span))
                parser.endStatement(&statementTrivia)
                targetTrivia = statementTrivia
            default:
                parser.advance()
                guard let value = parser.parseTerm() else { return }
                if term != nil { parser.error(.duplicateCondition, Message(.diagTermTwice), at: keyword.span, label: Message(.diagTermTwiceLabel), help: Message(.diagTermTwiceHelp)) }
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
        let fields = { MatchCondition.Field.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") }
        guard let fieldName = expectIdentifier(.catalog(.diagWhatConditionField, ["list": .text(fields())])) else { return nil }
        guard let field = MatchCondition.Field(rawValue: fieldName.name) else {
            let help = Suggestions.didYouMean(fieldName.name, in: MatchCondition.Field.allCases.map(\.rawValue))
                ?? Message(.diagConditionFieldsHelp, ["list": .text(fields())])
            error(.unknownStatement, Message(.diagUnknownConditionField, ["field": .text(fieldName.name)]), at: fieldName.span, label: Message(.diagUnknownFieldLabel), help: help)
            return nil
        }
        var values: [MatchValue] = []
        repeat {
            switch field {
            case .category, .subcategory, .fact:
                guard let path = parseNodePath(.catalog(.diagWhatNodePath, ["level": Block(NodeDeclaration.Level(rawValue: field.rawValue)!).noun])) else { return nil }
                values.append(.path(path))
            case .regime, .channel:
                guard let name = expectIdentifier(.catalog(field == .regime ? .diagWhatRegimeValue : .diagWhatChannelValue)) else { return nil }
                values.append(.name(name))
            case .source, .locality:
                if check(.string) {
                    let token = advance()
                    values.append(.text(StringLiteral(token.text, span: token.span)))
                } else {
                    guard let name = expectIdentifier(.catalog(field == .source ? .diagWhatSourceValue : .diagWhatLocalityValue)) else { return nil }
                    values.append(.name(name))
                }
            }
        } while match(.comma) != nil
        return MatchCondition(field: field, fieldSpan: fieldToken.span, values: values, trivia: Trivia(), span: span(from: start))
    }
}
