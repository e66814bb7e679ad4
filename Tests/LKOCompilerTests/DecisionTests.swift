import Testing
@testable import LKOCalendar
@testable import LKOCompiler

let scopesPolicy = header + """
role anyrole "A" {
  allow view on any
}
role grole "G" {
  allow approve on granted
}
role arole "As" {
  allow submit on assigned
}
role admin "Adm" {
  allow manage_users, view_audit on any
}
category c "C" {
  subcategory s "S" {
    fact f "F"
  }
  subcategory t "T"
}
category d "D"
grant anyrole to u1 on c
grant grole to u2 on c.s from 2026-01-10 until 2026-01-20
grant arole to u3 on c.t
grant executor to u4 on c.s
grant executor to u4 on d
grant admin to root
"""

struct DecisionCase: CustomTestStringConvertible, Sendable {
    var login: String
    var action: Action
    var node: String?
    var assignee: String?
    var date: String
    /// nil for allow, else the denial reason code.
    var denial: String?
    var testDescription: String { "\(login) \(action.rawValue) \(node ?? "-") @\(assignee ?? "-") \(date) → \(denial ?? "allow")" }
}

func D(_ login: String, _ action: Action, _ node: String?, _ assignee: String?, _ date: String = "2026-01-15", _ denial: String? = nil) -> DecisionCase {
    DecisionCase(login: login, action: action, node: node, assignee: assignee, date: date, denial: denial)
}

let decisionCases: [DecisionCase] = [
    // any: ignores the grant's nodes and the assignment, and needs no case.
    D("u1", .view, "d", nil),
    D("u1", .view, "c.s.f", "someone"),
    D("u1", .view, nil, nil),
    D("u1", .approve, "c.s", nil, "2026-01-15", "role_lacks_action"),
    // granted: a fact inside the granted subcategory; validity inclusive at both ends.
    D("u2", .approve, "c.s.f", nil, "2026-01-10"),
    D("u2", .approve, "c.s", "u9", "2026-01-20"),
    D("u2", .approve, "c.s", nil, "2026-01-21", "grant_expired"),
    D("u2", .approve, "c.s", nil, "2026-01-09", "grant_not_yet_valid"),
    D("u2", .approve, "c.t", nil, "2026-01-15", "not_in_granted_categories"),
    D("u2", .approve, "c", nil, "2026-01-15", "not_in_granted_categories"),
    D("u2", .approve, nil, nil, "2026-01-15", "no_case"),
    // assigned: anywhere, but only the holder's own cases.
    D("u3", .submit, "d", "u3"),
    D("u3", .submit, "c.s.f", "u3"),
    D("u3", .submit, "c.t", "u4", "2026-01-15", "not_assigned"),
    D("u3", .submit, "c.t", nil, "2026-01-15", "not_assigned"),
    D("u3", .submit, nil, "u3", "2026-01-15", "no_case"),
    // assigned and granted: both.
    D("u4", .draft, "c.s.f", "u4"),
    D("u4", .draft, "d", "u4"),
    D("u4", .draft, "c.t", "u4", "2026-01-15", "not_in_granted_categories"),
    D("u4", .draft, "c.s", "u5", "2026-01-15", "not_assigned"),
    D("u4", .draft, "c", "u4", "2026-01-15", "not_in_granted_categories"),
    D("u4", .approve, "c.s", "u4", "2026-01-15", "role_lacks_action"),
    // Administrative actions concern no case.
    D("root", .manageUsers, nil, nil),
    D("root", .viewAudit, nil, nil),
    D("root", .managePolicy, nil, nil, "2026-01-15", "role_lacks_action"),
    D("root", .view, "c.s", "root", "2026-01-15", "role_lacks_action"),
    D("boss", .assign, nil, nil),
    D("boss", .assign, "c.t", nil),
    // Unknown login.
    D("stranger", .view, "c.s", "stranger", "2026-01-15", "no_grant"),
    D("", .view, nil, nil, "2026-01-15", "no_grant"),
]

@Suite("decide and explain")
struct DecisionTests {
    static let compiled: CompiledPolicy? = compile(scopesPolicy).policy

