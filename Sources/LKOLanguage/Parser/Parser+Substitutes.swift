import LKOMessages

extension Parser {
    /// `substitute LOGIN, … for LOGIN|anyone [on PATH, …] [as executor|approver]`
    mutating func parseSubstitute(_ trivia: Trivia) -> SubstituteDeclaration? {
        let start = advance()
        var trivia = trivia
        var substitutes: [Identifier] = []
        repeat {
            guard let login = expectIdentifier(.catalog(.diagWhatSubstituteLogin)) else { return nil }
            substitutes.append(login)
        } while match(.comma) != nil
        guard expectKeyword("for", help: Message(.diagHelpSubstituteFor)) != nil else { return nil }
        var absentee: Identifier?
        var anyoneSpan: SourceSpan?
        if let anyone = matchKeyword("anyone") {
            anyoneSpan = anyone.span
        } else {
            guard let login = expectIdentifier(.catalog(.diagWhatAbsentee)) else { return nil }
            absentee = login
        }
        var nodes: [NodePath] = []
        var kind: Identifier?
        var seen: Set<String> = []
        while let clause = matchKeyword("on") ?? matchKeyword("as") {
            if !seen.insert(clause.text).inserted {
                error(.expectedToken, Message(.diagClauseTwiceSubstitute, ["clause": .text(clause.text)]), at: clause.span, label: Message(.diagClauseTwiceLabel, ["clause": .text(clause.text)]), help: Message(.diagClauseTwiceSubstituteHelp))
            }
            if clause.text == "on" {
                repeat {
                    guard let path = parseNodePath(.catalog(.diagWhatCategoryPath)) else { return nil }
                    nodes.append(path)
                } while match(.comma) != nil
            } else {
                guard let value = expectIdentifier(.catalog(.diagWhatSubstituteKind)) else { return nil }
                kind = value
            }
        }
        if !current.startsLine, !atEnd {
            errorExpected(.catalog(.diagWhatSubstituteContinuation), help: Message(.diagHelpSubstituteShape))
            return nil
        }
        endStatement(&trivia)
        return SubstituteDeclaration(substitutes: substitutes, absentee: absentee, anyoneSpan: anyoneSpan, nodes: nodes, kind: kind, trivia: trivia, span: span(from: start))
    }

    /// `accept CODE for SUBJECT, … because "reason"`
    mutating func parseAccept(_ trivia: Trivia) -> AcceptDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let code = expectIdentifier(.catalog(.diagWhatWarningCode)),
              expectKeyword("for", help: Message(.diagHelpAcceptShape)) != nil else { return nil }
        var subjects: [NodePath] = []
        repeat {
            guard let subject = parseNodePath(.catalog(.diagWhatAcceptSubject)) else { return nil }
            subjects.append(subject)
        } while match(.comma) != nil
        guard expectKeyword("because", help: Message(.diagHelpAcceptBecause)) != nil,
              let reason = expectString(.catalog(.diagWhatReason), help: Message(.diagHelpReason)) else { return nil }
        endStatement(&trivia)
        return AcceptDeclaration(code: code, subjects: subjects, reason: reason, trivia: trivia, span: span(from: start))
    }
}
