import LKOMessages

extension Parser {
    static let testKeywords = ["at", "expect"]
    static let caseKeys = ["category", "subcategory", "fact", "regime", "channel", "source", "locality", "assignee", "at"]

    /// `test "name" { at DATE  expect … }`
    mutating func parseTest(_ trivia: Trivia) -> TestDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let name = expectString(.catalog(.diagWhatTestName)),
              let open = expect(.leftBrace, "`{`") else { return nil }
        var at: DateLiteral?
        var atTrivia = Trivia()
        var expectations: [Expectation] = []
        let closing = parseBlock(of: .test, keywords: Parser.testKeywords, open: open) { parser, keyword, itemTrivia in
            var itemTrivia = itemTrivia
            if keyword.text == "at" {
                parser.advance()
                guard let date = parser.expectDate(.catalog(.diagWhatTestDate)) else { return }
                if at != nil { parser.error(.duplicateCondition, Message(.diagTestDateTwice), at: keyword.span, label: Message(.diagTestDateTwiceLabel), help: Message(.diagTestDateTwiceHelp)) }
                at = date
                parser.endStatement(&itemTrivia)
                atTrivia = itemTrivia
            } else if let expectation = parser.parseExpectation(keyword, itemTrivia) {
                expectations.append(expectation)
            }
        }
        endStatement(&trivia)
        return TestDeclaration(name: name, at: at, expectations: expectations, trivia: trivia, atTrivia: atTrivia, closingComments: closing, span: span(from: start))
    }

    mutating func parseExpectation(_ keyword: Token, _ trivia: Trivia) -> Expectation? {
        advance()
        var trivia = trivia
        let kind: Expectation.Kind
        if let verdict = matchKeyword("allow") ?? matchKeyword("deny") {
            guard let login = expectIdentifier(.catalog(.diagWhatLogin)),
                  let action = expectIdentifier(.catalog(.diagWhatActionPlain)),
                  let description = parseCaseDescription() else { return nil }
            kind = .decision(allow: verdict.text == "allow", login: login, action: action, description)
        } else if matchKeyword("route") != nil {
            guard let description = parseCaseDescription(),
                  expectKeyword("to", help: Message(.diagHelpExpectRouteTo)) != nil else { return nil }
            let target: RuleTarget
            if let word = matchKeyword("coordinator") {
                target = .coordinator(word.span)
            } else {
                guard let login = expectIdentifier(.catalog(.diagWhatLoginOrCoordinator)) else { return nil }
                target = .login(login)
            }
            var via: RouteVia?
            if matchKeyword("via") != nil {
                guard let viaKind = expectIdentifier(.catalog(.diagWhatRuleKind)),
                      let id = expectIdentifier(.catalog(.diagWhatRuleIDPlain)) else { return nil }
                via = RouteVia(kind: viaKind, id: id)
            }
            kind = .route(description, target: target, via: via)
        } else {
            errorExpected(.catalog(.diagWhatExpectation), help: Message(.diagHelpExpectShape))
            return nil
        }
        endStatement(&trivia)
        return Expectation(kind: kind, trivia: trivia, span: span(from: keyword))
    }

    /// `case { KEY VALUE … }`
    mutating func parseCaseDescription() -> CaseDescription? {
        guard let start = expectKeyword("case", help: Message(.diagHelpCaseShape)),
              expect(.leftBrace, "`{`") != nil else { return nil }
        var fields: [CaseDescription.Field] = []
        while !atEnd, !check(.rightBrace) {
            guard let key = expectIdentifier(.catalog(.diagWhatCaseField, ["list": .text(Parser.caseKeys.map { "`\($0)`" }.joined(separator: ", "))])) else {
                recover(to: Parser.caseKeys, insideBlock: true)
                continue
            }
            switch key.name {
            case "category", "subcategory", "fact":
                guard let path = parseNodePath(.catalog(.diagWhatNodePath, ["level": Block(NodeDeclaration.Level(rawValue: key.name)!).noun])) else { continue }
                fields.append(.init(key: key, value: .path(path), date: nil))
            case "at":
                guard let date = expectDate(.catalog(.diagWhatDate)) else { continue }
                fields.append(.init(key: key, value: .name(Identifier(date.description, span: date.span)), date: date))
            case "source", "locality":
                if check(.string) {
                    let token = advance()
                    fields.append(.init(key: key, value: .text(StringLiteral(token.text, span: token.span)), date: nil))
                } else if let name = expectIdentifier(.catalog(key.name == "source" ? .diagWhatSource : .diagWhatLocality)) {
                    fields.append(.init(key: key, value: .name(name), date: nil))
                }
            case "regime", "channel", "assignee":
                if let name = expectIdentifier(.catalog(key.name == "regime" ? .diagWhatRegime : key.name == "channel" ? .diagWhatChannel : .diagWhatAssignee)) {
                    fields.append(.init(key: key, value: .name(name), date: nil))
                }
            default:
                let help = Suggestions.didYouMean(key.name, in: Parser.caseKeys)
                    ?? Message(.diagCaseFieldsHelp, ["list": .text(Parser.caseKeys.map { "`\($0)`" }.joined(separator: ", "))])
                error(.invalidCaseDescription, Message(.diagUnknownCaseField, ["field": .text(key.name)]), at: key.span, label: Message(.diagUnknownFieldLabel), help: help)
                if !check(.rightBrace) { advance() }
            }
        }
        guard expect(.rightBrace, .catalog(.diagWhatCaseClose)) != nil else { return nil }
        return CaseDescription(fields: fields, span: span(from: start))
    }
}