    @Test(arguments: decisionCases)
    func decision(_ example: DecisionCase) throws {
        let policy = try #require(DecisionTests.compiled)
        let node = try example.node.map { try #require(policy.nodeIndex($0), "unknown node \($0)") }
        let date = try day(example.date)
        let allowed = policy.decide(login: example.login, action: example.action, node: node, assignee: example.assignee, on: date)
        let explanation = policy.explain(login: example.login, action: example.action, node: node, assignee: example.assignee, on: date)
        #expect(allowed == (example.denial == nil))
        #expect(explanation.allowed == allowed)
        #expect(explanation.denial?.reason.code == example.denial)
        #expect((explanation.match != nil) == allowed)
    }

    @Test func explanationNamesTheGrantRuleAndScope() throws {
        let policy = try #require(DecisionTests.compiled)
        let grant = try #require(policy.tables.grants.first { $0.login == "u2" })
        let yes = policy.explain(login: "u2", action: .approve, node: policy.nodeIndex("c.s.f"), assignee: nil, on: try day("2026-01-10"))
        #expect(yes.match == .init(grant: grant.index, grantPosition: grant.position, role: "grole", rulePosition: "p.lko:\(headerLines + 5):3", scope: .granted, grantNodes: ["c.s"]))
        #expect(yes.lines(in: .en) == [
            "ALLOW u2 approve on 10.01.2026 (case in `c.s.f`, unassigned)",
            "  grant:  `grole` «G» to u2 (\(grant.position))",
            "  rule:   `allow approve on granted` (p.lko:\(headerLines + 5):3)",
            "  scope:  the case is inside c.s",
        ])
        #expect(yes.lines == yes.lines(in: .ru), "Russian is what the API and the console show")
        #expect(yes.lines == [
            "ALLOW u2 approve на 10.01.2026 (сообщение или обращение в `c.s.f`, исполнитель не назначен)",
            "  назначение: роль `grole` «G» у u2 (\(grant.position))",
            "  правило:    `allow approve on granted` (p.lko:\(headerLines + 5):3)",
            "  область:    сообщение или обращение входит в c.s",
        ])
        let expired = policy.explain(login: "u2", action: .approve, node: policy.nodeIndex("c.s"), assignee: nil, on: try day("2026-01-21"))
        #expect(expired.denial?.reason == .expired(until: "2026-01-20"))
        #expect(expired.denial?.grant == grant.index)
        #expect(expired.lines(in: .en).last == "  reason: grant at \(grant.position) expired after 20.01.2026 (valid until 20.01.2026 inclusive)")
        #expect(expired.lines.last == "  причина:    назначение (\(grant.position)) истекло: оно действовало по 20.01.2026 включительно")
        let early = policy.explain(login: "u2", action: .approve, node: policy.nodeIndex("c.s"), assignee: nil, on: try day("2026-01-09"))
        #expect(early.denial?.reason == .notYetValid(from: "2026-01-10"))
        let wrongNode = policy.explain(login: "u2", action: .approve, node: policy.nodeIndex("c.t"), assignee: nil, on: try day("2026-01-15"))
        #expect(wrongNode.denial?.reason == .notInGrantedNodes(grantNodes: ["c.s"]))
        let notMine = policy.explain(login: "u3", action: .submit, node: policy.nodeIndex("c.t"), assignee: "u4", on: try day("2026-01-15"))
        #expect(notMine.denial?.reason == .notAssigned(assignee: "u4"))
        let lacks = policy.explain(login: "u1", action: .approve, node: policy.nodeIndex("c.s"), assignee: nil, on: try day("2026-01-15"))
        #expect(lacks.denial?.reason == .roleLacksAction(role: "anyrole"))
        #expect(lacks.denial?.text(in: .en).hasSuffix("roles that allow it: `grole` «G»") == true)
        #expect(lacks.denial?.rolesAllowing == ["grole"])
        #expect(lacks.denial?.message == lacks.denial?.text(in: .ru))
        #expect(lacks.denial?.message.hasSuffix("это действие допускают роли: `grole` «G»") == true)
    }

    @Test func nodeLookupByCategoryAndSubcategory() throws {
        let policy = try #require(DecisionTests.compiled)
        #expect(policy.nodeIndex(category: "c", subcategory: "s") == policy.nodeIndex("c.s"))
        #expect(policy.nodeIndex(category: "c", subcategory: "c.s.f") == policy.nodeIndex("c.s.f"))
        #expect(policy.nodeIndex(category: nil, subcategory: "c.t") == policy.nodeIndex("c.t"))
        #expect(policy.nodeIndex(category: "d", subcategory: nil) == policy.nodeIndex("d"))
        #expect(policy.nodeIndex(category: nil, subcategory: "s") == nil)
        #expect(policy.nodeIndex(category: "c", subcategory: "nope") == nil)
        #expect(policy.nodeIndex(category: "nope", subcategory: nil) == nil)
        // A full path under another category contradicts the request's category.
        #expect(policy.nodeIndex(category: "d", subcategory: "c.s") == nil)
        #expect(policy.nodeIndex(category: "c", subcategory: "c.s.f") != nil)
        #expect(policy.nodeIndex(category: "cc", subcategory: "c.s") == nil)
    }
}

