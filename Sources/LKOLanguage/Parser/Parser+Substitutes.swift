extension Parser {
    /// `substitute LOGIN, … for LOGIN|anyone [on PATH, …] [as executor|approver]`
    mutating func parseSubstitute(_ trivia: Trivia) -> SubstituteDeclaration? {
        let start = advance()
        var trivia = trivia
        var substitutes: [Identifier] = []
        repeat {
            guard let login = expectIdentifier("the substitute's login after `substitute`") else { return nil }
            substitutes.append(login)
        } while match(.comma) != nil
        guard expectKeyword("for", help: "write `substitute LOGIN for LOGIN` or `substitute LOGIN, … for anyone on PATH`") != nil else { return nil }
        var absentee: Identifier?
        var anyoneSpan: SourceSpan?
        if let anyone = matchKeyword("anyone") {
            anyoneSpan = anyone.span
        } else {
            guard let login = expectIdentifier("the absentee's login, or `anyone` for a pool") else { return nil }
            absentee = login
        }
        var nodes: [NodePath] = []
        var kind: Identifier?
        var seen: Set<String> = []
        while let clause = matchKeyword("on") ?? matchKeyword("as") {
            if !seen.insert(clause.text).inserted {
                error(.expectedToken, "`\(clause.text)` given twice in one substitute declaration", at: clause.span, label: "second `\(clause.text)`", help: "give each of `on` and `as` at most once")
            }
            if clause.text == "on" {
                repeat {
                    guard let path = parseNodePath("a category path, e.g. `roads` or `roads.potholes`") else { return nil }
                    nodes.append(path)
                } while match(.comma) != nil
            } else {
                guard let value = expectIdentifier("`executor` or `approver` after `as`") else { return nil }
                kind = value
            }
        }
        if !current.startsLine, !atEnd {
            errorExpected("`on`, `as` or a new line", help: "a substitute declaration reads `substitute LOGIN for LOGIN|anyone on PATH, … as executor|approver`")
            return nil
        }
        endStatement(&trivia)
        return SubstituteDeclaration(substitutes: substitutes, absentee: absentee, anyoneSpan: anyoneSpan, nodes: nodes, kind: kind, trivia: trivia, span: span(from: start))
    }

    /// `accept CODE for SUBJECT, … because "reason"`
    mutating func parseAccept(_ trivia: Trivia) -> AcceptDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let code = expectIdentifier("a warning code after `accept`, e.g. `W0506`"),
              expectKeyword("for", help: "write `accept W0506 for LOGIN, … because \"reason\"`") != nil else { return nil }
        var subjects: [NodePath] = []
        repeat {
            guard let subject = parseNodePath("what the finding names: a login, a rule id, a role id or a node path") else { return nil }
            subjects.append(subject)
        } while match(.comma) != nil
        guard expectKeyword("because", help: "an accepted finding needs its reason: `because \"…\"`") != nil,
              let reason = expectString("the reason in quotes", help: "say why the finding is intended, e.g. \"малый отдел: один сотрудник и готовит, и утверждает\"") else { return nil }
        endStatement(&trivia)
        return AcceptDeclaration(code: code, subjects: subjects, reason: reason, trivia: trivia, span: span(from: start))
    }
}
