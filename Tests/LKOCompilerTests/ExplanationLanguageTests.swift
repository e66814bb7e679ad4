import Testing
@testable import LKOCalendar
@testable import LKOCompiler

/// Issue 16: an explanation keeps facts and renders them in the reader's language — Russian by
/// default (the API, the console, `lko explain`), English with `LKO_LANG=en` — with dates as
/// DD.MM.YYYY and the policy's identifiers as they are.
@Suite("explanations in Russian and English")
struct ExplanationLanguageTests {
    @Test(arguments: decisionCases)
    func everyReasonRendersInBothLanguages(_ example: DecisionCase) throws {
        let policy = try #require(DecisionTests.compiled)
        let node = try example.node.map { try #require(policy.nodeIndex($0)) }
        let explanation = policy.explain(login: example.login, action: example.action, node: node, assignee: example.assignee, on: try day(example.date))
        let russian = explanation.lines(in: .ru), english = explanation.lines(in: .en)
        #expect(russian == explanation.lines, "`lines` is Russian")
        #expect(russian.count == english.count)
        let dayText = example.date.split(separator: "-").reversed().joined(separator: ".")
        #expect(russian[0].hasPrefix("\(explanation.verdict) \(example.login) \(example.action.rawValue) на \(dayText) ("), "\(russian[0])")
        #expect(english[0].hasPrefix("\(explanation.verdict) \(example.login) \(example.action.rawValue) on \(dayText) ("), "\(english[0])")
        for line in russian + english {
            #expect(!line.contains("{") && !line.contains("}"), "a placeholder left: \(line)")
            #expect(line.firstMatch(of: /\d{4}-\d{2}-\d{2}/) == nil, "an ISO date in text: \(line)")
        }
        // Russian lines are Russian: no English words of the English lines' labels.
        #expect(!russian.dropFirst().contains { $0.hasPrefix("  reason:") || $0.hasPrefix("  grant:") || $0.contains(" does not allow ") })
        if let denial = explanation.denial {
            #expect(russian.last == "  причина:    " + denial.text(in: .ru))
            #expect(english.last == "  reason: " + denial.text(in: .en))
        }
    }

    @Test func theCaseIsNamedInTheHeadInBothLanguages() throws {
        let policy = try #require(DecisionTests.compiled)
        let unassigned = policy.explain(login: "u4", action: .approve, node: policy.nodeIndex("c.s"), assignee: nil, on: try day("2026-01-15"))
        #expect(unassigned.lines[0] == "DENY u4 approve на 15.01.2026 (сообщение или обращение в `c.s`, исполнитель не назначен)")
        #expect(unassigned.lines(in: .en)[0] == "DENY u4 approve on 15.01.2026 (case in `c.s`, unassigned)")
        #expect(unassigned.caseText == "сообщение или обращение в `c.s`, исполнитель не назначен")
        let noCase = policy.explain(login: "root", action: .manageUsers, node: nil, assignee: nil, on: try day("2026-01-15"))
        #expect(noCase.lines[0] == "ALLOW root manage_users на 15.01.2026 (без сообщения или обращения)")
        #expect(noCase.lines(in: .en)[0] == "ALLOW root manage_users on 15.01.2026 (no case)")
        #expect(noCase.lines(in: .en)[3] == "  scope:  any case")
        let notMine = policy.explain(login: "u3", action: .submit, node: policy.nodeIndex("c.t"), assignee: "u4", on: try day("2026-01-15"))
        #expect(notMine.denial?.message.hasPrefix("сообщение или обращение не назначено u3 (исполнитель u4); роль `arole` «As» допускает `submit` только на `assigned`") == true)
        #expect(notMine.denial?.text(in: .en).hasPrefix("case not assigned to u3 (assigned to u4); role `arole` «As» allows `submit` only on `assigned` cases") == true)
        let stranger = policy.explain(login: "stranger", action: .view, node: nil, assignee: nil, on: try day("2026-01-15"))
        #expect(stranger.denial?.message == "ни одно назначение (`grant`) не называет `stranger`")
        #expect(stranger.denial?.text(in: .en) == "no grant names `stranger`")
    }

    @Test func messagesRenderLaterInAnyLanguage() throws {
        let policy = try #require(DecisionTests.compiled)
        let explanation = policy.explain(login: "u2", action: .approve, node: policy.nodeIndex("c.t"), assignee: nil, on: try day("2026-01-15"))
        #expect(explanation.messages.map { $0.render(.en) } == explanation.lines(in: .en))
        #expect(explanation.messages.map(\.description) == explanation.lines, "a message's description is Russian")
        #expect(explanation.lines.last == "  причина:    нет назначения на `c.t`: назначение роли `grole` «G» (\(policy.tables.grants.first { $0.login == "u2" }!.position)) охватывает c.s")
    }
}