/// A reference decision read straight off the permission rows with path prefixes and string
/// dates: no interning, no ranges. The compiled indexes must agree with it everywhere.
func referenceDecision(_ tables: PolicyTables, login: String, action: Action, node: String?, assignee: String?, date: String) -> Bool {
    tables.permissions.contains { row in
        guard row.login == login, row.action == action.rawValue else { return false }
        if let from = row.from, date < from { return false }
        if let until = row.until, date > until { return false }
        let inside = node.map { path in row.nodes.isEmpty || row.nodes.contains { path == $0 || path.hasPrefix($0 + ".") } } ?? false
        switch row.scope {
        case .any: return true
        case .granted: return inside
        case .assigned: return node != nil && assignee == login
        case .assignedAndGranted: return inside && assignee == login
        }
    }
}

@Suite("decide and explain agree on the shipped policy")
struct ShippedGridTests {
    @Test func exhaustiveGrid() throws {
        let compilation = try shippedCompilation()
        let policy = try #require(compilation.policy)
        let tables = policy.tables
        let logins = tables.logins + ["stranger"]
        let nodes: [String?] = [nil] + tables.nodes.map(\.path)
        let dates = ["2026-03-02", "2027-01-10", "2027-01-11", "2027-02-05", "2027-02-06", "2027-06-28", "2027-06-29"]
        var checked = 0
        var allowed = 0
        var reasons: [String: Int] = [:]
        var mismatches: [String] = []
        for dateText in dates {
            let date = try day(dateText)
            for login in logins {
                for assignee in [nil, login, "roads_specialist"] as [String?] {
                    for path in nodes {
                        let node = path.flatMap(policy.nodeIndex)
                        for action in Action.allCases {
                            let fast = policy.decide(login: login, action: action, node: node, assignee: assignee, on: date)
                            let explanation = policy.explain(login: login, action: action, node: node, assignee: assignee, on: date)
                            let reference = referenceDecision(tables, login: login, action: action, node: path, assignee: assignee, date: dateText)
                            checked += 1
                            if fast { allowed += 1 }
                            if let reason = explanation.denial?.reason.code { reasons[reason, default: 0] += 1 }
                            if fast != explanation.allowed || fast != reference || (explanation.match == nil) == fast || (explanation.denial == nil) != fast {
                                mismatches.append("\(login) \(action.rawValue) \(path ?? "-") \(assignee ?? "-") \(dateText): decide \(fast) explain \(explanation.allowed) reference \(reference)")
                            }
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(checked == dates.count * logins.count * 3 * nodes.count * Action.allCases.count)
        #expect(allowed > 0 && allowed < checked)
        // Every denial reason occurs somewhere in the grid.
        #expect(Set(reasons.keys) == ["no_grant", "role_lacks_action", "grant_expired", "grant_not_yet_valid", "not_in_granted_categories", "not_assigned", "no_case"])
    }

    @Test(arguments: [
        ("roads_deputy", "2027-01-10", "grant_not_yet_valid"),
        ("roads_deputy", "2027-01-11", nil),
        ("roads_deputy", "2027-02-05", nil),
        ("roads_deputy", "2027-02-06", "grant_expired"),
        ("housing_deputy", "2027-06-28", "not_in_granted_categories"),
    ] as [(String, String, String?)])
    func deputyValidityOnTheShippedPolicy(login: String, date: String, denial: String?) throws {
        let policy = try #require(try shippedCompilation().policy)
        let explanation = policy.explain(login: login, action: .draft, node: policy.nodeIndex("roads.potholes.carriageway"), assignee: login, on: try day(date))
        #expect(explanation.denial?.reason.code == denial)
    }
}
